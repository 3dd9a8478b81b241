import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuthConfig } from '../auth.config';
import { isUniqueViolation } from '../../../database/unique-violations';
import { InstallationSecret } from './installation-secret.entity';
import { SessionKeyCipher } from './session-key-cipher';

const GENERATED_SECRET_BYTES = 32;
const TOKEN_SECRET_NAME = 'token-secret';
const SESSION_KEY_KEY_NAME = 'session-key-key';
/** the key id of an installation-generated session_key key */
export const GENERATED_SESSION_KEY_ID = 'local';

/**
 * The keys of the auth module: the token-signing secret and the session_key cipher. From the environment when
 * given (TOKEN_SECRET, WECHAT_SESSION_KEY_KEYS; both required in production); otherwise the installation's own,
 * generated once with crypto random bytes and kept in the database table installation_secret, so a restart and
 * every other instance on the same database use the same ones. Never a constant in the source.
 */
export class AuthKeys {
  private constructor(
    readonly tokenSecret: string,
    readonly sessionKeys: SessionKeyCipher,
  ) {}

  static async resolve(config: AuthConfig, dataSource: DataSource): Promise<AuthKeys> {
    const tokenSecret = config.tokenSecret ?? (await installationSecret(dataSource, TOKEN_SECRET_NAME));
    const keys =
      config.sessionKeyKeys ??
      [{ id: GENERATED_SESSION_KEY_ID, key: Buffer.from(await installationSecret(dataSource, SESSION_KEY_KEY_NAME), 'base64url') }];
    return new AuthKeys(tokenSecret, new SessionKeyCipher(keys));
  }
}

/** The installation's secret of that name, created on first use (concurrent first boots agree on one row). */
export async function installationSecret(dataSource: DataSource, name: string): Promise<string> {
  const repository = dataSource.getRepository(InstallationSecret);
  const existing = await repository.findOneBy({ name });
  if (existing) return existing.value;
  const value = randomBytes(GENERATED_SECRET_BYTES).toString('base64url');
  try {
    await repository.insert({ name, value, createdAt: new Date() });
    return value;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await repository.findOneBy({ name });
    if (!winner) throw error;
    return winner.value;
  }
}
