import {
  RatingView,
  RequestDetail,
  RequestSummary,
  Role,
  TimelineEvent,
  UploadedPhoto,
} from '@gezhi/shared';
import { formatAddress, RoomPlacement } from '../geo/room-placement';
import { isOwner } from './access/request-access';
import { contactPhoneFor, excerpt, formatSerial, reporterNameFor } from './domain/request-presentation';
import { actionsFor } from './domain/transition-guard';
import type { Viewer } from './domain/viewer';
import type { RatingEntity, RequestEntity, TimelineEventEntity } from './request.entities';

/** Everything a detail view is made of, loaded by RequestViews (or already at hand right after filing). */
export interface DetailParts {
  request: RequestEntity;
  place: RoomPlacement;
  timeline: TimelineEventEntity[];
  rating: RatingEntity | null;
  photos: Map<string, UploadedPhoto>;
  /** display names of staff actors and the holder, by user id */
  names: Map<number, string>;
}

const SYSTEM_ACTOR_NAME = '系统';

const pick = (ids: readonly string[], photos: Map<string, UploadedPhoto>): UploadedPhoto[] =>
  ids.map((id) => photos.get(id)).filter((p): p is UploadedPhoto => p !== undefined);

/** The list item: masked reporter for staff, the first photo as thumbnail. */
export function composeSummary(
  viewer: Viewer,
  request: RequestEntity,
  place: RoomPlacement,
  thumbnail: UploadedPhoto | null,
): RequestSummary {
  const viewerIsOwner = isOwner(viewer, request);
  return {
    id: request.id,
    serial: formatSerial(request.id),
    category: request.category,
    subcategory: request.subcategory,
    excerpt: excerpt(request.description),
    urgency: request.urgency,
    status: request.status,
    level: request.level,
    channel: request.channel,
    gridId: request.gridId,
    gridName: place.gridName,
    reporterName: reporterNameFor(request.contactName, { viewerIsOwner, showNamePublicly: request.showNamePublicly }),
    address: formatAddress(place),
    reopenCount: request.reopenCount,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    thumbnail,
  };
}

export function composeDetail(viewer: Viewer, parts: DetailParts): RequestDetail {
  const { request, photos, names } = parts;
  const viewerIsOwner = isOwner(viewer, request);
  const requestPhotos = pick(request.photoIds, photos);
  const summary = composeSummary(viewer, request, parts.place, requestPhotos[0] ?? null);
  const actorName = (event: TimelineEventEntity): string => {
    if (event.actorRole === 'SYSTEM' || event.actorUserId === null) return SYSTEM_ACTOR_NAME;
    if (event.actorRole === Role.Resident) return summary.reporterName;
    return names.get(event.actorUserId) ?? '';
  };
  const timeline: TimelineEvent[] = parts.timeline.map((event) => ({
    id: event.id,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorName: actorName(event),
    actorRole: event.actorRole,
    note: event.note,
    photos: pick(event.photoIds, photos),
    at: event.createdAt.toISOString(),
  }));
  return {
    ...summary,
    description: request.description,
    showNamePublicly: request.showNamePublicly,
    photos: requestPhotos,
    contactPhoneMasked: contactPhoneFor(request.contactPhone, { viewerIsOwner }),
    holderName: request.holderUserId === null ? null : (names.get(request.holderUserId) ?? null),
    rating: parts.rating ? ratingView(parts.rating) : null,
    timeline,
    availableActions: actionsFor(viewer, request),
    version: request.version,
  };
}

function ratingView(rating: RatingEntity): RatingView {
  return {
    speed: rating.speed,
    effect: rating.effect,
    attitude: rating.attitude,
    comment: rating.comment,
    ratedAt: rating.createdAt.toISOString(),
  };
}
