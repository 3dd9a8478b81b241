import { issueToken, verifyToken } from './token';

const SECRET = 'a-test-secret-that-is-long-enough-1234';

describe('tokens', () => {
  it('verifies a token it issued and returns the user id', () => {
    const token = issueToken(42, SECRET, 3600, 1_000_000);
    expect(verifyToken(token, SECRET, 1_000_100)).toEqual({ valid: true, payload: { sub: 42, iat: 1_000_000, exp: 1_003_600, ver: 0 } });
  });

  it('rejects a token after it expires', () => {
    const token = issueToken(42, SECRET, 60, 1_000_000);
    expect(verifyToken(token, SECRET, 1_000_060)).toEqual({ valid: false, reason: 'EXPIRED' });
  });

  it('rejects a token whose payload was changed to another user', () => {
    const [, signature] = issueToken(42, SECRET, 3600).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 1, iat: 0, exp: 9_999_999_999 })).toString('base64url');
    expect(verifyToken(`${forged}.${signature}`, SECRET)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyToken(issueToken(42, 'another-secret', 3600), SECRET)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects garbage without throwing', () => {
    for (const garbage of ['', 'abc', 'a.b.c', '.sig', 'payload.']) {
      expect(verifyToken(garbage, SECRET).valid).toBe(false);
    }
  });
});
