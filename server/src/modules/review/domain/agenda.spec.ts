import { AgendaReason, Channel, HandlingLevel, RequestCategory, RequestStatus } from '@gezhi/shared';
import { AgendaCandidate, AgendaWindow, buildAgenda, capAgenda, findRecurring, groupByCategory, reasonLabels, reasonsOf } from './agenda';

const FROM = new Date('2026-11-01T00:00:00+08:00');
const AS_OF = new Date('2026-11-16T00:00:00+08:00');
const WINDOW: AgendaWindow = { from: FROM, asOf: AS_OF, recurrenceMinCount: 3, recurrenceWindowDays: 90 };
const DAY = 24 * 3600_000;

let nextId = 1;
function candidate(overrides: Partial<AgendaCandidate> = {}): AgendaCandidate {
  const id = overrides.id ?? nextId++;
  return {
    id,
    category: RequestCategory.Infrastructure,
    subcategory: 'LEAK',
    description: `卫生间吊顶渗水，编号${id}`,
    status: RequestStatus.Closed,
    level: HandlingLevel.Grid,
    channel: Channel.MiniProgram,
    urgent: false,
    buildingId: 1,
    buildingName: '1号楼',
    gridId: 10,
    gridName: '第一网格',
    createdAt: new Date(FROM.getTime() + 2 * DAY),
    reopenCount: 0,
    reopenedInPeriod: false,
    pastDue: false,
    ...overrides,
  };
}

describe('agenda reasons of one item', () => {
  it('lists unresolved items, whatever their stage', () => {
    for (const status of [RequestStatus.PendingAccept, RequestStatus.InProgress, RequestStatus.Whistled]) {
      expect(reasonsOf(candidate({ status }), WINDOW)).toEqual([AgendaReason.Unresolved]);
    }
    for (const status of [RequestStatus.Resolved, RequestStatus.Closed, RequestStatus.Rejected, RequestStatus.Cancelled]) {
      expect(reasonsOf(candidate({ status }), WINDOW)).toEqual([]);
    }
  });

  it('marks an unresolved item past a deadline as overdue (first), but not a resolved one', () => {
    expect(reasonsOf(candidate({ status: RequestStatus.InProgress, pastDue: true }), WINDOW)).toEqual([AgendaReason.Overdue, AgendaReason.Unresolved]);
    expect(reasonsOf(candidate({ status: RequestStatus.Resolved, pastDue: true }), WINDOW)).toEqual([]);
  });

  it('lists items reopened in the period even when closed since, and open items after an earlier reopen', () => {
    expect(reasonsOf(candidate({ status: RequestStatus.Closed, reopenCount: 1, reopenedInPeriod: true }), WINDOW)).toEqual([AgendaReason.Reopened]);
    expect(reasonsOf(candidate({ status: RequestStatus.InProgress, reopenCount: 1 }), WINDOW)).toEqual([AgendaReason.Reopened, AgendaReason.Unresolved]);
    expect(reasonsOf(candidate({ status: RequestStatus.Closed, reopenCount: 1 }), WINDOW)).toEqual([]);
  });

  it('lists patrol findings of the period, and older ones still open', () => {
    expect(reasonsOf(candidate({ channel: Channel.Patrol, status: RequestStatus.Closed }), WINDOW)).toEqual([AgendaReason.Patrol]);
    const older = new Date(FROM.getTime() - 10 * DAY);
    expect(reasonsOf(candidate({ channel: Channel.Patrol, status: RequestStatus.Closed, createdAt: older }), WINDOW)).toEqual([]);
    expect(reasonsOf(candidate({ channel: Channel.Patrol, status: RequestStatus.PendingAccept, createdAt: older }), WINDOW)).toEqual([
      AgendaReason.Unresolved,
      AgendaReason.Patrol,
    ]);
  });

  it('ignores items filed at or after the as-of time (a past meeting does not see the future)', () => {
    expect(reasonsOf(candidate({ status: RequestStatus.PendingAccept, createdAt: AS_OF }), WINDOW)).toEqual([]);
  });

  it('labels reasons in Chinese, in order', () => {
    expect(reasonLabels([AgendaReason.Overdue, AgendaReason.Unresolved])).toBe('已超时、未办结');
  });
});

