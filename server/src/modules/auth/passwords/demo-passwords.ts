import { In, IsNull, Not, type DataSource } from 'typeorm';
import { User } from '../../users/user.entity';
import { ConfigError } from '../../../config/app-config';
import { hashPassword, ScryptParameters, verifyPassword } from './password-hash';
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

/**
 * Production refuses to run with the demo password on any account: the demo seed's signature is one hash shared
 * by several accounts (see above), so each hash shared by two or more users is checked against DEMO_PASSWORD
 * (one scrypt verification per such hash, usually none). A database once seeded as a demo and then started with
 * NODE_ENV=production fails to boot with a ConfigError naming how many accounts have it.
 */
export async function refuseDemoPasswords(dataSource: DataSource): Promise<void> {
  const shared: { hash: string; users: number | string }[] = await dataSource
    .getRepository(PasswordCredential)
    .createQueryBuilder('credential')
    .select('credential.hash', 'hash')
    .addSelect('COUNT(*)', 'users')
    .groupBy('credential.hash')
    .having('COUNT(*) > 1')
    .getRawMany();
  let accounts = 0;
  for (const { hash, users } of shared) if (await verifyPassword(DEMO_PASSWORD, hash)) accounts += Number(users);
  if (accounts > 0) {
    throw new ConfigError([
      `${accounts} accounts have the published demo password (${DEMO_PASSWORD}): this database was seeded as a demo; NODE_ENV=production refuses to run on it`,
    ]);
  }
}
