import { maskPhone, personNameFor } from '@gezhi/shared';

const SERIAL_DIGITS = 8;
export const EXCERPT_LENGTH = 80;

/** The human-readable number, e.g. GZ00000123. */
export function formatSerial(id: number): string {
  return `GZ${String(id).padStart(SERIAL_DIGITS, '0')}`;
}

/** The first characters of a description (by code point, so Chinese text is not cut mid-character). */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const chars = Array.from(text);
  return chars.length <= length ? text : `${chars.slice(0, length).join('')}…`;
}

/**
 * Reporter's name: in full for the owner, masked (张*, 宋**) for everyone else — staff, liaisons, the metrics items —
 * by the one rule of shared/privacy.ts. `showNamePublicly` decides only whether the public board names them at all.
 */
export function reporterNameFor(name: string, opts: { viewerIsOwner: boolean }): string {
  return personNameFor(name, { isSelf: opts.viewerIsOwner });
}

/** The contact phone is never returned raw: masked for staff, omitted in the resident's own view. */
export function contactPhoneFor(phone: string | null, opts: { viewerIsOwner: boolean }): string | null {
  if (opts.viewerIsOwner || !phone) return null;
  return maskPhone(phone);
}
