import {
  AGENDA_REASON_LABELS,
  AgendaCategoryGroup,
  AgendaEntry,
  AgendaItem,
  AgendaReason,
  CATEGORIES,
  categoryLabel,
  Channel,
  findCategory,
  RequestCategory,
  RequestStatus,
  residentStatusLabel,
  HandlingLevel,
} from '@gezhi/shared';
import { excerpt, formatSerial } from '../../requests/domain/request-presentation';

/**
 * The 问需会 agenda: which items the meeting should look at and why, grouped by category. Pure: the service
 * loads the candidates (facts about requests of the community), this decides.
 *
 * - UNRESOLVED: still 待签收 / 处理中 / 部门处理中 at the as-of time;
 * - OVERDUE: unresolved with a clock (时限) past due at the as-of time;
 * - REOPENED: reopened after a low effect rating within the period, or unresolved after a reopen;
 * - PATROL: filed from a patrol (巡查) within the period, or unresolved;
 * - RECURRING: the same building and category at least `recurrenceMinCount` times among the items filed within
 *   `recurrenceWindowDays` before the as-of time (rejected and withdrawn ones do not count).
 *
 * An item of a recurring cluster is listed inside the cluster's entry (with its own reasons), not again alone.
 */
export interface AgendaCandidate {
  id: number;
  category: RequestCategory;
  subcategory: string;
  description: string;
  status: RequestStatus;
  level: HandlingLevel;
  channel: Channel;
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
/** the order reasons are listed in, and the order single items are sorted by (most urgent first) */
const REASON_ORDER: readonly AgendaReason[] = [
  AgendaReason.Overdue,
  AgendaReason.Reopened,
  AgendaReason.Unresolved,
  AgendaReason.Patrol,
  AgendaReason.Recurring,
];
const DAY_MS = 24 * 3600_000;

/** Why one item is on the agenda (empty: it is not, unless it belongs to a recurring cluster). */
export function reasonsOf(item: AgendaCandidate, window: AgendaWindow): AgendaReason[] {
  if (item.createdAt.getTime() >= window.asOf.getTime()) return [];
  const unresolved = UNRESOLVED.includes(item.status);
  const filedInPeriod = item.createdAt.getTime() >= window.from.getTime();
  const reasons = new Set<AgendaReason>();
  if (unresolved) reasons.add(AgendaReason.Unresolved);
  if (unresolved && item.pastDue) reasons.add(AgendaReason.Overdue);
  if (item.reopenedInPeriod || (unresolved && item.reopenCount > 0)) reasons.add(AgendaReason.Reopened);
  if (item.channel === Channel.Patrol && (filedInPeriod || unresolved)) reasons.add(AgendaReason.Patrol);
  return REASON_ORDER.filter((r) => reasons.has(r));
}

export interface RecurringCluster {
  buildingId: number;
  category: RequestCategory;
  /** oldest first */
  items: AgendaCandidate[];
}

/** Building × category pairs seen at least `recurrenceMinCount` times within the window, most frequent first. */
export function findRecurring(items: readonly AgendaCandidate[], window: AgendaWindow): RecurringCluster[] {
  const start = window.asOf.getTime() - window.recurrenceWindowDays * DAY_MS;
  const clusters = new Map<string, RecurringCluster>();
  for (const item of items) {
    const at = item.createdAt.getTime();
    if (at < start || at >= window.asOf.getTime() || NOT_A_PROBLEM.includes(item.status)) continue;
    const key = `${item.buildingId}:${item.category}`;
    const cluster = clusters.get(key) ?? { buildingId: item.buildingId, category: item.category, items: [] };
    cluster.items.push(item);
    clusters.set(key, cluster);
  }
  return [...clusters.values()]
    .filter((c) => c.items.length >= window.recurrenceMinCount)
    .map((c) => ({ ...c, items: [...c.items].sort(byAge) }))
    .sort((a, b) => b.items.length - a.items.length || a.buildingId - b.buildingId || a.category.localeCompare(b.category));
}

/**
 * The agenda's groups: one per category (in the categories' order) that has entries; in each, recurring clusters
 * first (most frequent first), then single items, most urgent reason first, oldest first.
 */
export function buildAgenda(
  candidates: readonly AgendaCandidate[],
  window: AgendaWindow,
  projectIdsOf: (requestId: number) => readonly number[] = () => [],
): { groups: AgendaCategoryGroup[]; counts: Record<AgendaReason, number> } {
  const clusters = findRecurring(candidates, window);
  const clustered = new Set(clusters.flatMap((c) => c.items.map((i) => i.id)));
  const entries: AgendaEntry[] = [];
  for (const cluster of clusters) {
    const items = cluster.items.map((c) => agendaItem(c, [...reasonsOf(c, window), AgendaReason.Recurring]));
    const first = cluster.items[0];
    entries.push({
      key: `recurring:${cluster.buildingId}:${cluster.category}`,
      kind: 'RECURRING',
      reasons: REASON_ORDER.filter((r) => items.some((i) => i.reasons.includes(r))),
      title: `${first.buildingName} ${categoryLabel(cluster.category)}问题反复发生（${items.length}次）`,
      gridId: first.gridId,
      gridName: first.gridName,
      buildingName: first.buildingName,
      requestIds: items.map((i) => i.id),
      items,
      projectIds: projectsOf(items, projectIdsOf),
    });
  }
  const singles = candidates
    .filter((c) => !clustered.has(c.id))
    .map((c) => ({ candidate: c, reasons: reasonsOf(c, window) }))
    .filter((s) => s.reasons.length > 0)
    .sort((a, b) => REASON_ORDER.indexOf(a.reasons[0]) - REASON_ORDER.indexOf(b.reasons[0]) || byAge(a.candidate, b.candidate));
  for (const { candidate, reasons } of singles) {
    const item = agendaItem(candidate, reasons);
    entries.push({
      key: `item:${candidate.id}`,
      kind: 'ITEM',
      reasons,
      title: `${candidate.buildingName} ${item.subcategoryLabel}：${excerpt(candidate.description, 20)}`,
      gridId: candidate.gridId,
      gridName: candidate.gridName,
      buildingName: candidate.buildingName,
      requestIds: [candidate.id],
      items: [item],
      projectIds: projectsOf([item], projectIdsOf),
    });
  }
  const groups = CATEGORIES.map((category) => ({
    category: category.code,
    categoryLabel: category.label,
    entries: entries.filter((e) => e.items[0].category === category.code),
  })).filter((g) => g.entries.length > 0);
  return { groups, counts: countReasons(entries) };
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