describe('recurring problems (the same building, category and subcategory, still relevant)', () => {
  it('finds the same problem seen N times within the window, oldest item first', () => {
    const items = [
      candidate({ id: 103, createdAt: new Date(AS_OF.getTime() - 5 * DAY) }),
      candidate({ id: 101, createdAt: new Date(AS_OF.getTime() - 80 * DAY) }),
      candidate({ id: 102, createdAt: new Date(AS_OF.getTime() - 40 * DAY) }),
    ];
    const clusters = findRecurring(items, WINDOW);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ buildingId: 1, category: RequestCategory.Infrastructure, subcategory: 'LEAK' });
    expect(clusters[0].items.map((i) => i.id)).toEqual([101, 102, 103]);
  });

  it('needs N in the window: older items, other buildings, other categories or subcategories, rejected and withdrawn ones do not count', () => {
    const items = [
      candidate({ createdAt: new Date(AS_OF.getTime() - 5 * DAY) }),
      candidate({ createdAt: new Date(AS_OF.getTime() - 6 * DAY) }),
      candidate({ createdAt: new Date(AS_OF.getTime() - 91 * DAY) }),
      candidate({ buildingId: 2, buildingName: '2号楼' }),
      candidate({ category: RequestCategory.Environment, subcategory: 'CLUTTER' }),
      candidate({ subcategory: 'ELEVATOR' }),
      candidate({ status: RequestStatus.Rejected }),
      candidate({ status: RequestStatus.Cancelled }),
      candidate({ createdAt: AS_OF }),
    ];
    expect(findRecurring(items, WINDOW)).toEqual([]);
    expect(findRecurring(items, { ...WINDOW, recurrenceMinCount: 2 })).toHaveLength(1);
    expect(findRecurring(items, { ...WINDOW, recurrenceWindowDays: 120 })).toHaveLength(1);
  });

  it('is history, not on the agenda, when every item is closed and none was filed since the last meeting', () => {
    const old = (days: number, overrides: Partial<AgendaCandidate> = {}) => candidate({ createdAt: new Date(FROM.getTime() - days * DAY), ...overrides });
    expect(findRecurring([old(20), old(40), old(60)], WINDOW)).toEqual([]);
    // one of them still open: the problem is live
    expect(findRecurring([old(20), old(40), old(60, { status: RequestStatus.InProgress })], WINDOW)).toHaveLength(1);
    // or a new report since the last meeting
    expect(findRecurring([old(20), old(40), candidate({ createdAt: new Date(FROM.getTime() + DAY) })], WINDOW)).toHaveLength(1);
  });

  it('does not fold a new request about outdoor seats into unrelated closed culture items of the building (issue 8)', () => {
    const culture = (id: number, subcategory: string, status: RequestStatus, daysBeforeAsOf: number) =>
      candidate({ id, category: RequestCategory.Culture, subcategory, status, createdAt: new Date(AS_OF.getTime() - daysBeforeAsOf * DAY), description: `文化活动${id}` });
    const seats = candidate({ id: 50, category: RequestCategory.Culture, subcategory: 'VENUE', status: RequestStatus.PendingAccept, description: '小区广场想增加几张户外座椅，老人跳完舞没地方坐。' });
    const others = [culture(51, 'EVENT', RequestStatus.Closed, 30), culture(52, 'VOLUNTEER', RequestStatus.Closed, 50), culture(53, 'EVENT', RequestStatus.Closed, 70)];
    expect(findRecurring([seats, ...others], WINDOW)).toEqual([]);
    const { entries } = buildAgenda([seats, ...others], WINDOW);
    expect(entries.map((e) => [e.key, e.kind, e.reasons])).toEqual([['item:50', 'ITEM', [AgendaReason.Unresolved]]]);
  });

  it('puts the most frequent cluster first', () => {
    const items = [
      ...[1, 2, 3].map(() => candidate({ buildingId: 2, buildingName: '2号楼' })),
      ...[1, 2, 3, 4].map(() => candidate({ buildingId: 3, buildingName: '3号楼' })),
    ];
    expect(findRecurring(items, WINDOW).map((c) => [c.buildingId, c.items.length])).toEqual([
      [3, 4],
      [2, 3],
    ]);
  });
});

