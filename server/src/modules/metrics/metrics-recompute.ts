import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AssignmentState, DeadlineKind, DeadlineUnitType, RatingSource, RequestAction, RequestCategory, WhistleRole } from '@gezhi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentFacts, Deltas, ItemFacts, mergeDeltas, newItemFacts, noDeltas, slotOf } from './domain/item-facts';
import { firstEndOf, matchReportMiss, RawAssignment, RawEvent, RawItemHistory, replayAssignment, replayItem, REPLAYED_ACTIONS } from './domain/replay';
import { CounterRow, DepartmentRow, OutcomeRow, rollupRows } from './domain/rollup-rows';
import { assignmentRowOf, itemRowOf, sameFacts, saveAssignmentFacts, saveItemFacts } from './facts-store';
import { MetricAssignmentEntity, MetricCounterEntity, MetricDepartmentCounterEntity, MetricItemEntity, MetricOutcomeEntity } from './metrics.entities';
import { dialectOf, writeRollups } from './rollup-writer';
import { DEPARTMENT_COUNTERS, OUTCOME_COUNTERS, REQUEST_COUNTERS } from './domain/counters';

export interface RecomputeReport {
  requests: number;
  assignments: number;
  counterRows: number;
  ms: number;
}

export interface VerifyReport {
  equal: boolean;
  /** the first differences, e.g. "metric_counter M|1|2026-11-01|3|ENVIRONMENT received: stored 4, recomputed 5" */
  differences: string[];
}

interface BatchResult {
  deltas: Deltas;
  items: ItemFacts[];
  assignments: AssignmentFacts[];
  requests: number;
}

/**
 * MetricsRecompute: the roll-ups and facts rebuilt from the raw tables (request, timeline_event, rating,
 * deadline_miss, whistle_assignment), replaying each item's history through the same reducers as the live hooks
 * (domain/replay.ts). `rebuild()` empties and refills the metric tables (repair, backfill, the benchmark's data
 * generator); `verify()` recomputes in memory and compares with what the live hooks stored. Requests are read in id
 * ranges of `batchSize`; roll-up rows are accumulated and flushed with the same additive upserts as the live path.
 * Run the rebuild while nothing writes (or run verify afterwards): changes made during a rebuild may be counted twice.
 */
