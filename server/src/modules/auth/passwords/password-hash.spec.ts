import { decoyHash, hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password-hash';

/** ln=14 keeps the unit tier fast; the format and the logic do not depend on the cost. */
const FAST = { ln: 14, r: 8, p: 1 };

describe('password hashes (scrypt)', () => {
  it('encodes the algorithm, its parameters, a salt and the key in one string', async () => {
    const stored = await hashPassword('gezhi-demo-2026', FAST);
    expect(stored).toMatch(/^scrypt\$ln=14,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(parsePasswordHash(stored)).toMatchObject({ params: FAST });
  });

  it('uses the default cost N = 2^15, r = 8, p = 1 unless told otherwise', async () => {
    expect(await hashPassword('a password of sorts')).toMatch(/^scrypt\$ln=15,r=8,p=1\$/);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash: the same password never gives the same string', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password-1', FAST), hashPassword('same-password-1', FAST)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password-1', a)).toBe(true);
    expect(await verifyPassword('same-password-1', b)).toBe(true);
  });

  it('treats the same characters in another Unicode normal form as the same password', async () => {
    const stored = await hashPassword('网格长密码é2026', FAST);
    expect(await verifyPassword('网格长密码e\u03012026', stored)).toBe(true);
  });

  it('never matches a malformed or out-of-bounds hash (and does not throw)', async () => {
    for (const stored of ['', 'plain-text', 'scrypt$ln=15,r=8,p=1$AAAA$AAAA', 'scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('says when a stored hash is weaker than the current setting', async () => {
    const stored = await hashPassword('rehash-me-please', FAST);
    expect(needsRehash(stored, FAST)).toBe(false);
    expect(needsRehash(stored, { ...FAST, ln: 15 })).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('offers a decoy hash of the same shape that no password matches', async () => {
    const decoy = decoyHash(FAST);
    expect(parsePasswordHash(decoy)).toMatchObject({ params: FAST });
    expect(await verifyPassword('gezhi-demo-2026', decoy)).toBe(false);
  });
});
