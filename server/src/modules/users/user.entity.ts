import { ResidentTag, Role } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('user')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** WeChat openid of this mini-program; null for demo accounts */
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  openid: string | null;

  /** demo/dev login name, e.g. "resident1"; null for real users */
  @Column({ type: 'varchar', length: 50, nullable: true, unique: true })
  account: string | null;

  @Column({ type: 'varchar', length: 30 })
  nickname: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  realName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'simple-enum', enum: Role })
  role: Role;

  /** a resident's bound home */
  @Column({ type: 'int', nullable: true })
  roomId: number | null;

  /** staff scope: the grid of a grid leader */
  @Column({ type: 'int', nullable: true })
  gridId: number | null;

  /** staff scope: the community of a grid leader or community officer */
  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  /** staff scope: the street of any staff member */
  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  /** liaison scope (部门联络员): the department they act for */
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  /** residents: 独居老人, 残疾人, … (services may be restricted to or prioritise them); null = none */
  @Column({ type: 'simple-json', nullable: true })
  tags: ResidentTag[] | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /**
   * Moves on when every token of the user must stop working (password change, suspension); a token carries the
   * version it was issued at and the guard compares it on every request.
   */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  /** set: the account is suspended — no login, and its tokens are refused at once; null = active */
  @Column({ type: 'datetime', nullable: true })
  suspendedAt: Date | null;

  /**
   * 住户核实: when a grid worker confirmed the resident's current home (roomId); null while roomId is set = 未核实住户.
   * Binding another home clears it. Unverified residents still file; staff see the items flagged.
   */
  @Column({ type: 'datetime', nullable: true })
  homeVerifiedAt: Date | null;

  /** when the current home was bound (null: no home, or bound before this was recorded) */
  @Column({ type: 'datetime', nullable: true })
  homeBoundAt: Date | null;

  /** the staff member who confirmed the current home */
  @Column({ type: 'int', nullable: true })
  homeVerifiedByUserId: number | null;
}

/** What happened to a resident's home binding: the log behind the rebinding limit and the grid worker's decisions. */
export enum HomeBindingAction {
  Bind = 'BIND',
  Confirm = 'CONFIRM',
  Reject = 'REJECT',
}

@Entity('home_binding_event')
@Index('IDX_home_binding_event_user_created', ['userId', 'createdAt'])
export class HomeBindingEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  roomId: number;

  @Column({ type: 'simple-enum', enum: HomeBindingAction })
  action: HomeBindingAction;

  /** the resident (BIND) or the staff member (CONFIRM / REJECT) */
  @Column({ type: 'int' })
  actorUserId: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}

/** A user's tags (none when never set). */
export function tagsOf(user: Pick<User, 'tags'>): ResidentTag[] {
  return user.tags ?? [];
}

/** The name staff and residents see for a user. */
export function displayName(user: Pick<User, 'realName' | 'nickname'>): string {
  return user.realName ?? user.nickname;
}

/**
 * WeChat's session_key for a user. It never leaves the server and is never part of a response; stored encrypted
 * (AES-256-GCM, `<keyId>:…`, see auth/keys/session-key-cipher.ts), never in plain text.
 */
@Entity('wechat_session')
export class WechatSession {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 128 })
  sessionKey: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
