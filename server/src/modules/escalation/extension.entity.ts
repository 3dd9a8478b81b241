import { DeadlineKind, ExtensionState, HandlingLevel } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const EXTENSION_STATES: readonly ExtensionState[] = ['PENDING', 'APPROVED', 'REJECTED'];

/** 延期申请: the holder asks for more time on a running clock; the level above approves or refuses. */
@Entity('deadline_extension')
@Index('IDX_deadline_extension_request', ['requestId', 'id'])
@Index('IDX_deadline_extension_deadline', ['deadlineId', 'state'])
export class DeadlineExtensionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  @Column({ type: 'int' })
  deadlineId: number;

  @Column({ type: 'simple-enum', enum: DeadlineKind })
  kind: DeadlineKind;

  /** the level that asked (the approver works one level up) */
  @Column({ type: 'simple-enum', enum: HandlingLevel })
  level: HandlingLevel;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'simple-enum', enum: EXTENSION_STATES })
  state: ExtensionState;

  @Column({ type: 'int' })
  requestedByUserId: number;

  @Column({ type: 'int', nullable: true })
  decidedByUserId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionNote: string | null;

  @Column({ type: 'datetime' })
  dueAtBefore: Date;

  @Column({ type: 'datetime', nullable: true })
  dueAtAfter: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;
}
