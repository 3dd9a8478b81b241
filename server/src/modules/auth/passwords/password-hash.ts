import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes with scrypt (memory-hard), in a self-describing string:
 *
 *   scrypt$ln=15,r=8,p=1$<salt, base64>$<key, base64>
 *
 * `ln` is log2(N). The parameters travel with the hash, so the cost can be raised later without breaking
 * stored passwords (`needsRehash` tells when a stored hash is weaker than today's setting).
 * N = 2^15, r = 8 takes 32 MiB and ≈ 100 ms on the 2-core reference machine.
 */
export interface ScryptParameters {
  /** log2(N) */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParameters = { ln: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** bounds for parameters read back from the database: a tampered row must not make us allocate gigabytes */
const LIMITS = { ln: [10, 20], r: [1, 32], p: [1, 16] } as const;
const FORMAT = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

interface ParsedHash {
  params: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, params: ScryptParameters, keyLength: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  // Node refuses 128·N·r above maxmem (32 MiB by default, exactly what N=2^15, r=8 needs): leave headroom
  const maxmem = 128 * N * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), new Uint8Array(salt), keyLength, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, params: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function parsePasswordHash(stored: string): ParsedHash | null {
  const match = FORMAT.exec(stored);
  if (!match) return null;
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  for (const name of ['ln', 'r', 'p'] as const) {
    const [min, max] = LIMITS[name];
    if (params[name] < min || params[name] > max) return null;
  }
  const salt = Buffer.from(match[4], 'base64');
  const key = Buffer.from(match[5], 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { params, salt, key };
}

/** Recomputes the key with the stored parameters and compares in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(new Uint8Array(key), new Uint8Array(parsed.key));
}

/** True when the stored hash was made with other parameters than `params` (re-hash it after a successful login). */
export function needsRehash(stored: string, params: ScryptParameters = DEFAULT_SCRYPT): boolean {
  const parsed = parsePasswordHash(stored);
  return !parsed || parsed.params.ln !== params.ln || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

/**
 * A well-formed hash nobody's password matches, with today's parameters: verifying against it costs the same
 * as a real verification, so an unknown account answers in the same time as a wrong password.
 */
export function decoyHash(params: ScryptParameters = DEFAULT_SCRYPT): string {
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${randomBytes(SALT_BYTES).toString('base64')}$${randomBytes(KEY_BYTES).toString('base64')}`;
}