@Injectable()
export class MetricsRecompute {
  private readonly logger = new Logger(MetricsRecompute.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rebuild(options: { batchSize?: number; flushEvery?: number; progress?: (done: number, total: number) => void } = {}): Promise<RecomputeReport> {
    const started = Date.now();
    const manager = this.dataSource.manager;
    for (const entity of [MetricCounterEntity, MetricOutcomeEntity, MetricDepartmentCounterEntity, MetricItemEntity, MetricAssignmentEntity]) {
      // TRUNCATE on MariaDB/MySQL (a DELETE of millions of rows would log every one); SQLite has only DELETE
      if (dialectOf(manager) === 'mysql') await manager.query(`TRUNCATE TABLE \`${manager.connection.getMetadata(entity).tableName}\``);
      else await manager.createQueryBuilder().delete().from(entity).execute();
    }
    const pending = noDeltas();
    let pendingBatches = 0;
    let requests = 0;
    let assignments = 0;
    const flush = async () => {
      await this.dataSource.transaction((tx) => writeRollups(tx, rollupRows(pending)));
      pending.requests.length = 0;
      pending.outcomes.length = 0;
      pending.departments.length = 0;
      pendingBatches = 0;
    };
    // facts of a batch are written while the next batches are read and replayed (several connections on MariaDB;
    // one at a time on SQLite, which has one writer)
    const parallel = dialectOf(manager) === 'mysql' ? 3 : 1;
    const writing: Promise<void>[] = [];
    await this.replayAll(options.batchSize ?? 5000, async (batch) => {
      const written = this.dataSource.transaction(async (tx) => {
        await saveItemFacts(tx, batch.items);
        await saveAssignmentFacts(tx, batch.assignments);
      });
      written.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
      writing.push(written);
      if (writing.length >= parallel) await writing.shift();
      mergeDeltas(pending, batch.deltas);
      requests += batch.requests;
      assignments += batch.assignments.length;
      if (++pendingBatches >= (options.flushEvery ?? 20)) await flush();
    }, options.progress);
    await Promise.all(writing);
    await flush();
    const [{ n }] = await manager.query(`SELECT COUNT(*) AS n FROM ${dialectOf(manager) === 'mysql' ? '`metric_counter`' : '"metric_counter"'}`);
    const report = { requests, assignments, counterRows: Number(n), ms: Date.now() - started };
    this.logger.log(`metrics recomputed: ${report.requests} requests, ${report.assignments} assignments, ${report.counterRows} counter rows in ${report.ms} ms`);
    return report;
  }

  /** Recomputes everything in memory and compares it with the stored roll-ups and facts (nothing is written). */
  async verify(maxDifferences = 20): Promise<VerifyReport> {
    const all = noDeltas();
    const items = new Map<number, ItemFacts>();
    const assignments = new Map<number, AssignmentFacts>();
    await this.replayAll(5000, async (batch) => {
      mergeDeltas(all, batch.deltas);
      for (const f of batch.items) items.set(f.requestId, f);
      for (const f of batch.assignments) assignments.set(f.assignmentId, f);
    });
    const expected = rollupRows(all);
    const differences: string[] = [];
    const manager = this.dataSource.manager;
    compareRows(differences, 'metric_counter', keyed(expected.counters, counterKey), keyed(await readAll<CounterRow>(manager, MetricCounterEntity, REQUEST_COUNTERS), counterKey), REQUEST_COUNTERS);
    compareRows(differences, 'metric_outcome', keyed(expected.outcomes, outcomeKey), keyed(await readAll<OutcomeRow>(manager, MetricOutcomeEntity, OUTCOME_COUNTERS), outcomeKey), OUTCOME_COUNTERS);
    compareRows(
      differences,
      'metric_department_counter',
      keyed(expected.departments, departmentKey),
      keyed(await readAll<DepartmentRow>(manager, MetricDepartmentCounterEntity, DEPARTMENT_COUNTERS), departmentKey),
      DEPARTMENT_COUNTERS,
    );
    const storedItems = new Map((await manager.find(MetricItemEntity)).map((row) => [row.requestId, { ...row, version: 1 }]));
    compareFacts(differences, 'metric_item', new Map([...items].map(([id, f]) => [id, itemRowOf(f)])), storedItems);
    const storedAssignments = new Map((await manager.find(MetricAssignmentEntity)).map((row) => [row.assignmentId, { ...row, lead: Boolean(row.lead), version: 1 }]));
    compareFacts(differences, 'metric_assignment', new Map([...assignments].map(([id, f]) => [id, assignmentRowOf(f)])), storedAssignments);
    return { equal: differences.length === 0, differences: differences.slice(0, maxDifferences) };
  }

  /** Replays every request (and its whistle assignments) in id ranges, handing each batch to `visit`. */
  private async replayAll(batchSize: number, visit: (batch: BatchResult) => Promise<void>, progress?: (done: number, total: number) => void): Promise<void> {
    const manager = this.dataSource.manager;
    const q = quoter(manager);
    const [bounds] = await manager.query(`SELECT MIN(id) AS lo, MAX(id) AS hi, COUNT(*) AS n FROM ${q('request')}`);
    if (bounds.lo === null || bounds.lo === undefined) return;
    const lo = Number(bounds.lo);
    const hi = Number(bounds.hi);
    let done = 0;
    // the next range is read while this one is replayed and written (the work is mostly waiting for the database)
    const fetch = (from: number) => (from > hi ? null : this.fetchRange(manager, from, Math.min(hi, from + batchSize - 1)));
    let next = fetch(lo);
    for (let from = lo; next !== null; from += batchSize) {
      const rows = await next;
      next = fetch(from + batchSize);
      const batch = replayRows(rows);
      done += batch.requests;
      await visit(batch);
      progress?.(done, Number(bounds.n));
    }
  }

  private async fetchRange(manager: EntityManager, from: number, to: number): Promise<RawRows> {
    const q = quoter(manager);
    const range = [from, to];
    const actions = REPLAYED_ACTIONS.map((a) => `'${a}'`).join(', ');
    const [requests, events, ratings, misses, assignments] = await Promise.all([
      manager.query(`SELECT id, streetId, communityId, gridId, category, createdAt FROM ${q('request')} WHERE id BETWEEN ? AND ?`, range),
      manager.query(
        `SELECT id, requestId, action, createdAt, departmentId FROM ${q('timeline_event')} WHERE requestId BETWEEN ? AND ? AND action IN (${actions})`,
        range,
      ),
      manager.query(`SELECT requestId, ${q('round')}, speed, effect, attitude, source, createdAt FROM ${q('rating')} WHERE requestId BETWEEN ? AND ?`, range),
      manager.query(`SELECT requestId, kind, unitType, unitId, dueAt FROM ${q('deadline_miss')} WHERE requestId BETWEEN ? AND ?`, range),
      manager.query(
        `SELECT id, requestId, ${q('round')}, departmentId, role, state, notifiedAt, reportedAt, finishedAt FROM ${q('whistle_assignment')} WHERE requestId BETWEEN ? AND ?`,
        range,
      ),
    ]);
    return { requests, events, ratings, misses, assignments };
  }
}

interface RawRows {
  requests: unknown[];
  events: unknown[];
  ratings: unknown[];
  misses: unknown[];
  assignments: unknown[];
}

/** Replays a range's raw rows (pure apart from the row formats of the drivers). */
function replayRows({ requests, events, ratings, misses, assignments }: RawRows): BatchResult {
  const group = <T extends { requestId: number | string }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const id = Number(row.requestId);
      const list = map.get(id);
      if (list) list.push(row);
      else map.set(id, [row]);
    }
    return map;
  };
  const eventsBy = group(events as { requestId: number; id: number; action: RequestAction; createdAt: unknown; departmentId: number | null }[]);
  const ratingsBy = group(ratings as { requestId: number; round: number; speed: number; effect: number; attitude: number; source: RatingSource | null; createdAt: unknown }[]);
  const missesBy = group(misses as { requestId: number; kind: DeadlineKind; unitType: DeadlineUnitType; unitId: number; dueAt: unknown }[]);
  const assignmentsBy = group(
    assignments as { requestId: number; id: number; round: number; departmentId: number; role: WhistleRole; state: AssignmentState; notifiedAt: unknown; reportedAt: unknown; finishedAt: unknown }[],
  );

  const deltas = noDeltas();
  const items: ItemFacts[] = [];
  const assignmentFacts: AssignmentFacts[] = [];
  for (const r of requests as { id: number; streetId: number; communityId: number; gridId: number; category: RequestCategory; createdAt: unknown }[]) {
    const id = Number(r.id);
    const scope = { streetId: Number(r.streetId), communityId: Number(r.communityId), gridId: Number(r.gridId), category: r.category, slot: slotOf(id) };
    const receivedAt = toDate(r.createdAt) as Date;
    const rawEvents: RawEvent[] = (eventsBy.get(id) ?? []).map((e) => ({
      id: Number(e.id),
      action: e.action,
      at: toDate(e.createdAt) as Date,
      departmentId: e.departmentId === null || e.departmentId === undefined ? null : Number(e.departmentId),
    }));
    const history: RawItemHistory = {
      requestId: id,
      scope,
      receivedAt,
      events: rawEvents,
      ratings: (ratingsBy.get(id) ?? []).map((x) => ({
        round: Number(x.round),
        at: toDate(x.createdAt) as Date,
        speed: Number(x.speed),
        effect: Number(x.effect),
        attitude: Number(x.attitude),
        source: x.source ?? RatingSource.Self,
      })),
      misses: (missesBy.get(id) ?? []).map((m) => ({ kind: m.kind, unitType: m.unitType, unitId: Number(m.unitId), dueAt: toDate(m.dueAt) as Date })),
    };
    const replayed = replayItem(history);
    mergeDeltas(deltas, replayed.deltas);
    if (!sameFacts(newItemFacts(id, scope, receivedAt), replayed.facts)) items.push(replayed.facts);

    const rawAssignments: RawAssignment[] = (assignmentsBy.get(id) ?? []).map((a) => ({
      assignmentId: Number(a.id),
      requestId: id,
      round: Number(a.round),
      departmentId: Number(a.departmentId),
      lead: a.role === WhistleRole.Lead,
      state: a.state,
      notifiedAt: toDate(a.notifiedAt) as Date,
      reportedAt: toDate(a.reportedAt),
      finishedAt: toDate(a.finishedAt),
    }));
    const missDueAts = new Map<number, Date[]>();
    for (const miss of history.misses) {
      if (miss.kind !== DeadlineKind.Report || miss.unitType !== DeadlineUnitType.Department) continue;
      const match = matchReportMiss(rawAssignments, miss.unitId, miss.dueAt);
      if (match) missDueAts.set(match.assignmentId, [...(missDueAts.get(match.assignmentId) ?? []), miss.dueAt]);
    }
    for (const assignment of rawAssignments) {
      const result = replayAssignment({
        assignment,
        scope,
        end: firstEndOf(assignment, rawEvents),
        missDueAts: missDueAts.get(assignment.assignmentId) ?? [],
      });
      mergeDeltas(deltas, result.deltas);
      assignmentFacts.push(result.facts);
    }
  }
  return { deltas, items, assignments: assignmentFacts, requests: requests.length };
}