describe('the agenda: its entries in order, grouped by category, capped', () => {
  it('keeps an unresolved item of a recurring cluster as an entry of its own, referencing the cluster', () => {
    const leak = (overrides: Partial<AgendaCandidate>) => candidate({ buildingId: 5, buildingName: '5号楼', ...overrides });
    const cluster = [leak({ id: 1, status: RequestStatus.InProgress }), leak({ id: 2 }), leak({ id: 3, channel: Channel.Patrol })];
    const { entries, counts } = buildAgenda(cluster, WINDOW, (id) => (id === 2 ? [7] : []));
    expect(entries.map((e) => [e.rank, e.key, e.recurringKey])).toEqual([
      [1, 'recurring:5:INFRASTRUCTURE:LEAK', null],
      [2, 'item:1', 'recurring:5:INFRASTRUCTURE:LEAK'],
    ]);
    expect(entries[0]).toMatchObject({
      kind: 'RECURRING',
      title: '5号楼 漏水渗水问题反复发生（3次）',
      requestIds: [1, 2, 3],
      reasons: [AgendaReason.Unresolved, AgendaReason.Patrol, AgendaReason.Recurring],
      projectIds: [7],
    });
    expect(entries[0].items.map((i) => i.reasons)).toEqual([
      [AgendaReason.Unresolved, AgendaReason.Recurring],
      [AgendaReason.Recurring],
      [AgendaReason.Patrol, AgendaReason.Recurring],
    ]);
    // the unresolved one keeps its own entry; the closed ones are discussed inside the cluster only
    expect(entries[1]).toMatchObject({ kind: 'ITEM', requestIds: [1], reasons: [AgendaReason.Unresolved, AgendaReason.Recurring] });
    expect(counts).toMatchObject({ [AgendaReason.Unresolved]: 1, [AgendaReason.Recurring]: 3, [AgendaReason.Patrol]: 1 });
  });

  it('orders by urgency: overdue, urgent, reopened, recurring, unresolved, patrol — oldest first within each', () => {
    const days = (n: number) => new Date(FROM.getTime() + n * DAY);
    const single = (overrides: Partial<AgendaCandidate> & { id: number }) => candidate({ buildingId: 100 + overrides.id, ...overrides });
    const items = [
      single({ id: 1, status: RequestStatus.PendingAccept, createdAt: days(5) }), // unresolved, newer
      single({ id: 2, status: RequestStatus.PendingAccept, createdAt: days(1) }), // unresolved, older
      single({ id: 3, status: RequestStatus.InProgress, pastDue: true, createdAt: days(9) }), // overdue
      single({ id: 4, status: RequestStatus.PendingAccept, urgent: true, createdAt: days(8) }), // urgent
      single({ id: 5, status: RequestStatus.Closed, reopenCount: 1, reopenedInPeriod: true, createdAt: days(2) }), // reopened
      single({ id: 6, channel: Channel.Patrol, createdAt: days(0) }), // patrol, closed
      ...[7, 8, 9].map((id) => candidate({ id, buildingId: 9, buildingName: '9号楼', subcategory: 'ELEVATOR', createdAt: days(3) })), // recurring, closed
      single({ id: 10, status: RequestStatus.InProgress, pastDue: true, urgent: true, createdAt: days(4) }), // overdue, older
    ];
    const { entries } = buildAgenda(items, WINDOW);
    expect(entries.map((e) => e.key)).toEqual(['item:10', 'item:3', 'item:4', 'item:5', 'recurring:9:INFRASTRUCTURE:ELEVATOR', 'item:2', 'item:1', 'item:6']);
    expect(entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('groups entries by category in the categories’ order, each group in rank order', () => {
    const clutter = candidate({ id: 20, category: RequestCategory.Environment, subcategory: 'CLUTTER', description: '2单元楼道里堆放了很多杂物和纸箱，把消防通道都堵住了', status: RequestStatus.PendingAccept });
    const dispute = candidate({ id: 30, category: RequestCategory.Dispute, subcategory: 'NOISE', channel: Channel.Patrol });
    const overdue = candidate({ id: 11, status: RequestStatus.InProgress, pastDue: true });
    const unresolvedOld = candidate({ id: 10, status: RequestStatus.PendingAccept, createdAt: new Date(FROM.getTime() - 30 * DAY) });
    const { entries } = buildAgenda([dispute, clutter, unresolvedOld, overdue], WINDOW, (id) => (id === 11 ? [8, 7] : []));
    const groups = groupByCategory(entries);
    expect(groups.map((g) => [g.categoryLabel, g.entries.map((e) => e.key)])).toEqual([
      ['基础设施维修', ['item:11', 'item:10']],
      ['环境整治', ['item:20']],
      ['矛盾调解', ['item:30']],
    ]);
    expect(groups[0].entries[0]).toMatchObject({ kind: 'ITEM', reasons: [AgendaReason.Overdue, AgendaReason.Unresolved], projectIds: [7, 8], requestIds: [11] });
    expect(groups[1].entries[0]).toMatchObject({ title: '1号楼 楼道堆物：2单元楼道里堆放了很多杂物和纸箱，把消防…' });
    expect(groups[1].entries[0].items[0]).toMatchObject({ serial: 'GZ00000020', subcategoryLabel: '楼道堆物', statusLabel: '待签收', gridName: '第一网格' });
    expect(groups[2].entries[0].reasons).toEqual([AgendaReason.Patrol]);
  });

  it('shows the first N entries and collapses the rest into 「其余 N 项」', () => {
    const items = Array.from({ length: 25 }, (_, i) =>
      candidate({ id: 100 + i, status: RequestStatus.PendingAccept, buildingId: 100 + i, pastDue: i >= 20, createdAt: new Date(FROM.getTime() + i * 3600_000) }),
    );
    const { entries, counts } = buildAgenda(items, WINDOW);
    const { shown, rest, restLabel } = capAgenda(entries, 20);
    expect(shown).toHaveLength(20);
    // the five overdue ones are the most urgent: they are shown, the five newest plain ones are collapsed
    expect(shown.slice(0, 5).map((e) => e.requestIds[0])).toEqual([120, 121, 122, 123, 124]);
    expect(rest.map((e) => e.requestIds[0])).toEqual([115, 116, 117, 118, 119]);
    expect(restLabel).toBe('其余 5 项');
    expect(counts[AgendaReason.Unresolved]).toBe(25);
    expect(capAgenda(entries, 30)).toMatchObject({ rest: [], restLabel: '其余 0 项' });
  });

  it('is empty when nothing needs discussing', () => {
    expect(buildAgenda([candidate(), candidate({ status: RequestStatus.Resolved })], WINDOW)).toEqual({
      entries: [],
      counts: { UNRESOLVED: 0, OVERDUE: 0, REOPENED: 0, PATROL: 0, RECURRING: 0 },
    });
  });
});
