import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed photo URLs: `/files/<id>?exp=<unix seconds>&sig=<HMAC-SHA256(key, "<id>.<exp>"), base64url, 128 bits>`.
 * The server hands a URL out only with an item the viewer may see (the access check of that item is the access
 * check of its photos), so whoever holds a fresh URL was allowed to see the photo, and an id alone opens nothing.
 *
 * The expiry is rounded up to a window of `ttlSeconds`: every view within one window gets the same URL (the client
 * and WeChat can cache the image), and a URL is valid at least `ttlSeconds` and at most twice that.
 * Pure: no Nest, no database.
 */

export type PhotoSignatureCheck = 'valid' | 'expired' | 'invalid';

const SIGNATURE_BYTES = 16;

export function photoUrlExpiry(nowMs: number, ttlSeconds: number): number {
  const now = Math.floor(nowMs / 1000);
  return (Math.floor(now / ttlSeconds) + 2) * ttlSeconds;
}

export function photoSignature(photoId: string, expiresAt: number, key: string): string {
  return createHmac('sha256', key).update(`${photoId}.${expiresAt}`).digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
}

export function signedPhotoUrl(photoId: string, nowMs: number, ttlSeconds: number, key: string): string {
  const expiresAt = photoUrlExpiry(nowMs, ttlSeconds);
  return `/files/${photoId}?exp=${expiresAt}&sig=${photoSignature(photoId, expiresAt, key)}`;
}

/** Checks the signature first (a forged expiry is 'invalid', not 'expired'), then the expiry. */
export function checkPhotoSignature(
  photoId: string,
  exp: string | undefined,
  sig: string | undefined,
  nowMs: number,
  key: string,
): PhotoSignatureCheck {
  if (!exp || !sig || !/^[0-9]{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{1,64}$/.test(sig)) return 'invalid';
  const expected = Buffer.from(photoSignature(photoId, Number(exp), key));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(exp) * 1000 <= nowMs ? 'expired' : 'valid';
}
