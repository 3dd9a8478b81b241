import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('photo')
export class Photo {
  /** random and unguessable (crypto.randomUUID): the id is the capability to fetch the file */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'int' })
  ownerUserId: number;

  @Column({ type: 'varchar', length: 20 })
  mime: string;

  @Column({ type: 'int' })
  bytes: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /**
   * true from the upload until the photo is attached to a filing, note or report (UploadsService.ownPhotos); an
   * unattached photo older than ORPHAN_UPLOAD_MAX_AGE_HOURS is deleted by the orphan sweep. Rows from before the
   * sweep existed default to false (kept).
   */
  @Index('IDX_photo_unattached_created')
  @Column({ type: 'boolean', default: false })
  unattached: boolean;
}
