import type { EnvReader } from '../../config/env-reader';

/** Photos (docs/operations.md#photos): where they are kept, their signed URLs, the upload quota and the orphan sweep. Inject `UploadsConfig`. */
export abstract class UploadsConfig {
  abstract readonly uploadDir: string;
  /** photos: re-encoded on upload, served only at signed URLs */
  abstract readonly photos: {
    /** HMAC key of photo URLs; null = the installation's own, generated once and kept in the database */
    readonly urlSecret: string | null;
    /** a signed URL stays valid at least this long and at most twice as long (one URL per window, cacheable) */
    readonly urlTtlSeconds: number;
    /** the longer side of a stored photo, in pixels; larger uploads are scaled down */
    readonly maxDimension: number;
  };
  /** photos a user uploads per hour */
  abstract readonly uploadsPerHour: number;
  /** the sweep that deletes photos never attached to anything, older than orphanUploadMaxAgeHours */
  abstract readonly orphanSweepEnabled: boolean;
  abstract readonly orphanSweepIntervalMs: number;
  abstract readonly orphanUploadMaxAgeHours: number;
}

/** UPLOAD_DIR, PHOTO_URL_SECRET, PHOTO_URL_TTL_SECONDS, PHOTO_MAX_DIMENSION, UPLOAD_QUOTA_PER_HOUR, ORPHAN_SWEEP_* */
export function parseUploadsConfig(env: EnvReader): UploadsConfig {
  // tests upload far more than a person would; suites that test the quota set it explicitly
  const relaxed = env.nodeEnv === 'test';
  return {
    uploadsPerHour: env.readInteger('UPLOAD_QUOTA_PER_HOUR', relaxed ? 10_000 : 100, 1, 1_000_000),
    orphanSweepEnabled: env.readBoolean('ORPHAN_SWEEP_ENABLED', env.nodeEnv !== 'test'),
    orphanSweepIntervalMs: env.readInteger('ORPHAN_SWEEP_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
    orphanUploadMaxAgeHours: env.readInteger('ORPHAN_UPLOAD_MAX_AGE_HOURS', 24, 1, 720),
    uploadDir: env.resolvePath(env.read('UPLOAD_DIR') ?? './data/uploads'),
    photos: {
      urlSecret: env.read('PHOTO_URL_SECRET') ?? null,
      urlTtlSeconds: env.readInteger('PHOTO_URL_TTL_SECONDS', 3600, 60, 86_400),
      maxDimension: env.readInteger('PHOTO_MAX_DIMENSION', 2560, 320, 8192),
    },
  };
}
