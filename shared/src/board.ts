/**
 * 公示 — the public board: resolved items of a community as residents see them. It shows the public summary the
 * handler approved at 办结 (never the resident's own text), anonymised again by the server (names, phone numbers,
 * ID numbers, WeChat ids, room numbers removed; see docs/board.md), and no field identifies a person or an item:
 * no serial number, user id, phone, room or openid, only the reporter's masked name when they chose to show it.
 */
import type { Page, PageQuery } from './api';
import type { RequestCategory } from './categories';

/** GET /api/board. Residents see their home's community; staff their own (street officers name one). */
export interface BoardQuery extends PageQuery {
  communityId?: number;
}

export interface BoardRating {
  speed: number;
  effect: number;
  attitude: number;
  /** the resident's comment, anonymised like the description; null when there was none */
  comment: string | null;
}

export interface BoardItem {
  /** an opaque key for lists; not the item's serial number (no serial is shown on the board) */
  key: string;
  category: RequestCategory;
  categoryLabel: string;
  subcategory: string;
  subcategoryLabel: string;
  /**
   * the public summary the handler approved at 办结, anonymised; never the resident's own text. null for items
   * closed without one (before summaries existed): the board shows category, status and time only.
   */
  summary: string | null;
  /** always 已办结 (the board lists closed items) */
  statusLabel: string;
  gridName: string;
  /** masked (张*) and only when the reporter chose to show their name publicly; otherwise null (匿名) */
  reporterName: string | null;
  rating: BoardRating | null;
  filedAt: string;
  resolvedAt: string;
  /** filed → resolved, whole minutes */
  timeTakenMinutes: number;
  /** e.g. 「2天3小时」, 「45分钟」 */
  timeTakenLabel: string;
}

/** The community's current rates on the board: the last 30 days up to now (see docs/board.md). */
export interface BoardRates {
  /** YYYY-MM-DD, local (Asia/Shanghai): the first and last day the rates cover */
  from: string;
  to: string;
  /** e.g. 「近30天」 */
  periodLabel: string;
  /** share 0–1, or null when nothing happened that the rate could be computed from */
  responseRate: number | null;
  resolutionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  /** items resolved in the period */
  resolvedCount: number;
  /** items filed in the period */
  filedCount: number;
}

export interface BoardPage extends Page<BoardItem> {
  communityId: number;
  communityName: string;
  rates: BoardRates;
}
