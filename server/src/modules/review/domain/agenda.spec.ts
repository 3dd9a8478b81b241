import { AgendaReason, Channel, HandlingLevel, RequestCategory, RequestStatus } from '@gezhi/shared';
import { AgendaCandidate, AgendaWindow, buildAgenda, findRecurring, reasonLabels, reasonsOf } from './agenda';

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

describe('recurring problems (same building and category)', () => {
  it('finds a building × category seen N times within the window, oldest item first', () => {
    const items = [
      candidate({ id: 103, createdAt: new Date(AS_OF.getTime() - 5 * DAY) }),
      candidate({ id: 101, createdAt: new Date(AS_OF.getTime() - 80 * DAY) }),
      candidate({ id: 102, createdAt: new Date(AS_OF.getTime() - 40 * DAY) }),
    ];
    const clusters = findRecurring(items, WINDOW);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ buildingId: 1, category: RequestCategory.Infrastructure });
    expect(clusters[0].items.map((i) => i.id)).toEqual([101, 102, 103]);
  });

  it('needs N in the window: older items, other buildings, other categories, rejected and withdrawn ones do not count', () => {
    const items = [
      candidate({ createdAt: new Date(AS_OF.getTime() - 5 * DAY) }),
      candidate({ createdAt: new Date(AS_OF.getTime() - 6 * DAY) }),
      candidate({ createdAt: new Date(AS_OF.getTime() - 91 * DAY) }),
      candidate({ buildingId: 2, buildingName: '2号楼' }),
      candidate({ category: RequestCategory.Environment, subcategory: 'CLUTTER' }),
      candidate({ status: RequestStatus.Rejected }),
      candidate({ status: RequestStatus.Cancelled }),
      candidate({ createdAt: AS_OF }),
    ];
    expect(findRecurring(items, WINDOW)).toEqual([]);
    expect(findRecurring(items, { ...WINDOW, recurrenceMinCount: 2 })).toHaveLength(1);
    expect(findRecurring(items, { ...WINDOW, recurrenceWindowDays: 120 })).toHaveLength(1);
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

describe('the agenda, grouped by category', () => {
  it('groups entries by category in the categories’ order, clusters first, then the most urgent single items', () => {
    const leak = (overrides: Partial<AgendaCandidate>) => candidate({ buildingId: 5, buildingName: '5号楼', ...overrides });
    const cluster = [leak({ id: 1, status: RequestStatus.InProgress }), leak({ id: 2 }), leak({ id: 3 })];
    const unresolvedOld = candidate({ id: 10, status: RequestStatus.PendingAccept, createdAt: new Date(FROM.getTime() - 30 * DAY) });
    const overdue = candidate({ id: 11, status: RequestStatus.InProgress, pastDue: true });
    const clutter = candidate({ id: 20, category: RequestCategory.Environment, subcategory: 'CLUTTER', description: '2单元楼道里堆放了很多杂物和纸箱，把消防通道都堵住了', status: RequestStatus.PendingAccept });
    const dispute = candidate({ id: 30, category: RequestCategory.Dispute, subcategory: 'NOISE', channel: Channel.Patrol });
    const nothing = candidate({ id: 40, status: RequestStatus.Closed, buildingId: 9 });

    const { groups, counts } = buildAgenda([dispute, clutter, nothing, overdue, unresolvedOld, ...cluster], WINDOW, (id) => (id === 2 ? [7] : id === 11 ? [8, 7] : []));

    expect(groups.map((g) => [g.categoryLabel, g.entries.map((e) => e.key)])).toEqual([
      ['基础设施维修', ['recurring:5:INFRASTRUCTURE', 'item:11', 'item:10']],
      ['环境整治', ['item:20']],
      ['矛盾调解', ['item:30']],
    ]);
    const [recurring, overdueEntry] = groups[0].entries;
    expect(recurring).toMatchObject({
      kind: 'RECURRING',
      title: '5号楼 基础设施维修问题反复发生（3次）',
      requestIds: [1, 2, 3],
      reasons: [AgendaReason.Unresolved, AgendaReason.Recurring],
      projectIds: [7],
      buildingName: '5号楼',
    });
    expect(recurring.items.map((i) => i.reasons)).toEqual([
      [AgendaReason.Unresolved, AgendaReason.Recurring],
      [AgendaReason.Recurring],
      [AgendaReason.Recurring],
    ]);
    expect(overdueEntry).toMatchObject({ kind: 'ITEM', reasons: [AgendaReason.Overdue, AgendaReason.Unresolved], projectIds: [7, 8], requestIds: [11] });
    expect(groups[1].entries[0]).toMatchObject({ title: '1号楼 楼道堆物：2单元楼道里堆放了很多杂物和纸箱，把消防…' });
    expect(groups[1].entries[0].items[0]).toMatchObject({ serial: 'GZ00000020', subcategoryLabel: '楼道堆物', statusLabel: '待签收', gridName: '第一网格' });
    expect(groups[2].entries[0].reasons).toEqual([AgendaReason.Patrol]);
    expect(counts).toEqual({
      [AgendaReason.Unresolved]: 4,
      [AgendaReason.Overdue]: 1,
      [AgendaReason.Reopened]: 0,
      [AgendaReason.Patrol]: 1,
      [AgendaReason.Recurring]: 3,
    });
  });

  it('is empty when nothing needs discussing', () => {
    expect(buildAgenda([candidate(), candidate({ status: RequestStatus.Resolved })], WINDOW)).toEqual({
      groups: [],
      counts: { UNRESOLVED: 0, OVERDUE: 0, REOPENED: 0, PATROL: 0, RECURRING: 0 },
    });
  });
});
