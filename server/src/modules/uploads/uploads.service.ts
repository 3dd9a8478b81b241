import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, LIMITS, UploadedPhoto } from '@gezhi/shared';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import type { User } from '../users/user.entity';
import { sniffImageMime } from './image-sniffer';
import { Photo } from './photo.entity';
import { PhotoStorage } from './photo-storage';

export const UPLOAD_FIELD = 'file';
const PHOTO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** @fastify/multipart errors that are the client's doing. */
const MULTIPART_ERRORS: Record<string, ErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: ErrorCode.UploadTooLarge,
  FST_INVALID_MULTIPART_CONTENT_TYPE: ErrorCode.UploadMissing,
  FST_FILES_LIMIT: ErrorCode.ValidationFailed,
  FST_PARTS_LIMIT: ErrorCode.ValidationFailed,
  FST_FIELDS_LIMIT: ErrorCode.ValidationFailed,
};

export function photoView(photo: Pick<Photo, 'id' | 'bytes'>): UploadedPhoto {
  return { id: photo.id, url: `/files/${photo.id}`, bytes: photo.bytes };
}

@Injectable()
export class UploadsService {
  constructor(
    @InjectRepository(Photo) private readonly photos: Repository<Photo>,
    private readonly storage: PhotoStorage,
  ) {}

  /** Accepts one image (checked by its bytes, not its name) from the multipart field `file`. */
  async upload(owner: User, request: FastifyRequest): Promise<UploadedPhoto> {
    const bytes = await this.readUpload(request);
    const mime = sniffImageMime(bytes);
    if (!mime) throw new DomainError(ErrorCode.UploadNotImage);
    const photo: Photo = { id: randomUUID(), ownerUserId: owner.id, mime, bytes: bytes.length, createdAt: new Date() };
    await this.storage.save(photo.id, bytes);
    await this.photos.insert(photo);
    return photoView(photo);
  }

  async serve(id: string): Promise<StreamableFile> {
    const photo = PHOTO_ID.test(id) ? await this.photos.findOneBy({ id }) : null;
    const stream = photo ? await this.storage.open(photo.id) : null;
    if (!photo || !stream) throw new DomainError(ErrorCode.NotFound);
    return new StreamableFile(stream, { type: photo.mime, length: photo.bytes });
  }

  /**
   * Views of photos the caller is attaching; refuses (404 PHOTO_NOT_FOUND) unless every id is an existing
   * photo uploaded by `ownerUserId`. One query, which also yields what the response shows.
   */
  async ownPhotos(ownerUserId: number, ids: readonly string[]): Promise<Map<string, UploadedPhoto>> {
    if (ids.length === 0) return new Map();
    if (!ids.every((id) => PHOTO_ID.test(id))) throw new DomainError(ErrorCode.PhotoNotFound);
    const rows = await this.photos.find({ select: { id: true, bytes: true }, where: { id: In([...ids]), ownerUserId } });
    if (rows.length !== new Set(ids).size) throw new DomainError(ErrorCode.PhotoNotFound);
    return new Map(rows.map((p) => [p.id, photoView(p)]));
  }

  /** Photo views by id, for requests and timelines (one query for a whole page). */
  async viewsOf(ids: readonly string[]): Promise<Map<string, UploadedPhoto>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.photos.find({ select: { id: true, bytes: true }, where: { id: In(unique) } });
    return new Map(rows.map((p) => [p.id, photoView(p)]));
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
