import {
  AGENDA_REASON_LABELS,
  AgendaCategoryGroup,
  AgendaEntry,
  AgendaItem,
  AgendaReason,
  CATEGORIES,
  Channel,
  findCategory,
  RequestCategory,
  RequestStatus,
  residentStatusLabel,
  HandlingLevel,
} from '@gezhi/shared';
import { excerpt, formatSerial } from '../../requests/domain/request-presentation';

/**
 * The 问需会 agenda: which items the meeting should look at, why, and in which order. Pure: the service loads the
 * candidates (facts about requests of the community), this decides (docs/review.md#the-agenda).
 *
 * - UNRESOLVED: still 待签收 / 处理中 / 部门处理中 at the as-of time;
 * - OVERDUE: unresolved with a clock (时限) past due at the as-of time;
 * - REOPENED: reopened after a low effect rating within the period, or unresolved after a reopen;
 * - PATROL: filed from a patrol (巡查) within the period, or unresolved;
 * - RECURRING: the same problem — same building, category and subcategory — at least `recurrenceMinCount` times among
 *   the items filed within `recurrenceWindowDays` before the as-of time (rejected and withdrawn ones do not count),
 *   and still relevant: at least one of them unresolved, or filed within the period (since the last meeting).
 *
 * Entries: one per recurring cluster (listing all its items) and one per item with a reason of its own. An
 * unresolved item always has its own entry, even inside a cluster (the cluster references it, `recurringKey` on the
 * item's entry names the cluster); a resolved item of a cluster is listed only inside it.
 *
 * Order (`rank`): 已超时, then 紧急 unresolved, 差评重办, recurring clusters, 未办结, 巡查发现; within each, oldest first.
 * The meeting sees the first `entryLimit`; the rest are collapsed into 「其余 N 项」.
 */
export interface AgendaCandidate {
  id: number;
  category: RequestCategory;
  subcategory: string;
  description: string;
  status: RequestStatus;
  level: HandlingLevel;
  channel: Channel;
  /** 紧急 */
  urgent: boolean;
  buildingId: number;
  buildingName: string;
  gridId: number;
  gridName: string;
  createdAt: Date;
  reopenCount: number;
  /** a reopen (重办) event within [from, asOf) */
  reopenedInPeriod: boolean;
  /** a running clock was past due at asOf */
  pastDue: boolean;
}

export interface AgendaWindow {
  /** the period's first instant */
  from: Date;
  /** the state described: items filed at or after it are not on the agenda */
  asOf: Date;
  recurrenceMinCount: number;
  recurrenceWindowDays: number;
}

const UNRESOLVED: readonly RequestStatus[] = [RequestStatus.PendingAccept, RequestStatus.InProgress, RequestStatus.Whistled];
const NOT_A_PROBLEM: readonly RequestStatus[] = [RequestStatus.Rejected, RequestStatus.Cancelled];
/** the order reasons are listed in (most urgent first) */
const REASON_ORDER: readonly AgendaReason[] = [
  AgendaReason.Overdue,
  AgendaReason.Reopened,
  AgendaReason.Unresolved,
  AgendaReason.Patrol,
  AgendaReason.Recurring,
];
const DAY_MS = 24 * 3600_000;

/** Why one item is on the agenda on its own (empty: it is not, unless it belongs to a recurring cluster). */
export function reasonsOf(item: AgendaCandidate, window: AgendaWindow): AgendaReason[] {
  if (item.createdAt.getTime() >= window.asOf.getTime()) return [];
  const unresolved = isUnresolved(item);
  const filedInPeriod = item.createdAt.getTime() >= window.from.getTime();
  const reasons = new Set<AgendaReason>();
  if (unresolved) reasons.add(AgendaReason.Unresolved);
  if (unresolved && item.pastDue) reasons.add(AgendaReason.Overdue);
  if (item.reopenedInPeriod || (unresolved && item.reopenCount > 0)) reasons.add(AgendaReason.Reopened);
  if (item.channel === Channel.Patrol && (filedInPeriod || unresolved)) reasons.add(AgendaReason.Patrol);
  return REASON_ORDER.filter((r) => reasons.has(r));
}

function isUnresolved(item: Pick<AgendaCandidate, 'status'>): boolean {
  return UNRESOLVED.includes(item.status);
}

