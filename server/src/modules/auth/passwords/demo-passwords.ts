import { In, IsNull, Not, type DataSource } from 'typeorm';
import { User } from '../../users/user.entity';
import { hashPassword, ScryptParameters } from './password-hash';
import { PASSWORD_ROLES } from './password-roles';
import { PasswordCredential } from './password.entities';

/** The password of every demo staff and liaison account (documented in docs/api-routes.md; demo seed only). */
export const DEMO_PASSWORD = 'gezhi-demo-2026';

/**
 * Gives every staff/liaison account of the demo seed the demo password (users without one only). One hash
 * (one salt) is shared by all demo accounts to keep the seed fast: fine for a published demo password, never
 * done for real ones.
 */
export async function seedDemoPasswords(dataSource: DataSource, params: ScryptParameters, at: Date): Promise<number> {
  const users = await dataSource.getRepository(User).find({
    select: { id: true },
    where: { account: Not(IsNull()), role: In([...PASSWORD_ROLES]) },
  });
  if (users.length === 0) return 0;
  const existing = new Set(
    (await dataSource.getRepository(PasswordCredential).find({ select: { userId: true }, where: { userId: In(users.map((u) => u.id)) } })).map(
      (c) => c.userId,
    ),
  );
  const missing = users.filter((u) => !existing.has(u.id));
  if (missing.length === 0) return 0;
  const hash = await hashPassword(DEMO_PASSWORD, params);
  await dataSource.getRepository(PasswordCredential).insert(missing.map((u) => ({ userId: u.id, hash, updatedAt: at })));
  return missing.length;
}
