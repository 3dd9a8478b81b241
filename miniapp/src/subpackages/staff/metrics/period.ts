/**
 * Months and the route query of the items list. Dates are local dates in Asia/Shanghai (UTC+8), as the server
 * counts them (docs/metrics.md), whatever the device's time zone (the arithmetic is @gezhi/shared's shanghai-time).
 */
import {
  addDays,
  ITEM_COUNT_KEYS,
  MetricsScopeKind,
  monthEndOf,
  RATE_KEYS,
  shanghaiDayOf,
  shanghaiMonthOf,
  type ItemCountKey,
  type MetricsItemsQuery,
  type RateKey,
} from '@gezhi/shared';

/** YYYY-MM of `now` in Asia/Shanghai: the default month of the 数据 page. */
export function currentMonth(now: Date = new Date()): string {
  return shanghaiMonthOf(now);
}

/** "2026年11月" */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/**
 * The weekly trend shown for a month: the 12 weeks up to the month's end (up to today for the current month),
 * so a month is seen against the weeks before it.
 */
export function trendRange(month: string, now: Date = new Date(), weeks = 12): { from: string; to: string } {
  const today = shanghaiDayOf(now);
  const end = monthEndOf(month);
  const to = end < today ? end : today;
  const from = addDays(to, -(weeks * 7 - 1));
  return { from, to };
}

// ---- the items list's route (subpackages/staff/pages/metric-items) ----

const QUERY_FIELDS = ['scope', 'id', 'month', 'from', 'to', 'category', 'rate', 'count', 'outcome'] as const;

/**
 * The route query of the items list: the MetricsItemsQuery's fields, `title` (what was tapped, e.g. "第一网格 · 11月"),
 * and `rates` (the other rates of the same unit, shown as tabs).
 */
export function itemsRouteQuery(query: MetricsItemsQuery, title: string, rates: RateKey[] = []): string {
  const parts: string[] = [];
  for (const field of QUERY_FIELDS) {
    const value = query[field];
    if (value !== undefined && value !== null && value !== '') parts.push(`${field}=${encodeURIComponent(String(value))}`);
  }
  parts.push(`title=${encodeURIComponent(title)}`);
  if (rates.length) parts.push(`rates=${rates.join(',')}`);
  return parts.join('&');
}

const decode = (value: string | undefined): string | undefined => {
  if (value === undefined || value === '') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Back from the route's params (Taro's useRouter().params, still URI-encoded on some platforms). */
export function parseItemsRoute(params: Record<string, string | undefined>): { query: MetricsItemsQuery; title: string; rates: RateKey[] } {
  const query: MetricsItemsQuery = {};
  const scope = decode(params.scope);
  if (scope && (Object.values(MetricsScopeKind) as string[]).includes(scope)) query.scope = scope as MetricsScopeKind;
  const id = Number(decode(params.id));
  if (Number.isInteger(id) && id > 0) query.id = id;
  for (const field of ['month', 'from', 'to'] as const) {
    const value = decode(params[field]);
    if (value) query[field] = value;
  }
  const category = decode(params.category);
  if (category) query.category = category as MetricsItemsQuery['category'];
  const rate = decode(params.rate);
  if (rate && (RATE_KEYS as readonly string[]).includes(rate)) query.rate = rate as RateKey;
  const count = decode(params.count);
  if (count && (ITEM_COUNT_KEYS as readonly string[]).includes(count)) query.count = count as ItemCountKey;
  const outcome = decode(params.outcome);
  if (outcome === 'HIT' || outcome === 'MISS') query.outcome = outcome;
  const rates = (decode(params.rates) ?? '')
    .split(',')
    .filter((r): r is RateKey => (RATE_KEYS as readonly string[]).includes(r));
  return { query, title: decode(params.title) ?? '明细', rates };
}
