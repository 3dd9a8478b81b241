import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, HandlingLevel, RequestDetail, RequestSummary, Role } from '@gezhi/shared';
import { In, Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { DeadlineService, deadlineView, summarize } from '../deadlines/deadline.service';
import { DepartmentEntity } from '../departments/department.entities';
import { Street } from '../geo/geo.entities';
import { RoomDirectory } from '../geo/room-directory';
import type { RoomPlacement } from '../geo/room-placement';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import type { Viewer } from './domain/viewer';
import { RatingEntity, RequestEntity, TimelineEventEntity } from './request.entities';
import { composeDetail, composeSummary, WhistleParts } from './request-view';
import { WhistleAssignmentEntity } from './whistle-assignment.entity';

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
    private readonly deadlines: DeadlineService,
    @InjectRepository(WhistleAssignmentEntity) private readonly assignments: Repository<WhistleAssignmentEntity>,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    @InjectRepository(Street) private readonly streets: Repository<Street>,
  ) {}

  /** The request, if the viewer may see it (404 for someone else's item, 403 out of a staff scope). */
  async findVisible(viewer: Viewer, id: number): Promise<RequestEntity> {
    const request = await this.requests.findOneBy({ id });
    if (!request) throw new DomainError(ErrorCode.RequestNotFound);
    // a liaison's sight of a request comes from their department's whistle assignments
    const facts = viewer.role === Role.Liaison ? Object.assign(request, { assignments: await this.assignmentsOf(request.id) }) : request;
    requireAccess(viewer, Permission.RequestView, facts);
    return facts;
  }

  /** Every whistle assignment of a request, in order (all rounds). */
  assignmentsOf(requestId: number): Promise<WhistleAssignmentEntity[]> {
    return this.assignments.find({ where: { requestId }, order: { id: 'ASC' } });
  }

  /** Real names and nicknames of the reporter and everyone bound to the request's room (for the 公示 draft). */
  private async householdNamesOf(request: RequestEntity): Promise<string[]> {
    const where = request.residentUserId === null ? [{ roomId: request.roomId }] : [{ roomId: request.roomId }, { id: request.residentUserId }];
    const people = await this.requests.manager.getRepository(User).find({ select: { id: true, realName: true, nickname: true }, where });
    return people.flatMap((p) => [p.realName, p.nickname]).filter((n): n is string => !!n);
  }

  /** The whistle chain so far and the department names the timeline needs. */
  private async whistlePartsOf(request: RequestEntity, timeline: readonly TimelineEventEntity[]): Promise<WhistleParts> {
    const [assignments, communityMayWhistle] = await Promise.all([
      this.assignmentsOf(request.id),
      request.level === HandlingLevel.Community
        ? this.streets.findOneBy({ id: request.streetId }).then((s) => s?.communityMayWhistle ?? false)
        : Promise.resolve(false),
    ]);
    const ids = [...assignments.map((a) => a.departmentId), ...timeline.map((e) => e.departmentId ?? null)].filter((id): id is number => id !== null);
    const departments = ids.length ? await this.departments.findBy({ id: In([...new Set(ids)]) }) : [];
    return { assignments, departmentNames: new Map(departments.map((d) => [d.id, d.name])), communityMayWhistle };
  }

  async detailById(viewer: Viewer, id: number): Promise<RequestDetail> {
    return this.detail(viewer, await this.findVisible(viewer, id));
  }

  async detail(viewer: Viewer, request: RequestEntity): Promise<RequestDetail> {
    const [place, timeline, rating, clocks] = await Promise.all([
      this.placeOf(request),
      this.timeline.find({ where: { requestId: request.id }, order: { id: 'ASC' } }),
      this.ratings.findOne({ where: { requestId: request.id }, order: { round: 'DESC' } }),
      this.deadlines.allOf(request.id),
    ]);
    const photoIds = [...request.photoIds, ...timeline.flatMap((e) => e.photoIds)];
    const userIds = [...timeline.map((e) => e.actorUserId), request.holderUserId].filter((id): id is number => id !== null);
    const [photos, names, whistle, householdNames] = await Promise.all([
      this.uploads.viewsOf(photoIds),
      this.users.namesOf(userIds),
      this.whistlePartsOf(request, timeline),
      viewer.role === Role.Resident ? Promise.resolve([]) : this.householdNamesOf(request),
    ]);
    return composeDetail(viewer, {
      request,
      place,
      timeline,
      rating,
      photos,
      names,
      whistle: { ...whistle, reportClocks: clocks },
      householdNames,
      clocks: { summary: summarize(clocks), all: clocks.map(deadlineView) },
    });
  }

  async summaries(viewer: Viewer, requests: RequestEntity[]): Promise<RequestSummary[]> {
    const staffView = viewer.role !== Role.Resident;
    const [places, thumbnails, clocks] = await Promise.all([
      this.rooms.placementsOf(requests.map((r) => r.roomId)),
      this.uploads.viewsOf(requests.flatMap((r) => r.photoIds.slice(0, 1))),
      staffView ? this.deadlines.summariesOf(requests.map((r) => r.id)) : Promise.resolve(new Map()),
    ]);
    return requests.map((r) =>
      composeSummary(
        viewer,
        r,
        places.get(r.roomId) as RoomPlacement,
        r.photoIds[0] ? (thumbnails.get(r.photoIds[0]) ?? null) : null,
        staffView ? (clocks.get(r.id) ?? { dueAt: null, supervision: 'NONE' }) : undefined,
      ),
    );
  }

  private async placeOf(request: RequestEntity): Promise<RoomPlacement> {
    const place = await this.rooms.placementOf(request.roomId);
    if (!place) throw new Error(`request ${request.id} points at missing room ${request.roomId}`);
    return place;
  }
}
