import { AssignmentState, WhistleRole } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One department's part in one whistle (吹哨) of a request: NOTIFIED → REPORTED → (RETURNED | DONE), or RECALLED
 * when the round ends without it. Every change is `UPDATE … WHERE id = ? AND version = ?`.
 */
@Entity('whistle_assignment')
@Index(['requestId', 'round'])
@Index('IDX_whistle_assignment_inbox', ['departmentId', 'state', 'dueAt'])
export class WhistleAssignmentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  /** 1 for the first whistle of the request, 2 after a re-dispatch, … */
  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'simple-enum', enum: WhistleRole })
  role: WhistleRole;

  @Column({ type: 'simple-enum', enum: AssignmentState })
  state: AssignmentState;

  /** the whistling officer's instruction */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** 处置方案, given when reporting in */
  @Column({ type: 'varchar', length: 500, nullable: true })
  plan: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  returnedReason: string | null;

  @Column({ type: 'int' })
  whistledByUserId: number;

  @Column({ type: 'datetime' })
  notifiedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  reportedAt: Date | null;

  /** when it was returned, done or recalled */
  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;

  /** the report deadline */
  @Column({ type: 'datetime', nullable: true })
  reportDueAt: Date | null;

  /** the deadline of the step the department owes next (report, then resolve); the liaison inbox sorts by it */
  @Column({ type: 'datetime', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}
