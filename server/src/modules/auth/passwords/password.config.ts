import type { EnvReader } from '../../../config/env-reader';

/** Password login for staff and liaisons: the scrypt cost and the limits against guessing (docs/operations.md#limits-and-abuse). Inject `PasswordConfig`. */
export abstract class PasswordConfig {
  /** log2 of scrypt's N for new hashes (stored hashes carry their own parameters) */
  abstract readonly scryptCost: number;
  /** password logins per caller address per window (counted before any hashing; successful ones are given back) */
  abstract readonly loginPerAddress: { readonly limit: number; readonly windowMs: number };
  /** the delay after repeated failures for one account from one address doubles from 1 s up to this */
  abstract readonly loginBackoffMaxSeconds: number;
}

/** PASSWORD_SCRYPT_COST, LOGIN_ADDRESS_LIMIT, LOGIN_ADDRESS_WINDOW_SECONDS, LOGIN_BACKOFF_MAX_SECONDS */
export function parsePasswordConfig(env: EnvReader): PasswordConfig {
  // tests log in far more than a person would; suites that test the limits set them explicitly
  const relaxed = env.nodeEnv === 'test';
  return {
    scryptCost: env.readInteger('PASSWORD_SCRYPT_COST', 15, 14, 20),
    loginPerAddress: {
      limit: env.readInteger('LOGIN_ADDRESS_LIMIT', relaxed ? 10_000 : 20, 1, 1_000_000),
      windowMs: env.readInteger('LOGIN_ADDRESS_WINDOW_SECONDS', 900, 10, 86_400) * 1000,
    },
    loginBackoffMaxSeconds: env.readInteger('LOGIN_BACKOFF_MAX_SECONDS', 900, 1, 86_400),
  };
}
