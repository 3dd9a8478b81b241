import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 街道: a sub-district; the level that blows the whistle. */
@Entity('street')
export class Street {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** whether community officers of this street may whistle items held at community level (吹哨); off by default */
  @Column({ type: 'boolean', default: false })
  communityMayWhistle: boolean;
}

/** 社区: 3,000–8,000 households, divided into grids. */
@Entity('community')
export class Community {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;
}

/** 网格: ~300–450 households with one grid leader, who receives the grid's requests. */
@Entity('grid')
export class Grid {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'int', nullable: true })
  leaderUserId: number | null;
}

@Entity('building')
export class Building {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  communityId: number;

  @Index()
  @Column({ type: 'int' })
  gridId: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;
}

@Entity('room')
@Index(['buildingId', 'unitName', 'roomNumber'], { unique: true })
export class Room {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  buildingId: number;

  @Column({ type: 'varchar', length: 20 })
  unitName: string;

  @Column({ type: 'varchar', length: 20 })
  roomNumber: string;
}
