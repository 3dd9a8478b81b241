import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless bearer tokens: base64url(JSON payload) "." base64url(HMAC-SHA256(payload)).
 * Nothing is stored server-side, so any instance with the same TOKEN_SECRET accepts any token.
 */
export interface TokenPayload {
  /** user id */
  sub: number;
  /** issued at, seconds since epoch */
  iat: number;
  /** expires at, seconds since epoch */
  exp: number;
  /** the user's tokenVersion when issued; a password change or suspension moves it on (revocation) */
  ver: number;
}

export type TokenRejection = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED';

export type TokenCheck = { valid: true; payload: TokenPayload } | { valid: false; reason: TokenRejection };

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function sign(encodedPayload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(encodedPayload).digest();
}

export function issueToken(userId: number, secret: string, ttlSeconds: number, now = nowSeconds(), version = 0): string {
  const payload: TokenPayload = { sub: userId, iat: now, exp: now + ttlSeconds, ver: version };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${sign(encoded, secret).toString('base64url')}`;
}

export function verifyToken(token: string, secret: string, now = nowSeconds()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { valid: false, reason: 'MALFORMED' };
  const [encoded, signature] = parts;
  const expected = sign(encoded, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(new Uint8Array(given), new Uint8Array(expected))) return { valid: false, reason: 'BAD_SIGNATURE' };
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { valid: false, reason: 'MALFORMED' };
  }
  if (!Number.isSafeInteger(payload?.sub) || typeof payload.exp !== 'number') return { valid: false, reason: 'MALFORMED' };
  // tokens issued before versions existed carry none: version 0, what every user starts with
  if (payload.ver === undefined) payload.ver = 0;
  if (!Number.isSafeInteger(payload.ver)) return { valid: false, reason: 'MALFORMED' };
  if (payload.exp <= now) return { valid: false, reason: 'EXPIRED' };
  return { valid: true, payload };
}
