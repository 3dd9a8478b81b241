import { BoardItem, categoryLabel, findCategory, maskPersonName, RequestCategory } from '@gezhi/shared';
import { formatSerial } from '../../requests/domain/request-presentation';
import { anonymise } from './anonymise';
import { timeTaken } from './time-taken';

/** What the board needs to know about one closed request; everything personal stays on this side. */
export interface BoardSource {
  id: number;
  category: RequestCategory;
  subcategory: string;
  description: string;
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
 * One board entry: labels, the anonymised description and rating comment, the time taken (filed → resolved),
 * and the reporter's name masked (张*) only when they chose to show it. Built field by field, so nothing of the
 * source (user ids, phone, room, openid) can slip through.
 */
export function boardItem(source: BoardSource): BoardItem {
  const names = [source.contactName, ...source.knownNames];
  const resolvedAt = source.resolvedAt ?? source.closedAt ?? source.createdAt;
  const taken = timeTaken(source.createdAt, resolvedAt);
  const category = findCategory(source.category);
  return {
    serial: formatSerial(source.id),
    category: source.category,
    categoryLabel: category?.label ?? categoryLabel(source.category),
    subcategory: source.subcategory,
    subcategoryLabel: category?.subcategories.find((s) => s.code === source.subcategory)?.label ?? source.subcategory,
    description: anonymise(source.description, { names }),
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