export interface RecurringCluster {
  buildingId: number;
  category: RequestCategory;
  subcategory: string;
  /** oldest first */
  items: AgendaCandidate[];
}

export function recurringKey(cluster: Pick<RecurringCluster, 'buildingId' | 'category' | 'subcategory'>): string {
  return `recurring:${cluster.buildingId}:${cluster.category}:${cluster.subcategory}`;
}

/**
 * The same problem — building × category × subcategory — seen at least `recurrenceMinCount` times within the window,
 * with at least one of its items unresolved or filed within the period; most frequent first.
 */
export function findRecurring(items: readonly AgendaCandidate[], window: AgendaWindow): RecurringCluster[] {
  const start = window.asOf.getTime() - window.recurrenceWindowDays * DAY_MS;
  const clusters = new Map<string, RecurringCluster>();
  for (const item of items) {
    const at = item.createdAt.getTime();
    if (at < start || at >= window.asOf.getTime() || NOT_A_PROBLEM.includes(item.status)) continue;
    const key = recurringKey(item);
    const cluster = clusters.get(key) ?? { buildingId: item.buildingId, category: item.category, subcategory: item.subcategory, items: [] };
    cluster.items.push(item);
    clusters.set(key, cluster);
  }
  const relevant = (c: RecurringCluster) => c.items.some((i) => isUnresolved(i) || i.createdAt.getTime() >= window.from.getTime());
  return [...clusters.values()]
    .filter((c) => c.items.length >= window.recurrenceMinCount && relevant(c))
    .map((c) => ({ ...c, items: [...c.items].sort(byAge) }))
    .sort((a, b) => b.items.length - a.items.length || a.buildingId - b.buildingId || recurringKey(a).localeCompare(recurringKey(b)));
}

/** The tiers of the agenda's order, first discussed first. */
const TIER = { overdue: 0, urgent: 1, reopened: 2, recurring: 3, unresolved: 4, patrol: 5 } as const;

function tierOf(entry: { kind: AgendaEntry['kind']; reasons: readonly AgendaReason[]; urgent: boolean }): number {
  if (entry.kind === 'RECURRING') return TIER.recurring;
  if (entry.reasons.includes(AgendaReason.Overdue)) return TIER.overdue;
  if (entry.urgent && entry.reasons.includes(AgendaReason.Unresolved)) return TIER.urgent;
  if (entry.reasons.includes(AgendaReason.Reopened)) return TIER.reopened;
  if (entry.reasons.includes(AgendaReason.Unresolved)) return TIER.unresolved;
  return TIER.patrol;
}

export interface Agenda {
  /** every entry, in the agenda's order (`rank` 1, 2, …) */
  entries: AgendaEntry[];
  /** distinct items per reason, over every entry */
  counts: Record<AgendaReason, number>;
}

/** Every entry of the agenda, in order (see the header). */
export function buildAgenda(
  candidates: readonly AgendaCandidate[],
  window: AgendaWindow,
  projectIdsOf: (requestId: number) => readonly number[] = () => [],
): Agenda {
  const clusters = findRecurring(candidates, window);
  const clusterOf = new Map<number, string>();
  for (const cluster of clusters) for (const item of cluster.items) clusterOf.set(item.id, recurringKey(cluster));
  const drafts: { entry: Omit<AgendaEntry, 'rank'>; tier: number; since: Date }[] = [];
  for (const cluster of clusters) {
    const items = cluster.items.map((c) => agendaItem(c, [...reasonsOf(c, window), AgendaReason.Recurring]));
    const first = cluster.items[0];
    drafts.push({
      tier: TIER.recurring,
      since: first.createdAt,
      entry: {
        key: recurringKey(cluster),
        kind: 'RECURRING',
        recurringKey: null,
        reasons: REASON_ORDER.filter((r) => items.some((i) => i.reasons.includes(r))),
        title: `${first.buildingName} ${items[0].subcategoryLabel}问题反复发生（${items.length}次）`,
        gridId: first.gridId,
        gridName: first.gridName,
        buildingName: first.buildingName,
        requestIds: items.map((i) => i.id),
        items,
        projectIds: projectsOf(items, projectIdsOf),
      },
    });
  }
  for (const candidate of candidates) {
    const inCluster = clusterOf.get(candidate.id) ?? null;
    // a resolved item of a cluster is discussed inside it; an unresolved one always keeps its own entry
    if (inCluster !== null && !isUnresolved(candidate)) continue;
    const own = reasonsOf(candidate, window);
    if (own.length === 0) continue;
    const reasons = inCluster !== null ? [...own, AgendaReason.Recurring] : own;
    const item = agendaItem(candidate, reasons);
    drafts.push({
      tier: tierOf({ kind: 'ITEM', reasons, urgent: candidate.urgent }),
      since: candidate.createdAt,
      entry: {
        key: `item:${candidate.id}`,
        kind: 'ITEM',
        recurringKey: inCluster,
        reasons: item.reasons,
        title: `${candidate.buildingName} ${item.subcategoryLabel}：${excerpt(candidate.description, 20)}`,
        gridId: candidate.gridId,
        gridName: candidate.gridName,
        buildingName: candidate.buildingName,
        requestIds: [candidate.id],
        items: [item],
        projectIds: projectsOf([item], projectIdsOf),
      },
    });
  }
  drafts.sort((a, b) => a.tier - b.tier || a.since.getTime() - b.since.getTime() || a.entry.key.localeCompare(b.entry.key));
  const entries = drafts.map((d, i) => ({ rank: i + 1, ...d.entry }));
  return { entries, counts: countReasons(entries) };
}

