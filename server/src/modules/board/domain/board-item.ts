import { BoardItem, categoryLabel, findCategory, maskPersonName, RequestCategory } from '@gezhi/shared';
import { anonymise } from './anonymise';
import { timeTaken } from './time-taken';

/** What the board needs to know about one closed request; everything personal stays on this side. */
export interface BoardSource {
  /** unique within the page (a list key); never the request's id or serial */
  key: string;
  category: RequestCategory;
  subcategory: string;
  /** the public summary approved at 办结, or null (none approved: items closed before summaries existed) */
  publicSummary: string | null;
  showNamePublicly: boolean;
  /** the reporter's name as stored */
  contactName: string;
  createdAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  gridName: string;
  rating: { speed: number; effect: number; attitude: number; comment: string | null } | null;
  /** the reporter's and their household's names the system knows, removed from every text */
  knownNames: readonly (string | null)[];
}

/**
 * One board entry: labels, the approved public summary (anonymised once more; never the resident's description),
 * the anonymised rating comment, the time taken (filed → resolved),
 * and the reporter's name masked (张*) only when they chose to show it. Built field by field, so nothing of the
 * source (user ids, phone, room, openid) can slip through.
 */
export function boardItem(source: BoardSource): BoardItem {
  const names = [source.contactName, ...source.knownNames];
  const resolvedAt = source.resolvedAt ?? source.closedAt ?? source.createdAt;
  const taken = timeTaken(source.createdAt, resolvedAt);
  const category = findCategory(source.category);
  return {
    key: source.key,
    category: source.category,
    categoryLabel: category?.label ?? categoryLabel(source.category),
    subcategory: source.subcategory,
    subcategoryLabel: category?.subcategories.find((s) => s.code === source.subcategory)?.label ?? source.subcategory,
    summary: source.publicSummary ? anonymise(source.publicSummary, { names }) : null,
    statusLabel: '已办结',
    gridName: source.gridName,
    reporterName: source.showNamePublicly ? maskPersonName(source.contactName) : null,
    rating: source.rating
      ? {
          speed: source.rating.speed,
          effect: source.rating.effect,
          attitude: source.rating.attitude,
          comment: source.rating.comment ? anonymise(source.rating.comment, { names }) : null,
        }
      : null,
    filedAt: source.createdAt.toISOString(),
    resolvedAt: resolvedAt.toISOString(),
    timeTakenMinutes: taken.minutes,
    timeTakenLabel: taken.label,
  };
}
