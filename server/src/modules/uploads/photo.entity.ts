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
}