/** Entries grouped by category, in the categories' order (only categories with entries), each group in rank order. */
export function groupByCategory(entries: readonly AgendaEntry[]): AgendaCategoryGroup[] {
  return CATEGORIES.map((category) => ({
    category: category.code,
    categoryLabel: category.label,
    entries: entries.filter((e) => e.items[0].category === category.code).sort((a, b) => a.rank - b.rank),
  })).filter((g) => g.entries.length > 0);
}

/** What a meeting sees: the first `limit` entries; the rest collapsed into 「其余 N 项」. */
export function capAgenda(entries: readonly AgendaEntry[], limit: number): { shown: AgendaEntry[]; rest: AgendaEntry[]; restLabel: string } {
  const shown = entries.slice(0, Math.max(0, limit));
  const rest = entries.slice(shown.length);
  return { shown, rest, restLabel: `其余 ${rest.length} 项` };
}

/** Distinct items per reason. */
function countReasons(entries: readonly AgendaEntry[]): Record<AgendaReason, number> {
  const counts = Object.fromEntries(Object.values(AgendaReason).map((r) => [r, new Set<number>()])) as Record<AgendaReason, Set<number>>;
  for (const item of entries.flatMap((e) => e.items)) for (const reason of item.reasons) counts[reason].add(item.id);
  return Object.fromEntries(Object.entries(counts).map(([r, ids]) => [r, ids.size])) as Record<AgendaReason, number>;
}

function agendaItem(c: AgendaCandidate, reasons: AgendaReason[]): AgendaItem {
  const sub = findCategory(c.category)?.subcategories.find((s) => s.code === c.subcategory);
  return {
    id: c.id,
    serial: formatSerial(c.id),
    category: c.category,
    subcategory: c.subcategory,
    subcategoryLabel: sub?.label ?? c.subcategory,
    excerpt: excerpt(c.description),
    status: c.status,
    statusLabel: residentStatusLabel(c.status, c.level),
    channel: c.channel,
    gridId: c.gridId,
    gridName: c.gridName,
    buildingName: c.buildingName,
    createdAt: c.createdAt.toISOString(),
    reopenCount: c.reopenCount,
    urgent: c.urgent,
    reasons: REASON_ORDER.filter((r) => reasons.includes(r)),
  };
}

function projectsOf(items: readonly AgendaItem[], projectIdsOf: (requestId: number) => readonly number[]): number[] {
  return [...new Set(items.flatMap((i) => projectIdsOf(i.id)))].sort((a, b) => a - b);
}

function byAge(a: { createdAt: Date; id: number }, b: { createdAt: Date; id: number }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

/** Reason labels in listing order, e.g. for a report: 「已超时、未办结」. */
export function reasonLabels(reasons: readonly AgendaReason[]): string {
  return reasons.map((r) => AGENDA_REASON_LABELS[r]).join('、');
}
