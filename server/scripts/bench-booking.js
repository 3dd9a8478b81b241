#!/usr/bin/env node
/**
 * Benchmark: booking one hot slot on MariaDB with 50 concurrent clients (issue 4). Every request is a different
 * resident (each may hold one place per slot), so the bench inserts BENCH_RESIDENTS residents bound to homes of
 * 明日星城社区 and signs their tokens with the server's own code. Two runs on one APPOINTMENT service:
 *
 *   1. a slot with a capacity larger than the run (set in SQL: the API caps capacity at 1000) — pure booking
 *      throughput: insert the booking, claim the place with one conditional UPDATE on the one hot row, notify the
 *      resident and the grid leader, all in one transaction;
 *   2. a slot with capacity 100 and 20× as many attempts — most answers are 409 SLOT_FULL.
 *
 * Reports throughput, p50/p99 and the outcomes (201 / 409 SLOT_FULL / anything else), and checks that the slot's
 * `booked` equals the number of 201s and of active booking rows.
 *
 *   pnpm --filter @gezhi/server build && node server/scripts/bench-booking.js
 *
 * Options (env): BENCH_DB_URL (default mariadb://root@127.0.0.1:3306/gezhi_bench_booking — DROPPED and recreated),
 * BENCH_CONNECTIONS (50), BENCH_BOOKINGS (10000, run 1), BENCH_LIMITED_CAPACITY (100), BENCH_REPEAT (3 runs of each; the
 * median by throughput is reported), BENCH_WRITE_DOC (1).
 */
const support = require('./bench-support');

const DB_URL = process.env.BENCH_DB_URL || 'mariadb://root@127.0.0.1:3306/gezhi_bench_booking';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS || 10000);
const LIMITED_CAPACITY = Number(process.env.BENCH_LIMITED_CAPACITY || 100);
const LIMITED_ATTEMPTS = LIMITED_CAPACITY * 20;
const REPEAT = Number(process.env.BENCH_REPEAT || 3);
const RESIDENTS = Math.max(BOOKINGS, LIMITED_ATTEMPTS);
const PORT = 3990 + Math.floor(Math.random() * 5);

/** BENCH_RESIDENTS residents bound to the community's homes, round robin over its rooms; returns their ids. */
async function insertResidents(conn, communityName, count) {
  const [[community]] = await conn.query('SELECT id FROM community WHERE name = ?', [communityName]);
  const [rooms] = await conn.query('SELECT room.id FROM room JOIN building ON building.id = room.buildingId WHERE building.communityId = ? ORDER BY room.id', [community.id]);
  const prefix = `bench-${Date.now().toString(36)}`;
  const chunk = 5000;
  for (let start = 0; start < count; start += chunk) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) rows.push([`${prefix}-${i}`, `居民${i}`, 'RESIDENT', rooms[i % rooms.length].id]);
    await conn.query('INSERT INTO `user` (account, nickname, role, roomId, createdAt) VALUES ?', [rows.map((r) => [...r, new Date()])]);
  }
  const [ids] = await conn.query('SELECT id FROM `user` WHERE account LIKE ? ORDER BY id', [`${prefix}-%`]);
  return ids.map((r) => r.id);
}

