import { AssignmentState, ErrorCode, WhistleRole } from '@gezhi/shared';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { liaisonsOf } from '../users/liaisons';
import { WhistleAssignmentEntity } from './whistle-assignment.entity';

/**
 * 重办 of a whistled item: when the resident rates a department-resolved item effect ≤ 2, it goes back to the
 * lead department that resolved it (WHISTLED, the lead's assignment DONE → REPORTED), not to the street.
 * Used by the rating in RequestTransitionsService.
 */
export interface LeadToReopen {
  assignment: WhistleAssignmentEntity;
  liaisonUserIds: number[];
}

/** The lead of the request's latest whistle round, if that lead resolved it (DONE); else null. */
export async function findLeadToReopen(manager: EntityManager, requestId: number): Promise<LeadToReopen | null> {
  const latest = await manager.findOne(WhistleAssignmentEntity, { where: { requestId }, order: { round: 'DESC', id: 'ASC' } });
  if (!latest) return null;
  const lead = await manager.findOneBy(WhistleAssignmentEntity, { requestId, round: latest.round, role: WhistleRole.Lead });
  if (!lead || lead.state !== AssignmentState.Done) return null;
  const liaisons = await liaisonsOf(manager, [lead.departmentId]);
  return { assignment: lead, liaisonUserIds: liaisons.map((l) => l.id) };
}

/** DONE → REPORTED again, version-checked (inside the rating's transaction). */
export async function reopenLead(manager: EntityManager, lead: WhistleAssignmentEntity): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(WhistleAssignmentEntity)
    .set({ state: AssignmentState.Reported, finishedAt: null, version: lead.version + 1 })
    .where('id = :id AND version = :version AND state = :state', { id: lead.id, version: lead.version, state: AssignmentState.Done })
    .execute();
  if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
}
