import { Role } from '@gezhi/shared';
import { EntityManager, In } from 'typeorm';
import { User } from './user.entity';

/**
 * The liaisons (部门联络员) of some departments, by id: who is told when a department is whistled, reopened or late
 * to report. The one query for it (inside a transaction pass its manager).
 */
export function liaisonsOf(manager: EntityManager, departmentIds: readonly number[]): Promise<User[]> {
  const ids = [...new Set(departmentIds)];
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(User).find({ where: { role: Role.Liaison, departmentId: In(ids) }, order: { id: 'ASC' } });
}