/** `attempts` bookings of one slot by `CONNECTIONS` clients, each attempt a different resident. */
async function bookingRun(base, slotId, tokens, attempts) {
  const outcomes = new Map();
  let next = 0;
  const body = JSON.stringify({ slotId });
  const result = await support.run({
    url: `${base}/api/bookings`,
    connections: CONNECTIONS,
    amount: attempts,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` },
          body,
        }),
        onResponse: (status, responseBody) => {
          let key = String(status);
          if (status !== 201) {
            try {
              key = `${status} ${JSON.parse(responseBody).code}`;
            } catch {
              /* not JSON */
            }
          }
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        },
      },
    ],
  });
  const answered = [...outcomes.values()].reduce((a, b) => a + b, 0);
  return {
    seconds: result.duration,
    answered,
    perSecond: Math.round(answered / result.duration),
    createdPerSecond: Math.round((outcomes.get('201') ?? 0) / result.duration),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    created: outcomes.get('201') ?? 0,
    full: outcomes.get('409 SLOT_FULL') ?? 0,
    other: [...outcomes.entries()].filter(([k]) => k !== '201' && k !== '409 SLOT_FULL'),
  };
}

async function slotState(conn, slotId) {
  const [[slot]] = await conn.query('SELECT capacity, booked FROM service_slot WHERE id = ?', [slotId]);
  const [[{ active }]] = await conn.query('SELECT COUNT(*) AS active FROM booking WHERE slotId = ? AND activeGuard = 1', [slotId]);
  return { capacity: Number(slot.capacity), booked: Number(slot.booked), active: Number(active) };
}

async function main() {
  console.log(`database ${DB_URL}, ${CONNECTIONS} connections, ${BOOKINGS} bookings, then ${LIMITED_ATTEMPTS} attempts at capacity ${LIMITED_CAPACITY}`);
  const loadBefore = support.loadAverage();
  await support.recreateDatabase(DB_URL);
  const { child, base } = await support.startServer(DB_URL, PORT);
  const conn = await support.connect(DB_URL);
  try {
    const officer = await support.login(base, 'community1');
    const service = await support.api(base, officer, 'POST', '/api/services', {
      name: '热门义诊（压测）',
      kind: 'APPOINTMENT',
      description: '一个很多人同时抢的时段',
      durationMinutes: 180,
      provider: { kind: 'GRID_STAFF', name: '网格员' },
      eligibility: { mode: 'ALL', tags: [] },
    });
    let hour = 0;
    const newSlot = async (capacity) => {
      const startsAt = new Date(Date.now() + 3 * 24 * 3600_000 + hour++ * 3600_000).toISOString();
      const slot = await support.api(base, officer, 'POST', `/api/services/${service.id}/slots`, { startsAt, capacity: Math.min(capacity, 1000) });
      // the API caps a slot at 1000 places; the throughput run must not be cut short by the capacity
      if (capacity > 1000) await conn.query('UPDATE service_slot SET capacity = ? WHERE id = ?', [capacity, slot.id]);
      return slot;
    };
    const warmSlot = await newSlot(1000);

    console.log(`inserting ${RESIDENTS} residents …`);
    const ids = await insertResidents(conn, '明日星城社区', RESIDENTS);
    const tokens = ids.map(support.tokenFor);

    console.log('warm-up (500 bookings of another slot) …');
    await bookingRun(base, warmSlot.id, tokens.slice(-500), 500);

    // each run books a fresh slot (a resident holds one place per slot, so the same residents can book again)
    const measured = async (capacity, attempts) => {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) {
        const slot = await newSlot(capacity);
        const { result, apiCpuMs } = await support.withCpu(child.pid, (r) => r.answered, () => bookingRun(base, slot.id, tokens, attempts));
        runs.push({ ...result, apiCpuMs, state: await slotState(conn, slot.id) });
        console.log(runs[i]);
      }
      return { runs, median: [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(REPEAT / 2)] };
    };
    console.log(`run 1: ${BOOKINGS} bookings of one slot with room for all, ${REPEAT} times …`);
    const openRuns = await measured(BOOKINGS * 10, BOOKINGS);
    console.log(`run 2: ${LIMITED_ATTEMPTS} attempts at a slot with capacity ${LIMITED_CAPACITY}, ${REPEAT} times …`);
    const fullRuns = await measured(LIMITED_CAPACITY, LIMITED_ATTEMPTS);
    const [open, full] = [openRuns.median, fullRuns.median];
    const [openState, fullState] = [open.state, full.state];

    const consistent = (run) => run.created === run.state.booked && run.state.booked === run.state.active && run.state.booked <= run.state.capacity;
    const ok = [...openRuns.runs, ...fullRuns.runs].every(consistent) && fullRuns.runs.every((r) => r.state.booked === LIMITED_CAPACITY);
    const row = (name, run, state) => ({
      run: name,
      attempts: run.answered,
      'answers/s': run.perSecond,
      'bookings/s': run.createdPerSecond,
      'p50 ms': run.p50,
      'p99 ms': run.p99,
      'max ms': run.max,
      'booked (201)': run.created,
      'full (409 SLOT_FULL)': run.full,
      other: run.other.length ? run.other.map(([k, v]) => `${k}: ${v}`).join(', ') : 0,
      'booked (row)': state.booked,
      'API CPU ms/attempt': run.apiCpuMs ?? '',
    });
    const doc = [
      `_Measured ${support.measuredAt()} UTC on ${support.machine()}; the API (one process), MariaDB and the load generator (autocannon) share the machine's 2 cores, which other work was using too (1-minute load average ${loadBefore} before the runs, ${support.loadAverage()} after)._`,
      `_Command: \`pnpm --filter @gezhi/server build && node server/scripts/bench-booking.js\` (${CONNECTIONS} concurrent clients; every attempt is a different resident)._`,
      '',
      support.markdownTable([
        row(`one hot slot with room for all (${BOOKINGS} bookings), median of ${REPEAT}`, open, openState),
        row(`one hot slot with capacity ${LIMITED_CAPACITY} (${LIMITED_ATTEMPTS} attempts), median of ${REPEAT}`, full, fullState),
      ]),
      '',
      `All runs (answers/s, p99 ms): room for all ${openRuns.runs.map((r) => `${r.perSecond}/${r.p99}`).join(', ')}; capacity ${LIMITED_CAPACITY} ${fullRuns.runs.map((r) => `${r.perSecond}/${r.p99}`).join(', ')}.`,
      '',
      `A booking is one read (the slot, its service and whether the resident already holds a place, in one query) and one transaction: INSERT booking (unique slot + resident + activeGuard), the two notices (the resident's 预约成功, the grid leader's 有新的服务预约), and last — so the hot row's lock is held only for it and the commit — \`UPDATE service_slot SET booked = booked + 1 … WHERE id = ? AND booked < capacity\`. Every claim queues for the one hot row, so the first run measures how fast one slot can be booked. In the second, most refusals come from the first read (the slot already full: no transaction); the few that raced the last places roll back after the UPDATE matched nothing. p50/p99 are over all answers, at ${CONNECTIONS} clients firing back to back, so they are mostly the queue: ${CONNECTIONS} / answers per second. API CPU is the API process's own CPU time per attempt (/proc); the database's is not shown because other work shared it.`,
      '',
      `Check: booked on the slot row = 201 answers = active booking rows, and ≤ capacity — ${ok ? `holds in all ${2 * REPEAT} runs` : '**VIOLATED**'} (e.g. the medians: ${openState.booked} / ${open.created} / ${openState.active}; ${fullState.booked} / ${full.created} / ${fullState.active}, capacity ${fullState.capacity}).`,
    ].join('\n');
    console.log(`\n${doc}\n`);
    if (process.env.BENCH_WRITE_DOC !== '0') support.writeSection('booking', doc, 'Booking one hot slot (MariaDB)');
    if (!ok) process.exitCode = 1;
  } finally {
    await conn.end();
    child.kill('SIGTERM');
    if (process.env.BENCH_KEEP_DB !== '1') await support.dropDatabase(DB_URL).catch(() => undefined);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
