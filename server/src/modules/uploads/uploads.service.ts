import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, LIMITS, UploadedPhoto } from '@gezhi/shared';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { In, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { RateCounters } from '../rate-limits/rate-counters';
import { DomainError } from '../../common/errors/domain-error';
import { UploadsConfig } from './uploads.config';
import type { User } from '../users/user.entity';
import { reencodeImage } from './image-reencoder';
import { sniffImageMime } from './image-sniffer';
import { Photo } from './photo.entity';
import { PhotoStorage } from './photo-storage';
import { PhotoUrls } from './photo-urls';

export const UPLOAD_FIELD = 'file';
const HOUR = 3600_000;
const PHOTO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** @fastify/multipart errors that are the client's doing. */
const MULTIPART_ERRORS: Record<string, ErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: ErrorCode.UploadTooLarge,
  FST_INVALID_MULTIPART_CONTENT_TYPE: ErrorCode.UploadMissing,
  FST_FILES_LIMIT: ErrorCode.ValidationFailed,
  FST_PARTS_LIMIT: ErrorCode.ValidationFailed,
  FST_FIELDS_LIMIT: ErrorCode.ValidationFailed,
};

export interface ServedPhoto {
  file: StreamableFile;
  /** seconds the URL it was fetched with stays valid */
  maxAgeSeconds: number;
}

@Injectable()
export class UploadsService {
  constructor(
    @InjectRepository(Photo) private readonly photos: Repository<Photo>,
    private readonly storage: PhotoStorage,
    private readonly urls: PhotoUrls,
    private readonly config: UploadsConfig,
    private readonly counters: RateCounters,
    private readonly clock: Clock,
  ) {}

  /**
   * Accepts one image (checked by its bytes, not its name) from the multipart field `file`, and stores it
   * re-encoded (image-reencoder.ts): no EXIF/GPS, no polyglot payload, the longer side bounded.
   */
  async upload(owner: User, request: FastifyRequest): Promise<UploadedPhoto> {
    const now = this.clock.now();
    // counted before the body is read or re-encoded: an over-quota upload costs no CPU
    await this.counters.consumeOrRefuse(`upload:${owner.id}`, { limit: this.config.uploadsPerHour, windowMs: HOUR }, now, '上传照片过于频繁');
    const original = await this.readUpload(request);
    const sniffed = sniffImageMime(original);
    const image = sniffed ? await reencodeImage(original, sniffed, this.config.photos.maxDimension) : null;
    if (!image) throw new DomainError(ErrorCode.UploadNotImage);
    const photo: Photo = { id: randomUUID(), ownerUserId: owner.id, mime: image.mime, bytes: image.bytes.length, createdAt: now, unattached: true };
    await this.storage.save(photo.id, image.bytes);
    await this.photos.insert(photo);
    return this.viewOf(photo);
  }

  /**
   * The file at a signed URL (photo-urls.ts): 403 PHOTO_URL_INVALID without a valid signature for this id,
   * 403 PHOTO_URL_EXPIRED past its expiry, 404 when there is no such photo.
   */
  async serve(id: string, exp: string | undefined, sig: string | undefined): Promise<ServedPhoto> {
    if (!PHOTO_ID.test(id)) throw new DomainError(ErrorCode.NotFound);
    const check = this.urls.check(id, exp, sig);
    if (check === 'invalid') throw new DomainError(ErrorCode.PhotoUrlInvalid);
    if (check === 'expired') throw new DomainError(ErrorCode.PhotoUrlExpired);
    const photo = await this.photos.findOneBy({ id });
    const stream = photo ? await this.storage.open(photo.id) : null;
    if (!photo || !stream) throw new DomainError(ErrorCode.NotFound);
    return { file: new StreamableFile(stream, { type: photo.mime, length: photo.bytes }), maxAgeSeconds: this.urls.secondsLeft(exp as string) };
  }

  /** What a viewer who may see the photo's item is given: its signed URL (valid for a while, see photo-urls.ts). */
  viewOf(photo: Pick<Photo, 'id' | 'bytes'>): UploadedPhoto {
    return { id: photo.id, url: this.urls.urlOf(photo.id), bytes: photo.bytes };
  }

  /**
   * Views of photos the caller is attaching; refuses (404 PHOTO_NOT_FOUND) unless every id is an existing
   * photo uploaded by `ownerUserId`. One query, which also yields what the response shows.
   */
  async ownPhotos(ownerUserId: number, ids: readonly string[]): Promise<Map<string, UploadedPhoto>> {
    if (ids.length === 0) return new Map();
    if (!ids.every((id) => PHOTO_ID.test(id))) throw new DomainError(ErrorCode.PhotoNotFound);
    // attached from now on, so the orphan sweep keeps it; written before the read, so a photo the sweep deleted
    // first is not found (the sweep's DELETE and this UPDATE both require the other not to have happened)
    await this.photos.update({ id: In([...ids]), ownerUserId, unattached: true }, { unattached: false });
    const rows = await this.photos.find({ select: { id: true, bytes: true }, where: { id: In([...ids]), ownerUserId } });
    if (rows.length !== new Set(ids).size) throw new DomainError(ErrorCode.PhotoNotFound);
    return new Map(rows.map((p) => [p.id, this.viewOf(p)]));
  }

  /**
   * Deletes photos uploaded at or before `cutoff` and never attached (orphan-upload-sweeper.ts), at most `batchSize`.
   * Each row is claimed by its own conditional DELETE (`… AND unattached = true AND createdAt <= cutoff`): of several
   * instances sweeping at once exactly one deletes a given photo and removes its file; an attach that lands first wins.
   */
  async deleteOrphans(cutoff: Date, batchSize: number): Promise<{ candidates: number; deleted: number }> {
    const candidates = await this.photos.find({
      select: { id: true },
      where: { unattached: true, createdAt: LessThanOrEqual(cutoff) },
      order: { createdAt: 'ASC' },
      take: batchSize,
    });
    let deleted = 0;
    for (const { id } of candidates) {
      const result = await this.photos.delete({ id, unattached: true, createdAt: LessThanOrEqual(cutoff) });
      if (result.affected !== 1) continue;
      await this.storage.remove(id);
      deleted++;
    }
    return { candidates: candidates.length, deleted };
  }

  /**
   * Photo views by id, for requests and timelines (one query for a whole page). Call it only for items the
   * viewer may see: the signed URLs it returns are the permission to fetch the files.
   */
  async viewsOf(ids: readonly string[]): Promise<Map<string, UploadedPhoto>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.photos.find({ select: { id: true, bytes: true }, where: { id: In(unique) } });
    return new Map(rows.map((p) => [p.id, this.viewOf(p)]));
  }

  private async readUpload(request: FastifyRequest): Promise<Buffer> {
    try {
      const file = await request.file({ limits: { fileSize: LIMITS.uploadMaxBytes, files: 1 } });
      if (!file || file.fieldname !== UPLOAD_FIELD) throw new DomainError(ErrorCode.UploadMissing);
      const bytes = await file.toBuffer();
      if (bytes.length === 0) throw new DomainError(ErrorCode.UploadMissing);
      return bytes;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const code = MULTIPART_ERRORS[(error as { code?: string }).code ?? ''];
      // anything else busboy throws (no or wrong boundary, a truncated part, garbage) is a body we cannot read
      throw new DomainError(code ?? ErrorCode.UploadMalformed);
    }
  }
}
