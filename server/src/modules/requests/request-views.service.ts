import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, RequestDetail, RequestSummary } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { RoomDirectory } from '../geo/room-directory';
import type { RoomPlacement } from '../geo/room-placement';
import { UploadsService } from '../uploads/uploads.service';
import { UsersService } from '../users/users.service';
import { assertCanView } from './access/request-access';
import type { Viewer } from './domain/viewer';
import { RatingEntity, RequestEntity, TimelineEventEntity } from './request.entities';
import { composeDetail, composeSummary } from './request-view';

/** Loads requests the viewer may see and turns them into the API's views (a fixed number of queries each). */
@Injectable()
export class RequestViews {
  constructor(
    @InjectRepository(RequestEntity) private readonly requests: Repository<RequestEntity>,
    @InjectRepository(TimelineEventEntity) private readonly timeline: Repository<TimelineEventEntity>,
    @InjectRepository(RatingEntity) private readonly ratings: Repository<RatingEntity>,
    private readonly rooms: RoomDirectory,
    private readonly uploads: UploadsService,
    private readonly users: UsersService,
  ) {}

  /** The request, if the viewer may see it (404 for someone else's item, 403 out of a staff scope). */
  async findVisible(viewer: Viewer, id: number): Promise<RequestEntity> {
    const request = await this.requests.findOneBy({ id });
    if (!request) throw new DomainError(ErrorCode.RequestNotFound);
    assertCanView(viewer, request);
    return request;
  }

  async detailById(viewer: Viewer, id: number): Promise<RequestDetail> {
    return this.detail(viewer, await this.findVisible(viewer, id));
  }

  async detail(viewer: Viewer, request: RequestEntity): Promise<RequestDetail> {
    const [place, timeline, rating] = await Promise.all([
      this.placeOf(request),
      this.timeline.find({ where: { requestId: request.id }, order: { id: 'ASC' } }),
      this.ratings.findOne({ where: { requestId: request.id }, order: { round: 'DESC' } }),
    ]);
    const photoIds = [...request.photoIds, ...timeline.flatMap((e) => e.photoIds)];
    const userIds = [...timeline.map((e) => e.actorUserId), request.holderUserId].filter((id): id is number => id !== null);
    const [photos, names] = await Promise.all([this.uploads.viewsOf(photoIds), this.users.namesOf(userIds)]);
    return composeDetail(viewer, { request, place, timeline, rating, photos, names });
  }

  async summaries(viewer: Viewer, requests: RequestEntity[]): Promise<RequestSummary[]> {
    const [places, thumbnails] = await Promise.all([
      this.rooms.placementsOf(requests.map((r) => r.roomId)),
      this.uploads.viewsOf(requests.flatMap((r) => r.photoIds.slice(0, 1))),
    ]);
    return requests.map((r) =>
      composeSummary(viewer, r, places.get(r.roomId) as RoomPlacement, r.photoIds[0] ? (thumbnails.get(r.photoIds[0]) ?? null) : null),
    );
  }

  private async placeOf(request: RequestEntity): Promise<RoomPlacement> {
    const place = await this.rooms.placementOf(request.roomId);
    if (!place) throw new Error(`request ${request.id} points at missing room ${request.roomId}`);
    return place;
  }
}
