import { AssignmentState, DeadlineKind, DeadlineUnitType, parseBeijing, RatingSource, RequestAction, RequestCategory } from '@gezhi/shared';
import { zeros, REQUEST_COUNTERS, OUTCOME_COUNTERS, DEPARTMENT_COUNTERS } from './counters';
import { applyItemEvent, Deltas, filedDeltas, ItemEvent, ItemScope, mergeDeltas, newItemFacts, noDeltas } from './item-facts';
import { departmentMetricsOf, requestMetricsOf } from './rates';
import { RawAssignment, RawEvent, RawItemHistory, firstEndOf, matchReportMiss, replayAssignment, replayItem } from './replay';
import { rollupRows, RollupRows, STREET_ROW } from './rollup-rows';
import { sumCohort, sumDepartmentCounters, sumRequestCounters } from './rollup-sum';

/** Local time (Asia/Shanghai) → instant. */
const at = (local: string): Date => parseBeijing(local) ?? new Date(NaN);
const TODAY = '2026-12-15';
const GRID: ItemScope = { streetId: 1, communityId: 10, gridId: 100, category: RequestCategory.Infrastructure, slot: 0 };
const OTHER_GRID: ItemScope = { streetId: 1, communityId: 10, gridId: 101, category: RequestCategory.Environment, slot: 0 };
const LEAD = 7;
const ASSIST = 8;
const SECOND_LEAD = 9;

let eventId = 0;
const ev = (action: RequestAction, local: string, departmentId: number | null = null): RawEvent => ({ id: ++eventId, action, at: at(local), departmentId });

function item(requestId: number, scope: ItemScope, receivedLocal: string, events: RawEvent[], extra: Partial<RawItemHistory> = {}): RawItemHistory {
  return { requestId, scope, receivedAt: at(receivedLocal), events, ratings: [], misses: [], ...extra };
}

function rows(histories: RawItemHistory[], assignments: Parameters<typeof replayAssignment>[0][] = []): RollupRows {
  const all = noDeltas();
  for (const h of histories) mergeDeltas(all, replayItem(h).deltas);
  for (const a of assignments) mergeDeltas(all, replayAssignment(a).deltas);
  return rollupRows(all);
}

/** By default the street's own rows (what a street officer reads); pass a filter to read grid rows. */
function metrics(r: RollupRows, from: string, to: string, filter: (row: { gridId: number }) => boolean = (row) => row.gridId === STREET_ROW) {
  const period = { from, to };
  return requestMetricsOf(sumRequestCounters(r.counters, period, TODAY, filter), sumCohort(r.outcomes, period, TODAY, filter), 0);
}

