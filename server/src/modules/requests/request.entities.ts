import { Channel, HandlingLevel, RatingSource, RequestAction, RequestCategory, RequestStatus, Role, Urgency } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 诉求/工单. The routing columns (grid/community/street) are copied from the room at filing time. */
@Entity('request')
@Index('IDX_request_inbox_status', ['gridId', 'level', 'status', 'createdAt'])
@Index('IDX_request_community', ['communityId', 'level', 'status', 'createdAt'])
@Index('IDX_request_street', ['streetId', 'level', 'status', 'createdAt'])
@Index('IDX_request_resident', ['residentUserId', 'createdAt'])
// 公示 (board): a community's closed items, newest first; 问需会 (review): a community's items filed in a window
@Index('IDX_request_board', ['communityId', 'status', 'closedAt'])
@Index('IDX_request_community_created', ['communityId', 'createdAt'])
// 回访: unrated items by how long ago they were resolved (the 未评价 close job; 待回访 lists narrow by scope first)
@Index('IDX_request_status_resolved', ['status', 'resolvedAt'])
export class RequestEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** the resident it belongs to; null for a walk-in or phone call without an account */
  @Column({ type: 'int', nullable: true })
  residentUserId: number | null;

  @Column({ type: 'int' })
  creatorUserId: number;

  @Column({ type: 'int' })
  roomId: number;

  @Column({ type: 'int' })
  gridId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'simple-enum', enum: RequestCategory })
  category: RequestCategory;

  @Column({ type: 'varchar', length: 30 })
  subcategory: string;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ type: 'simple-enum', enum: Urgency })
  urgency: Urgency;

  @Column({ type: 'simple-enum', enum: Channel })
  channel: Channel;

  @Column({ type: 'boolean' })
  showNamePublicly: boolean;

  /** the reporter's name: the resident's own name, or the contact given by staff */
  @Column({ type: 'varchar', length: 30 })
  contactName: string;

  /** stored for staff to call back; only ever returned masked */
  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'simple-enum', enum: RequestStatus })
  status: RequestStatus;

  @Column({ type: 'simple-enum', enum: HandlingLevel })
  level: HandlingLevel;

  @Column({ type: 'int', nullable: true })
  holderUserId: number | null;

  @Column({ type: 'simple-json' })
  photoIds: string[];

  @Column({ type: 'int' })
  reopenCount: number;

  /** optimistic concurrency: every change is `UPDATE … WHERE id = ? AND version = ?` */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  /**
   * 公示: the public summary the handler approved at 办结 (anonymised when stored and again when shown); null = none
   * approved (closed before summaries existed, or resolved without one): the board shows category, status and time.
   */
  @Column({ type: 'text', nullable: true })
  publicSummary: string | null;

  /**
   * 未核实住户: filed by a resident whose home binding no grid worker had confirmed (users/home-verification); cleared
   * when the binding is confirmed. Filing stays open to them — staff just see where the item comes from.
   */
  @Column({ type: 'boolean', default: false })
  fromUnverifiedHome: boolean;
}

export type ActorRole = Role | 'SYSTEM';
export const ACTOR_ROLES: readonly ActorRole[] = [...Object.values(Role), 'SYSTEM'];

/** Append-only history of a request; the resident's view of what happened. */
@Entity('timeline_event')
@Index(['requestId', 'id'])
export class TimelineEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  @Column({ type: 'simple-enum', enum: RequestAction })
  action: RequestAction;

  @Column({ type: 'simple-enum', enum: RequestStatus, nullable: true })
  fromStatus: RequestStatus | null;

  @Column({ type: 'simple-enum', enum: RequestStatus })
  toStatus: RequestStatus;

  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'simple-enum', enum: ACTOR_ROLES })
  actorRole: ActorRole;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'simple-json' })
  photoIds: string[];

  @Column({ type: 'datetime' })
  createdAt: Date;

  /** the department a liaison acted for (whistle chain); null otherwise */
  @Column({ type: 'int', nullable: true })
  departmentId?: number | null;
}

/** 群众评单: one rating per round (round = the request's reopenCount when rated). */
@Entity('rating')
@Index(['requestId', 'round'], { unique: true })
// 数据: the ratings of a period (GET /api/metrics/items?rate=satisfaction)
@Index('IDX_rating_created', ['createdAt'])
export class RatingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'int' })
  raterUserId: number;

  @Column({ type: 'int' })
  speed: number;

  @Column({ type: 'int' })
  effect: number;

  @Column({ type: 'int' })
  attitude: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  comment: string | null;

  /** 居民自评, or recorded by staff (raterUserId) on a 电话回访 */
  @Column({ type: 'simple-enum', enum: RatingSource, default: RatingSource.Self })
  source: RatingSource;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