/** A datetime column as read raw: a Date (mysql2) or a UTC 'YYYY-MM-DD HH:MM:SS(.SSS)' string (SQLite). */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

function quoter(manager: EntityManager): (name: string) => string {
  return dialectOf(manager) === 'mysql' ? (name) => `\`${name}\`` : (name) => `"${name}"`;
}

async function readAll<T>(manager: EntityManager, entity: new () => unknown, counters: readonly string[]): Promise<T[]> {
  const rows = (await manager.find(entity as never)) as Record<string, unknown>[];
  return rows.map((row) => {
    const values: Record<string, number> = {};
    for (const c of counters) if (Number(row[c])) values[c] = Number(row[c]);
    return { ...row, values } as T;
  });
}

const counterKey = (r: CounterRow) => `${r.grain}|${r.streetId}|${r.bucket}|${r.gridId}|${r.category}|${r.slot}`;
const outcomeKey = (r: OutcomeRow) => `${r.grain}|${r.streetId}|${r.receivedBucket}|${r.outcomeBucket}|${r.gridId}|${r.category}|${r.slot}`;
const departmentKey = (r: DepartmentRow) => `${r.grain}|${r.streetId}|${r.bucket}|${r.departmentId}|${r.category}|${r.slot}`;

function keyed<T extends { values: Record<string, number | undefined> }>(rows: readonly T[], key: (row: T) => string): Map<string, Record<string, number | undefined>> {
  return new Map(rows.filter((r) => Object.values(r.values).some((v) => v)).map((r) => [key(r), r.values]));
}

function compareRows(out: string[], table: string, expected: Map<string, Record<string, number | undefined>>, stored: Map<string, Record<string, number | undefined>>, counters: readonly string[]): void {
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    for (const c of counters) {
      const want = expected.get(key)?.[c] ?? 0;
      const have = stored.get(key)?.[c] ?? 0;
      if (want !== have) out.push(`${table} ${key} ${c}: stored ${have}, recomputed ${want}`);
    }
  }
}

function compareFacts<T extends object>(out: string[], table: string, expected: Map<number, T>, stored: Map<number, T>): void {
  const norm = (row: T | undefined) =>
    row === undefined ? 'none' : JSON.stringify(row, (_k, v) => (v instanceof Date ? v.toISOString() : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v).toISOString() : v));
  for (const id of new Set([...expected.keys(), ...stored.keys()])) {
    const want = norm(expected.get(id));
    const have = norm(stored.get(id));
    if (want !== have) out.push(`${table} ${id}: stored ${have}, recomputed ${want}`);
  }
}

