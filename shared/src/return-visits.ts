/**
 * 回访 (return visits): items resolved a while ago that nobody rated — a walk-in, a phone call, a resident without an
 * account or one who never opened the mini-program. Staff phone the person and record the three ratings on their
 * behalf (电话回访); an item nobody could be reached for is closed unrated (未评价) by the system after a longer
 * period. The periods are server configuration (RETURN_VISIT_AFTER_DAYS, RETURN_VISIT_UNRATED_CLOSE_DAYS).
 */
import type { RequestCategory } from './categories';
import type { Channel, HandlingLevel } from './enums';

/** Who gave a rating: the resident in the mini-program, or staff on the resident's behalf on a return visit. */
export enum RatingSource {
  Self = 'SELF',
  ReturnVisit = 'RETURN_VISIT',
}

export const RATING_SOURCE_LABELS: Record<RatingSource, string> = {
  [RatingSource.Self]: '居民自评',
  [RatingSource.ReturnVisit]: '电话回访',
};

/** One item of GET /api/staff/return-visits (待回访), the longest-waiting first. */
export interface ReturnVisitItem {
  id: number;
  serial: string;
  category: RequestCategory;
  subcategory: string;
  excerpt: string;
  channel: Channel;
  level: HandlingLevel;
  gridName: string;
  address: string;
  /** the reporter's name as staff see it (masked when they asked for privacy) */
  contactName: string;
  /** masked, e.g. 139****5678; null when there is no number to call */
  contactPhoneMasked: string | null;
  /** whether a number is on file: the call button (POST …/return-visit/call returns the full number) */
  hasPhone: boolean;
  resolvedAt: string;
  /** when it is closed unrated (未评价) unless someone rates it first */
  closesAt: string;
  /** 联系不上 attempts recorded so far */
  unreachableAttempts: number;
}

/** POST /api/requests/:id/return-visit: the three ratings given on the phone (1–5) and an optional comment. */
export interface ReturnVisitRateBody {
  speed: number;
  effect: number;
  attitude: number;
  comment?: string;
}

/** POST /api/requests/:id/return-visit/unreachable: 联系不上, with an optional note (e.g. 无人接听). */
export interface ReturnVisitUnreachableBody {
  note?: string;
}

/** POST /api/requests/:id/return-visit/call: the number to dial (only at the moment of calling, never in lists). */
export interface ReturnVisitCallView {
  phone: string;
}
