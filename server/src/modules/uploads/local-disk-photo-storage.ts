import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { PhotoStorage } from './photo-storage';

/** Files under UPLOAD_DIR/<first two characters of the id>/<id>, written atomically. */
export class LocalDiskPhotoStorage extends PhotoStorage {
  constructor(private readonly root: string) {
    super();
  }

  async save(id: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(id);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await fs.promises.writeFile(temporary, bytes);
    await fs.promises.rename(temporary, target);
  }

  async open(id: string): Promise<Readable | null> {
    const target = this.pathOf(id);
    try {
      await fs.promises.access(target, fs.constants.R_OK);
    } catch {
      return null;
    }
    return fs.createReadStream(target);
  }

  async remove(id: string): Promise<void> {
    await fs.promises.rm(this.pathOf(id), { force: true });
  }

  private pathOf(id: string): string {
    return path.join(this.root, id.slice(0, 2), id);
  }
}
