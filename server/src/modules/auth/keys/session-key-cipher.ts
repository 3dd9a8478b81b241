import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256-GCM key with its id; the id is written in front of every ciphertext so keys can rotate. */
export interface CipherKey {
  id: string;
  key: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts WeChat session_keys at rest: `<keyId>:<iv>.<ciphertext>.<tag>` (base64url parts), AES-256-GCM with a
 * random IV, the row it belongs to as associated data (a value copied onto another user's row does not decrypt).
 * The first key encrypts; any listed key decrypts, so a new key can be put first while old rows stay readable.
 */
export class SessionKeyCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly CipherKey[]) {
    if (keys.length === 0) throw new Error('SessionKeyCipher needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  encrypt(plaintext: string, associatedData: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${id}:${[iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.')}`;
  }

  /** The plaintext, or null when the value is not ours (unknown key id, tampered, other row, not encrypted). */
  decrypt(stored: string, associatedData: string): string | null {
    const match = /^([A-Za-z0-9]{1,16}):([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]+)$/.exec(stored);
    const key = match ? this.byId.get(match[1]) : undefined;
    if (!match || !key) return null;
    const [iv, ciphertext, tag] = [match[2], match[3], match[4]].map((part) => Buffer.from(part, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** Whether a stored value is already encrypted with one of the keys (by its key id prefix). */
  isEncrypted(stored: string): boolean {
    const id = /^([A-Za-z0-9]{1,16}):/.exec(stored)?.[1];
    return id !== undefined && this.byId.has(id);
  }
}
