import { DepartmentKind, RequestCategory } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 职能部门 / 共建单位 / 包联单位: a unit the street can whistle; its liaisons are users with `departmentId`. */
@Entity('department')
export class DepartmentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'simple-enum', enum: DepartmentKind })
  kind: DepartmentKind;

  /** the street it serves (whistles and routing rules stay within a street) */
  @Index()
  @Column({ type: 'int' })
  streetId: number;

  /** 包联: the grid a paired unit is paired with */
  @Column({ type: 'int', nullable: true })
  pairedGridId: number | null;
}

/** One row of a street's routing table: category (× optional subcategory) → lead + assisting departments. */
@Entity('routing_rule')
@Index(['streetId', 'category'])
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'simple-enum', enum: RequestCategory })
  category: RequestCategory;

  /** null: every subcategory of the category without a more specific rule */
  @Column({ type: 'varchar', length: 30, nullable: true })
  subcategory: string | null;

  @Column({ type: 'int' })
  leadDepartmentId: number;

  @Column({ type: 'simple-json' })
  assistDepartmentIds: number[];

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
