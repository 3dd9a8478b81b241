import { PAGE_COUNT_CAP } from '@gezhi/shared';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Counts the rows a list query matches, stopping after PAGE_COUNT_CAP + 1: a bounded walk of the covering index
 * (IDX_request_board, the inbox indexes), so a grid with thousands of open items costs the same as one with a
 * thousand (an exact COUNT(*) over 8,000 index entries took 6 ms of database time per page on MariaDB). A list then
 * shows min(count, cap) with totalCapped when the count is above the cap. `idColumn` is the query alias's key.
 */
export async function countUpToCap<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, idColumn = 'r.id'): Promise<number> {
  const capped = query.clone().select(idColumn).orderBy().limit(PAGE_COUNT_CAP + 1);
  const row = await query.connection
    .createQueryBuilder()
    .select('COUNT(*)', 'total')
    .from(`(${capped.getQuery()})`, 'capped')
    .setParameters(capped.getParameters())
    .getRawOne<{ total: string | number }>();
  return Number(row?.total ?? 0);
}
