import {
  DeadlineView,
  RatingSource,
  residentStatusLabel,
  Supervision,
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
import { assignmentView, ReportClock } from './assignment-view';
import { publicSummaryDraft } from '../board/domain/public-summary';
import type { WhistleAssignmentEntity } from './whistle-assignment.entity';

/** The whistle chain of a request (every round) and the names of the departments in it. */
export interface WhistleParts {
  assignments: WhistleAssignmentEntity[];
  departmentNames: Map<number, string>;
  /** the street's setting, when the request is held at community level */
  communityMayWhistle: boolean;
  /** the request's clocks, for the departments' report supervision (REPORT clocks against DEPARTMENT units) */
  reportClocks?: readonly ReportClock[];
}

/** Everything a detail view is made of, loaded by RequestViews (or already at hand right after filing). */
export interface DetailParts {
  request: RequestEntity;
  place: RoomPlacement;
  timeline: TimelineEventEntity[];
  rating: RatingEntity | null;
  photos: Map<string, UploadedPhoto>;
  /** display names of staff actors and the holder, by user id */
  names: Map<number, string>;
  /** the request's clocks (staff views): the summary of the running ones and every clock */
  clocks?: { summary: ClockFacts; all: DeadlineView[] };
  /** absent right after filing (nothing whistled yet) */
  whistle?: WhistleParts;
  /** staff views: names of the reporter's household (removed from the public-summary draft) */
  householdNames?: readonly string[];
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
  clocks?: ClockFacts,
): RequestSummary {
  const viewerIsOwner = isOwner(viewer, request);
  const staffView = viewer.role !== Role.Resident;
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
    reporterName: reporterNameFor(request.contactName, { viewerIsOwner }),
    address: formatAddress(place),
    reopenCount: request.reopenCount,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    thumbnail,
    statusLabel: residentStatusLabel(request.status, request.level),
    ...(staffView && clocks
      ? { dueAt: clocks.dueAt ? clocks.dueAt.toISOString() : null, supervision: clocks.supervision }
      : {}),
    ...(staffView ? { fromUnverifiedHome: request.fromUnverifiedHome === true } : {}),
  };
}

/** A request's running clocks as a list item shows them (DeadlineService.summariesOf). */
export interface ClockFacts {
  dueAt: Date | null;
  supervision: Supervision;
}

export function composeDetail(viewer: Viewer, parts: DetailParts): RequestDetail {
  const { request, photos, names } = parts;
  const viewerIsOwner = isOwner(viewer, request);
  const requestPhotos = pick(request.photoIds, photos);
  const summary = composeSummary(viewer, request, parts.place, requestPhotos[0] ?? null, parts.clocks?.summary);
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
    departmentName: event.departmentId ? (parts.whistle?.departmentNames.get(event.departmentId) ?? null) : null,
  }));
  const whistle = parts.whistle;
  const facts = whistle ? { ...request, assignments: whistle.assignments, communityMayWhistle: whistle.communityMayWhistle } : request;
  return {
    ...summary,
    description: request.description,
    showNamePublicly: request.showNamePublicly,
    photos: requestPhotos,
    contactPhoneMasked: contactPhoneFor(request.contactPhone, { viewerIsOwner }),
    holderName: request.holderUserId === null ? null : (names.get(request.holderUserId) ?? null),
    rating: parts.rating ? ratingView(parts.rating, names) : null,
    timeline,
    availableActions: actionsFor(viewer, facts),
    version: request.version,
    whistle:
      whistle && viewer.role !== Role.Resident
        ? whistle.assignments.map((a) => assignmentView(a, whistle.departmentNames.get(a.departmentId) ?? '', whistle.reportClocks))
        : [],
    ...(viewer.role !== Role.Resident && parts.clocks ? { deadlines: parts.clocks.all } : {}),
    // 公示: what the board shows of it, and what the resolve form starts from (staff and liaisons only)
    ...(viewer.role !== Role.Resident ? { publicSummary: request.publicSummary ?? null, publicSummaryDraft: publicSummaryDraft(request, parts.householdNames) } : {}),
  };
}

function ratingView(rating: RatingEntity, names: Map<number, string>): RatingView {
  return {
    speed: rating.speed,
    effect: rating.effect,
    attitude: rating.attitude,
    comment: rating.comment,
    ratedAt: rating.createdAt.toISOString(),
    source: rating.source,
    // 电话回访: the staff member who recorded it (an actor of the timeline, so among the names)
    ...(rating.source === RatingSource.ReturnVisit ? { recordedByName: names.get(rating.raterUserId) ?? null } : {}),
  };
}