describe('an item spanning months (received 30 Oct, resolved 2 Nov)', () => {
  const history = item(1, GRID, '2026-10-30T10:00', [
    ev(RequestAction.Accept, '2026-10-30T11:00'),
    ev(RequestAction.Resolve, '2026-11-02T09:00'),
    ev(RequestAction.Rate, '2026-11-03T08:00'),
  ], { ratings: [{ round: 0, at: at('2026-11-03T08:00'), speed: 5, effect: 5, attitude: 5 }] });
  const r = rows([history]);

  it('counts as received and responded in October, but not resolved within October', () => {
    const october = metrics(r, '2026-10-01', '2026-10-31');
    expect(october.counts.received).toBe(1);
    expect(october.rates.response).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(october.rates.resolution).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(october.rates.onTimeResolution).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(october.handlingTime.count).toBe(0);
  });

  it('counts its resolution, handling time and rating in November, and no 办结率 there (not received in November)', () => {
    const november = metrics(r, '2026-11-01', '2026-11-30');
    expect(november.counts).toMatchObject({ received: 0, resolved: 1, resolutions: 1, rated: 1 });
    expect(november.rates.resolution).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(november.rates.onTimeResolution.value).toBe(1);
    expect(november.handlingTime.averageHours).toBe(71);
    expect(november.handlingTime.p90Hours).not.toBeNull();
    expect(november.rates.satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('is resolved within a period covering both months, and not within one ending before its resolution', () => {
    expect(metrics(r, '2026-10-01', '2026-11-30').rates.resolution).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(metrics(r, '2026-10-01', '2026-11-01').rates.resolution).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(metrics(r, '2026-10-15', '2026-11-02').rates.resolution).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('places a moment by its date in Asia/Shanghai, not UTC', () => {
    const lateNight = item(2, GRID, '2026-10-31T23:30', []); // 15:30 UTC on 31 Oct
    const earlyMorning = item(3, GRID, '2026-11-01T00:30', []); // 16:30 UTC on 31 Oct
    const both = rows([lateNight, earlyMorning]);
    expect(metrics(both, '2026-10-01', '2026-10-31').counts.received).toBe(1);
    expect(metrics(both, '2026-11-01', '2026-11-30').counts.received).toBe(1);
  });
});

describe('a reopened item (rated 2, reworked, rated 4)', () => {
  const history = item(1, GRID, '2026-11-05T09:00', [
    ev(RequestAction.Accept, '2026-11-05T09:30'),
    ev(RequestAction.Resolve, '2026-11-06T10:00'),
    ev(RequestAction.Rate, '2026-11-06T12:00'),
    ev(RequestAction.Resolve, '2026-11-08T10:00'),
    ev(RequestAction.Rate, '2026-11-09T10:00'),
  ], {
    ratings: [
      { round: 0, at: at('2026-11-06T12:00'), speed: 3, effect: 2, attitude: 4 },
      { round: 1, at: at('2026-11-09T10:00'), speed: 4, effect: 4, attitude: 5 },
    ],
    misses: [{ kind: DeadlineKind.Resolve, unitType: DeadlineUnitType.Grid, unitId: 100, dueAt: at('2026-11-07T17:30') }],
  });
  const november = metrics(rows([history]), '2026-11-01', '2026-11-30');

  it('counts both ratings: one 重办, one 满意', () => {
    expect(november.counts.rated).toBe(2);
    expect(november.rates.reopen).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(november.rates.satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(november.ratingAverages.speed).toEqual({ sum: 7, count: 2, value: 3.5 });
    expect(november.ratingAverages.effect.value).toBe(3);
  });

  it('keeps its first 办结 for 办结率, 按时办结率 and handling time; the rework deadline miss only shows as overdue', () => {
    expect(november.counts).toMatchObject({ resolved: 1, resolutions: 2 });
    expect(november.rates.resolution.value).toBe(1);
    expect(november.rates.onTimeResolution).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(november.handlingTime).toMatchObject({ count: 1, averageHours: 25 });
    expect(november.overdue).toMatchObject({ resolve: 1, total: 1 });
  });
});

describe('late response and late resolution', () => {
  it('decides a missed 签收 as late at the due time, in the month the due time falls in', () => {
    // filed Friday night 31 Oct; the 签收 clock is due Monday 3 Nov 09:30 and missed; accepted that afternoon
    const history = item(1, GRID, '2026-10-31T22:00', [ev(RequestAction.Accept, '2026-11-03T14:00')], {
      misses: [{ kind: DeadlineKind.Accept, unitType: DeadlineUnitType.Grid, unitId: 100, dueAt: at('2026-11-03T09:30') }],
    });
    const r = rows([history]);
    expect(metrics(r, '2026-10-01', '2026-10-31').rates.response).toEqual({ numerator: 0, denominator: 0, value: null });
    const november = metrics(r, '2026-11-01', '2026-11-30');
    expect(november.rates.response).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(november.overdue.accept).toBe(1);
  });

  it('counts a late 办结 against 按时办结率 once, at the first missed due time, even though the item is resolved later', () => {
    const history = item(1, GRID, '2026-11-10T09:00', [
      ev(RequestAction.Accept, '2026-11-10T09:10'),
      ev(RequestAction.Escalate, '2026-11-13T18:00'),
      ev(RequestAction.Accept, '2026-11-14T09:00'),
      ev(RequestAction.Resolve, '2026-12-02T10:00'),
    ], {
      misses: [
        { kind: DeadlineKind.Resolve, unitType: DeadlineUnitType.Grid, unitId: 100, dueAt: at('2026-11-13T17:30') },
        { kind: DeadlineKind.Resolve, unitType: DeadlineUnitType.Community, unitId: 10, dueAt: at('2026-11-21T17:30') },
      ],
    });
    const r = rows([history]);
    const november = metrics(r, '2026-11-01', '2026-11-30');
    expect(november.rates.onTimeResolution).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(november.rates.response.value).toBe(1);
    expect(november.overdue.resolve).toBe(2);
    const december = metrics(r, '2026-12-01', '2026-12-31');
    expect(december.rates.onTimeResolution.denominator).toBe(0);
    expect(december.counts.resolved).toBe(1);
  });

  it('gives the same facts when the live hooks see the miss first and the step after, as the replay does', () => {
    const scope = GRID;
    let facts = newItemFacts(1, scope, at('2026-11-10T09:00'));
    const live: Deltas = filedDeltas(scope, facts.receivedAt);
    const liveOrder: ItemEvent[] = [
      { type: 'MISS', kind: DeadlineKind.Accept, dueAt: at('2026-11-10T11:00'), departmentId: null },
      { type: 'ACCEPT', at: at('2026-11-10T15:00') },
      { type: 'RESOLVE', at: at('2026-11-11T15:00'), departmentId: null },
    ];
    for (const event of liveOrder) {
      const result = applyItemEvent(facts, event);
      facts = result.facts;
      mergeDeltas(live, result.deltas);
    }
    const replayed = replayItem(
      item(1, scope, '2026-11-10T09:00', [ev(RequestAction.Accept, '2026-11-10T15:00'), ev(RequestAction.Resolve, '2026-11-11T15:00')], {
        misses: [{ kind: DeadlineKind.Accept, unitType: DeadlineUnitType.Grid, unitId: 100, dueAt: at('2026-11-10T11:00') }],
      }),
    );
    expect(replayed.facts).toEqual(facts);
    expect(rollupRows(replayed.deltas)).toEqual(rollupRows(live));
    expect(facts).toMatchObject({ responseState: 'LATE', resolveState: 'ON_TIME', conclusion: 'RESOLVED' });
  });
});

describe('withdrawn and rejected items', () => {
  const r = rows([
    item(1, GRID, '2026-11-14T09:00', [ev(RequestAction.Cancel, '2026-11-14T09:05')]),
    item(2, GRID, '2026-11-15T09:00', [ev(RequestAction.Reject, '2026-11-15T10:00')]),
    item(3, GRID, '2026-11-16T09:00', [ev(RequestAction.Accept, '2026-11-16T09:30'), ev(RequestAction.Resolve, '2026-11-16T11:00')]),
    item(4, GRID, '2026-11-17T09:00', [ev(RequestAction.Accept, '2026-11-17T09:30')]),
  ]);
  const november = metrics(r, '2026-11-01', '2026-11-30');

  it('leave the 办结率 denominator; a still-open item stays in it', () => {
    expect(november.counts).toMatchObject({ received: 4, cancelled: 1, rejected: 1, resolved: 1 });
    expect(november.rates.resolution).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('a rejection is a response; a withdrawal before any response is not counted in 响应率', () => {
    expect(november.rates.response).toEqual({ numerator: 3, denominator: 3, value: 1 });
    expect(november.rates.onTimeResolution).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('only the grid asked for is counted, and the street rows add up the grids', () => {
    expect(metrics(r, '2026-11-01', '2026-11-30', (row) => row.gridId === OTHER_GRID.gridId).counts.received).toBe(0);
    expect(metrics(r, '2026-11-01', '2026-11-30', (row) => row.gridId === GRID.gridId)).toEqual(november);
  });
});

describe('a returned whistle (the lead returns it, the street re-dispatches to another lead)', () => {
  eventId = 1000;
  const events = [
    ev(RequestAction.Whistle, '2026-11-12T10:00'),
    ev(RequestAction.Report, '2026-11-12T11:00', ASSIST),
    ev(RequestAction.ReturnWhistle, '2026-11-12T14:00', LEAD),
    ev(RequestAction.Whistle, '2026-11-12T15:00'),
    ev(RequestAction.Report, '2026-11-12T15:30', SECOND_LEAD),
    ev(RequestAction.Resolve, '2026-11-13T10:00', SECOND_LEAD),
    ev(RequestAction.Rate, '2026-11-13T12:00'),
  ];
  const reportMiss = { kind: DeadlineKind.Report, unitType: DeadlineUnitType.Department, unitId: LEAD, dueAt: at('2026-11-12T12:00') };
  const history = item(1, { ...GRID, category: RequestCategory.Environment }, '2026-11-11T09:00', events, {
    ratings: [{ round: 0, at: at('2026-11-13T12:00'), speed: 5, effect: 5, attitude: 5 }],
    misses: [reportMiss],
  });
  const raw = (assignmentId: number, round: number, departmentId: number, lead: boolean, state: AssignmentState, reportedLocal: string | null, finishedLocal: string | null): RawAssignment => ({
    assignmentId,
    requestId: 1,
    round,
    departmentId,
    lead,
    state,
    notifiedAt: at(round === 1 ? '2026-11-12T10:00' : '2026-11-12T15:00'),
    reportedAt: reportedLocal ? at(reportedLocal) : null,
    finishedAt: finishedLocal ? at(finishedLocal) : null,
  });
  const assignments = [
    raw(1, 1, LEAD, true, AssignmentState.Returned, null, '2026-11-12T14:00'),
    raw(2, 1, ASSIST, false, AssignmentState.Recalled, '2026-11-12T11:00', '2026-11-12T14:00'),
    raw(3, 2, SECOND_LEAD, true, AssignmentState.Done, '2026-11-12T15:30', '2026-11-13T10:00'),
  ];
  const histories = assignments.map((assignment) => ({
    assignment,
    scope: { streetId: 1, category: RequestCategory.Environment, slot: 0 },
    end: firstEndOf(assignment, events),
    missDueAts: matchReportMiss(assignments, reportMiss.unitId, reportMiss.dueAt)?.assignmentId === assignment.assignmentId ? [reportMiss.dueAt] : [],
  }));
  const r = rows([history], histories);
  const department = (id: number) =>
    departmentMetricsOf(sumDepartmentCounters(r.departments, { from: '2026-11-01', to: '2026-11-30' }, TODAY, (row) => row.departmentId === id));

  it('the returning lead: report-in late (missed), returned', () => {
    const lead = department(LEAD);
    expect(lead.counts).toMatchObject({ whistled: 1, whistledAsLead: 1, reported: 0, reportMissed: 1, returned: 1, ended: 1 });
    expect(lead.rates.reportOnTime).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(lead.rates.return).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(lead.rates.satisfaction.value).toBeNull();
  });

  it('the assist: reported on time, recalled when the round ended (not a return)', () => {
    const assist = department(ASSIST);
    expect(assist.rates.reportOnTime).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(assist.rates.return).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('the second lead resolved it and gets its rating', () => {
    const second = department(SECOND_LEAD);
    expect(second.counts).toMatchObject({ resolvedAsLead: 1, rated: 1 });
    expect(second.rates.satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(second.rates.return.value).toBe(0);
  });

  it('the item: two whistles, responded on time by the first one, one report miss in its overdue counts', () => {
    const november = metrics(r, '2026-11-01', '2026-11-30');
    expect(november.counts.whistled).toBe(2);
    expect(november.rates.response.value).toBe(1);
    expect(november.overdue).toMatchObject({ report: 1, total: 1 });
    expect(november.handlingTime.averageHours).toBe(49);
  });

  it('a lead sent back after a poor rating keeps its first end (办结), even if it returns the item afterwards', () => {
    const reopened = [
      ev(RequestAction.Whistle, '2026-11-20T10:00'),
      ev(RequestAction.Resolve, '2026-11-21T10:00', LEAD),
      ev(RequestAction.ReturnWhistle, '2026-11-23T10:00', LEAD),
    ];
    const lead: RawAssignment = { ...assignments[0], round: 1, state: AssignmentState.Returned, finishedAt: at('2026-11-23T10:00') };
    expect(firstEndOf(lead, reopened)).toEqual({ kind: 'DONE', at: at('2026-11-21T10:00') });
  });
});

describe('no data', () => {
  it('gives null rates and averages, zero counts — never 0 % or NaN', () => {
    const empty = requestMetricsOf(zeros(REQUEST_COUNTERS), zeros(OUTCOME_COUNTERS), 0);
    for (const rate of Object.values(empty.rates)) expect(rate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(empty.ratingAverages.speed.value).toBeNull();
    expect(empty.handlingTime).toMatchObject({ count: 0, averageHours: null, p90Hours: null });
    expect(JSON.stringify(empty)).not.toContain('NaN');
    const department = departmentMetricsOf(zeros(DEPARTMENT_COUNTERS));
    for (const rate of Object.values(department.rates)) expect(rate.value).toBeNull();
  });
});

describe('weekly roll-ups', () => {
  it('keep cohort rows only for items concluded in the week they were received (the trend asks for nothing else)', () => {
    const r = rows([
      item(1, GRID, '2026-11-16T09:00', [ev(RequestAction.Accept, '2026-11-16T09:05'), ev(RequestAction.Resolve, '2026-11-17T09:00')]),
      item(2, GRID, '2026-11-20T09:00', [ev(RequestAction.Accept, '2026-11-20T09:05'), ev(RequestAction.Resolve, '2026-11-24T09:00')]),
    ]);
    const weekly = r.outcomes.filter((o) => o.grain === 'W' && o.gridId !== STREET_ROW);
    expect(weekly).toEqual([expect.objectContaining({ receivedBucket: '2026-11-16', outcomeBucket: '2026-11-16', values: { resolved: 1 } })]);
    expect(r.counters.filter((c) => c.grain === 'W' && c.gridId !== STREET_ROW).map((c) => [c.bucket, c.values.received ?? 0, c.values.resolvedFirst ?? 0])).toEqual([
      ['2026-11-16', 2, 1],
      ['2026-11-23', 0, 1],
    ]);
  });
});

describe('回访: ratings by source and items closed 未评价', () => {
  // A · walk-in rated 4/4/5 on a 电话回访; B · rated 5/5/5 by the resident; C · nobody rated it, closed 未评价;
  // D · a 电话回访 with effect 2 (重办), resolved again, then rated 3/3/3 on a second 电话回访
  const a = item(11, GRID, '2026-12-01T09:00', [ev(RequestAction.Accept, '2026-12-01T09:10'), ev(RequestAction.Resolve, '2026-12-01T10:00'), ev(RequestAction.ReturnVisitRate, '2026-12-04T10:00')], {
    ratings: [{ round: 0, at: at('2026-12-04T10:00'), speed: 4, effect: 4, attitude: 5, source: RatingSource.ReturnVisit }],
  });
  const b = item(12, GRID, '2026-12-01T09:00', [ev(RequestAction.Accept, '2026-12-01T09:10'), ev(RequestAction.Resolve, '2026-12-01T10:00'), ev(RequestAction.Rate, '2026-12-02T10:00')], {
    ratings: [{ round: 0, at: at('2026-12-02T10:00'), speed: 5, effect: 5, attitude: 5, source: RatingSource.Self }],
  });
  const c = item(13, GRID, '2026-12-01T09:00', [ev(RequestAction.Accept, '2026-12-01T09:10'), ev(RequestAction.Resolve, '2026-12-01T10:00'), ev(RequestAction.ReturnVisitUnreachable, '2026-12-04T10:00'), ev(RequestAction.CloseUnrated, '2026-12-08T10:00')]);
  const d = item(14, GRID, '2026-12-01T09:00', [
    ev(RequestAction.Accept, '2026-12-01T09:10'),
    ev(RequestAction.Resolve, '2026-12-01T10:00'),
    ev(RequestAction.ReturnVisitRate, '2026-12-04T11:00'),
    ev(RequestAction.Reopen, '2026-12-04T11:00'),
    ev(RequestAction.Resolve, '2026-12-05T10:00'),
    ev(RequestAction.ReturnVisitRate, '2026-12-09T10:00'),
  ], {
    ratings: [
      { round: 0, at: at('2026-12-04T11:00'), speed: 3, effect: 2, attitude: 3, source: RatingSource.ReturnVisit },
      { round: 1, at: at('2026-12-09T10:00'), speed: 3, effect: 3, attitude: 3, source: RatingSource.ReturnVisit },
    ],
  });
  const december = metrics(rows([a, b, c, d]), '2026-12-01', '2026-12-31');

  it('counts return-visit ratings in 评价数 and 满意率 like any rating, and tells them apart', () => {
    expect(december.counts.rated).toBe(4);
    expect(december.counts.reopened).toBe(1);
    expect(december.rates.satisfaction).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(december.ratingSources.self).toEqual({ rated: 1, satisfaction: { numerator: 1, denominator: 1, value: 1 } });
    expect(december.ratingSources.returnVisit).toEqual({ rated: 3, satisfaction: { numerator: 1, denominator: 3, value: 0.3333 } });
  });

  it('counts an item closed unrated as 未评价 only: not rated, not satisfied, and its 办结 unchanged', () => {
    expect(december.ratingSources.closedUnrated).toBe(1);
    expect(december.rates.resolution).toEqual({ numerator: 4, denominator: 4, value: 1 });
    const onlyC = metrics(rows([c]), '2026-12-01', '2026-12-31');
    expect(onlyC.counts.rated).toBe(0);
    expect(onlyC.rates.satisfaction.denominator).toBe(0);
    expect(onlyC.ratingSources.closedUnrated).toBe(1);
  });

  it('agrees with the live reducer event by event (rating source and the close)', () => {
    let facts = newItemFacts(13, GRID, at('2026-12-01T09:00'));
    const live = filedDeltas(GRID, at('2026-12-01T09:00'));
    const events: ItemEvent[] = [
      { type: 'ACCEPT', at: at('2026-12-01T09:10') },
      { type: 'RESOLVE', at: at('2026-12-01T10:00'), departmentId: null },
      { type: 'CLOSE_UNRATED', at: at('2026-12-08T10:00') },
    ];
    for (const e of events) {
      const result = applyItemEvent(facts, e);
      facts = result.facts;
      mergeDeltas(live, result.deltas);
    }
    expect(rollupRows(live)).toEqual(rows([c]));
  });
});
