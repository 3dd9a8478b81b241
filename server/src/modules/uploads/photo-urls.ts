import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { UploadsConfig } from './uploads.config';
import { installationSecret } from '../auth/keys/auth-keys';
import { checkPhotoSignature, PhotoSignatureCheck, signedPhotoUrl } from './domain/photo-url-signature';

const PHOTO_URL_SECRET_NAME = 'photo-url-secret';

/**
 * Mints and checks the signed URLs photos are served at (domain/photo-url-signature.ts). The key is
 * PHOTO_URL_SECRET, or the installation's own secret kept in the database, so every instance agrees.
 */
export class PhotoUrls {
  private constructor(
    private readonly key: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {}

  static async resolve(config: UploadsConfig, dataSource: DataSource, clock: Clock): Promise<PhotoUrls> {
    const key = config.photos.urlSecret ?? (await installationSecret(dataSource, PHOTO_URL_SECRET_NAME));
    return new PhotoUrls(key, config.photos.urlTtlSeconds, clock);
  }

  urlOf(photoId: string): string {
    return signedPhotoUrl(photoId, this.clock.now().getTime(), this.ttlSeconds, this.key);
  }

  check(photoId: string, exp: string | undefined, sig: string | undefined): PhotoSignatureCheck {
    return checkPhotoSignature(photoId, exp, sig, this.clock.now().getTime(), this.key);
  }

  /** seconds the URL stays valid from now (for Cache-Control) */
  secondsLeft(exp: string): number {
    return Math.max(0, Math.floor(Number(exp) - this.clock.now().getTime() / 1000));
  }
}
