import { ProjectEventKind, ProjectStatus } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A community's own 问需会 cadence; without a row the server's configuration applies (REVIEW_*). */
@Entity('review_settings')
export class ReviewSettingsEntity {
  @PrimaryColumn({ type: 'int' })
  communityId: number;

  /** days of the month, ascending (1–28) */
  @Column({ type: 'simple-json' })
  meetingDays: number[];

  @Column({ type: 'int' })
  recurrenceMinCount: number;

  @Column({ type: 'int' })
  recurrenceWindowDays: number;

  /** optimistic concurrency: `UPDATE … WHERE communityId = ? AND version = ?` */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'int' })
  updatedByUserId: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/**
 * 项目服务清单: one project a 问需会 made of agenda entries, with an owner and a deadline day. Its place columns
 * (community, street) are copied at creation; the metrics count projects by them (opened by createdAt, closed by
 * closedAt).
 */
@Entity('review_project')
@Index('IDX_review_project_community_status', ['communityId', 'status', 'deadline'])
@Index('IDX_review_project_community_created', ['communityId', 'createdAt'])
@Index('IDX_review_project_community_closed', ['communityId', 'closedAt'])
@Index('IDX_review_project_street_created', ['streetId', 'createdAt'])
@Index('IDX_review_project_street_closed', ['streetId', 'closedAt'])
@Index('IDX_review_project_owner', ['ownerUserId', 'status'])
export class ReviewProjectEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'int' })
  ownerUserId: number;

  /** YYYY-MM-DD (Asia/Shanghai): overdue after this day */
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Column({ type: 'simple-enum', enum: ProjectStatus })
  status: ProjectStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  result: string | null;

  /** the 问需会 (meeting date) that decided it */
  @Column({ type: 'varchar', length: 10, nullable: true })
  meetingDate: string | null;

  /** the agenda entries it was made from */
  @Column({ type: 'simple-json' })
  agendaEntryKeys: string[];

  @Column({ type: 'int' })
  createdByUserId: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  closedByUserId: number | null;

  /** optimistic concurrency: every change is `UPDATE … WHERE id = ? AND version = ?` */
  @Column({ type: 'int' })
  version: number;
}

/** A request linked to a project (its grid copied, so a grid's projects can be found and counted). */
@Entity('review_project_item')
@Index('IDX_review_project_item_request', ['requestId'])
@Index('IDX_review_project_item_grid', ['gridId', 'projectId'])
export class ReviewProjectItemEntity {
  @PrimaryColumn({ type: 'int' })
  projectId: number;

  @PrimaryColumn({ type: 'int' })
  requestId: number;

  @Column({ type: 'int' })
  gridId: number;
}

/** A project's history: created, progress notes, closed with the result. Append-only. */
@Entity('review_project_event')
@Index('IDX_review_project_event_project', ['projectId', 'id'])
export class ReviewProjectEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  projectId: number;

  @Column({ type: 'simple-enum', enum: ProjectEventKind })
  kind: ProjectEventKind;

  @Column({ type: 'int' })
  actorUserId: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
