import type { Readable } from 'node:stream';

/** Where photo bytes live. Local disk today; an object store (COS/OSS/S3) implements the same calls. */
export abstract class PhotoStorage {
  abstract save(id: string, bytes: Buffer): Promise<void>;
  /** null when the bytes are gone */
  abstract open(id: string): Promise<Readable | null>;
  /** deletes the bytes; nothing happens when they are already gone */
  abstract remove(id: string): Promise<void>;
}
