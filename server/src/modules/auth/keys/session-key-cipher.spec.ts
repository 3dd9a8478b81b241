import { SessionKeyCipher } from './session-key-cipher';

const key = (fill: number) => Buffer.alloc(32, fill);
const SESSION_KEY = 'tiihtNczf5v6AKRyjwEUhQ==';

describe('SessionKeyCipher', () => {
  it('encrypts with a random IV behind the key id and decrypts for the same row', () => {
    const cipher = new SessionKeyCipher([{ id: 'k1', key: key(1) }]);
    const first = cipher.encrypt(SESSION_KEY, 'wechat_session:7');
    const second = cipher.encrypt(SESSION_KEY, 'wechat_session:7');
    expect(first).toMatch(/^k1:/);
    expect(first).not.toContain(SESSION_KEY);
    expect(first).not.toBe(second);
    expect(first.length).toBeLessThanOrEqual(128);
    expect(cipher.decrypt(first, 'wechat_session:7')).toBe(SESSION_KEY);
  });

  it('does not decrypt a value copied to another row, a tampered value, plaintext or an unknown key id', () => {
    const cipher = new SessionKeyCipher([{ id: 'k1', key: key(1) }]);
    const stored = cipher.encrypt(SESSION_KEY, 'wechat_session:7');
    expect(cipher.decrypt(stored, 'wechat_session:8')).toBeNull();
    const [head, iv, ciphertext, tag] = stored.split(/[:.]/);
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(cipher.decrypt(`${head}:${iv}.${flipped.toString('base64url')}.${tag}`, 'wechat_session:7')).toBeNull();
    expect(cipher.decrypt(SESSION_KEY, 'wechat_session:7')).toBeNull();
    expect(new SessionKeyCipher([{ id: 'k9', key: key(1) }]).decrypt(stored, 'wechat_session:7')).toBeNull();
  });

  it('rotates: a new first key encrypts, values under the old key still decrypt', () => {
    const old = new SessionKeyCipher([{ id: 'k1', key: key(1) }]);
    const stored = old.encrypt(SESSION_KEY, 'wechat_session:7');
    const rotated = new SessionKeyCipher([
      { id: 'k2', key: key(2) },
      { id: 'k1', key: key(1) },
    ]);
    expect(rotated.decrypt(stored, 'wechat_session:7')).toBe(SESSION_KEY);
    expect(rotated.encrypt(SESSION_KEY, 'wechat_session:7')).toMatch(/^k2:/);
    expect(rotated.isEncrypted(stored)).toBe(true);
    expect(rotated.isEncrypted(SESSION_KEY)).toBe(false);
  });
});
