import { checkPhotoSignature, photoUrlExpiry, signedPhotoUrl } from './photo-url-signature';

const ID = '0b9a1c3e-5d7f-4a2b-9c8d-112233445566';
const KEY = 'a-test-key-of-enough-length-0123456789';
const NOW = Date.UTC(2026, 11, 7, 2, 0, 0); // 2026-12-07 10:00 Beijing

function partsOf(url: string): { exp: string; sig: string } {
  const query = new URLSearchParams(url.split('?')[1]);
  return { exp: query.get('exp') ?? '', sig: query.get('sig') ?? '' };
}

describe('signed photo URLs', () => {
  it('is valid at least one window and at most two', () => {
    const expiry = photoUrlExpiry(NOW, 3600) * 1000;
    expect(expiry - NOW).toBeGreaterThanOrEqual(3600_000);
    expect(expiry - NOW).toBeLessThanOrEqual(7200_000);
  });

  it('gives every view within one window the same URL', () => {
    expect(signedPhotoUrl(ID, NOW, 3600, KEY)).toBe(signedPhotoUrl(ID, NOW + 59_000, 3600, KEY));
  });

  it('accepts its own signature until the expiry, then says expired', () => {
    const { exp, sig } = partsOf(signedPhotoUrl(ID, NOW, 3600, KEY));
    expect(checkPhotoSignature(ID, exp, sig, NOW, KEY)).toBe('valid');
    expect(checkPhotoSignature(ID, exp, sig, Number(exp) * 1000 - 1, KEY)).toBe('valid');
    expect(checkPhotoSignature(ID, exp, sig, Number(exp) * 1000, KEY)).toBe('expired');
  });

  it('refuses another photo, another key, a moved expiry, and missing or malformed parts', () => {
    const { exp, sig } = partsOf(signedPhotoUrl(ID, NOW, 3600, KEY));
    expect(checkPhotoSignature('0b9a1c3e-5d7f-4a2b-9c8d-000000000000', exp, sig, NOW, KEY)).toBe('invalid');
    expect(checkPhotoSignature(ID, exp, sig, NOW, `${KEY}x`)).toBe('invalid');
    expect(checkPhotoSignature(ID, String(Number(exp) + 86_400), sig, NOW, KEY)).toBe('invalid');
    expect(checkPhotoSignature(ID, undefined, sig, NOW, KEY)).toBe('invalid');
    expect(checkPhotoSignature(ID, exp, undefined, NOW, KEY)).toBe('invalid');
    expect(checkPhotoSignature(ID, '1e3', sig, NOW, KEY)).toBe('invalid');
    expect(checkPhotoSignature(ID, exp, `${sig}=`, NOW, KEY)).toBe('invalid');
  });
});
