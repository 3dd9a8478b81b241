#!/usr/bin/env node
/**
 * Benchmark: reading service slots and the catalogue on MariaDB. A community (明日星城社区, the demo data) gets 200
 * more services, created through the API as its community officer, each with recurring rules whose slots are
 * materialised a year ahead when the rule is created (weekday evenings; or 9/19/29 plus Saturday mornings). Then
 * residents' typical reads with concurrent clients:
 *
 *   - GET /api/services/:id/slots — a 14-day window at a random offset over the year, of a random service;
 *   - GET /api/services — the whole catalogue (207 entries).
 *
 * Each is run three ways: one client back to back (the latency of a request with no queue), a steady arrival of
 * BENCH_RATE requests/s (open loop: how latency should be judged under load), and BENCH_CONNECTIONS clients back to
 * back (the saturation throughput of one API process; its p99 is mostly queueing: clients / throughput).
 * Checks that the reads wrote nothing (slot count, materialisedUntil).
 *
 *   pnpm --filter @gezhi/server build && node server/scripts/bench-slots.js
 *
 * Options (env): BENCH_DB_URL (default mariadb://root@127.0.0.1:3306/gezhi_bench_slots — DROPPED and recreated),
 * BENCH_SECONDS (15), BENCH_CONNECTIONS (50), BENCH_RATE (500), BENCH_CATALOGUE_RATE (150), BENCH_SERVICES (200), BENCH_REPEAT (3, the median
 * by p99 is reported), BENCH_WRITE_DOC (1: write the results into docs/benchmarks.md), BENCH_KEEP_DB (0).
 */
const support = require('./bench-support');

const DB_URL = process.env.BENCH_DB_URL || 'mariadb://root@127.0.0.1:3306/gezhi_bench_slots';
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const RATE = Number(process.env.BENCH_RATE || 500);
const CATALOGUE_RATE = Number(process.env.BENCH_CATALOGUE_RATE || 150);
const SERVICES = Number(process.env.BENCH_SERVICES || 200);
const REPEAT = Number(process.env.BENCH_REPEAT || 3);
const PORT = 3950 + Math.floor(Math.random() * 40);
const DAY_MS = 24 * 3600 * 1000;
const WINDOW_DAYS = 14;

/** Creates `count` services with their rules through the API, a few at a time. */
async function createCatalogue(base, officerToken, count) {
  const started = Date.now();
  const ids = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const evenings = i % 2 === 0;
      const service = await support.api(base, officerToken, 'POST', '/api/services', {
        name: `压测服务${String(i + 1).padStart(3, '0')}`,
        kind: evenings ? 'OFF_HOURS' : 'APPOINTMENT',
        description: evenings ? '工作日晚间错时服务' : '"三九"便民服务日及周六上午',
        durationMinutes: evenings ? 120 : 180,
        provider: { kind: i % 3 === 0 ? 'GRID_STAFF' : 'VOLUNTEER_TEAM', name: i % 3 === 0 ? '网格员' : '明日星城志愿服务队' },
        eligibility: { mode: 'ALL', tags: [] },
      });
      const rules = evenings
        ? [{ kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5], startTime: '18:30', endTime: '20:30', capacity: 10, skipHolidays: true }]
        : [
            { kind: 'MONTHLY', monthDays: [9, 19, 29], startTime: '08:30', endTime: '11:30', capacity: 30, skipHolidays: false },
            { kind: 'WEEKLY', weekdays: [6], startTime: '09:00', endTime: '12:00', capacity: 10, skipHolidays: true },
          ];
      for (const rule of rules) await support.api(base, officerToken, 'POST', `/api/services/${service.id}/recurrences`, rule);
      ids.push(service.id);
      if (ids.length % 50 === 0) process.stdout.write(`\r  ${ids.length} services`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  process.stdout.write('\n');
  return { ids, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

async function main() {
  console.log(`database ${DB_URL}, ${CONNECTIONS} connections, ${SECONDS} s per run, fixed rate ${RATE}/s`);
  const loadBefore = support.loadAverage();
  await support.recreateDatabase(DB_URL);
  const { child, base } = await support.startServer(DB_URL, PORT);
  const conn = await support.connect(DB_URL);
  try {
    const officerToken = await support.login(base, 'community1');
    const residentToken = await support.login(base, 'resident1');
    console.log(`creating ${SERVICES} services with their rules through the API …`);
    const catalogue = await createCatalogue(base, officerToken, SERVICES);
    await conn.query('ANALYZE TABLE service_slot, service_recurrence, service_offering');
    const [[counts]] = await conn.query(
      'SELECT (SELECT COUNT(*) FROM service_slot) AS slots, (SELECT COUNT(*) FROM service_recurrence) AS rules, (SELECT COUNT(*) FROM service_offering) AS services, (SELECT MIN(materialisedUntil) FROM service_recurrence) AS horizon',
    );
    console.log(counts);

    const now = Date.now();
    const ids = catalogue.ids;
    const randomWindow = () => {
      const from = new Date(now + Math.floor(Math.random() * (366 - WINDOW_DAYS - 1) * DAY_MS));
      const to = new Date(from.getTime() + WINDOW_DAYS * DAY_MS);
      return `/api/services/${ids[Math.floor(Math.random() * ids.length)]}/slots?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    };
    const headers = { authorization: `Bearer ${residentToken}` };
    const sample = await support.api(base, residentToken, 'GET', randomWindow().slice(0), undefined);
    console.log(`a 14-day window answers ${sample.length} slots`);
    const slotsRun = (extra) => ({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: randomWindow() }) }],
      ...extra,
    });
    const catalogueRun = (extra) => ({ url: `${base}/api/services`, connections: CONNECTIONS, duration: SECONDS, headers, ...extra });
    // a steady arrival of independent requests (see openLoop in bench-support.js)
    const steady = (rate, nextPath) => ({ openLoop: { base, rate, seconds: SECONDS, path: nextPath, headers, connections: CONNECTIONS } });

    console.log('warm-up …');
    await support.run(slotsRun({ duration: 3 }));
    await support.run(catalogueRun({ duration: 3 }));

    const single = { connections: 1, duration: Math.min(SECONDS, 10) };
    console.log('GET …/slots, one client …');
    const slotsOne = await support.repeat(REPEAT, () => slotsRun(single), child.pid);
    console.log(`GET …/slots at ${RATE}/s over ${CONNECTIONS} clients …`);
    const slotsRate = await support.repeat(REPEAT, () => steady(RATE, randomWindow), child.pid);
    console.log(`GET …/slots, ${CONNECTIONS} clients back to back …`);
    const slotsMax = await support.repeat(REPEAT, () => slotsRun(), child.pid);
    console.log('GET /api/services, one client …');
    const catalogueOne = await support.repeat(REPEAT, () => catalogueRun(single), child.pid);
    console.log(`GET /api/services at ${CATALOGUE_RATE}/s over ${CONNECTIONS} clients …`);
    const catalogueFixed = await support.repeat(REPEAT, () => steady(CATALOGUE_RATE, () => '/api/services'), child.pid);
    console.log(`GET /api/services, ${CONNECTIONS} clients back to back …`);
    const catalogueMax = await support.repeat(REPEAT, () => catalogueRun(), child.pid);
    const catalogueBytes = (await (await fetch(`${base}/api/services`, { headers })).text()).length;

    const [[after]] = await conn.query('SELECT (SELECT COUNT(*) FROM service_slot) AS slots, (SELECT MIN(materialisedUntil) FROM service_recurrence) AS horizon');
    const wrote = Number(after.slots) !== Number(counts.slots) || new Date(after.horizon).getTime() !== new Date(counts.horizon).getTime();

    // the one query of the slot list (the user, home, catalogue snapshot and rule coverage come from in-process caches)
    // and the catalogue snapshot's refresh (every 10 s per instance and community)
    const [[service]] = await conn.query('SELECT id, communityId FROM service_offering ORDER BY id DESC LIMIT 1');
    const from = new Date(now + 100 * DAY_MS).toISOString().slice(0, 19).replace('T', ' ');
    const to = new Date(now + (100 + WINDOW_DAYS) * DAY_MS).toISOString().slice(0, 19).replace('T', ' ');
    const slotSql = `SELECT … FROM service_slot s WHERE s.serviceId = ${service.id} AND s.startsAt >= '${from}' AND s.startsAt < '${to}' ORDER BY s.startsAt ASC, s.id ASC`;
    const catalogueSql = `SELECT … FROM service_offering WHERE communityId = ${service.communityId} ORDER BY id ASC`;
    const [slotPlan] = await conn.query(`EXPLAIN ${slotSql.replace('…', '*')}`);
    const [cataloguePlan] = await conn.query(`EXPLAIN ${catalogueSql.replace('…', '*')}`);

    const list = (runs) => runs.runs.map((r) => `${r.requestsPerSecond}/${r.p99}`).join(', ');
    const row = (run, r) => ({ run, 'requests/s': r.requestsPerSecond, 'p50 ms': r.p50, 'p90 ms': r.p90, 'p99 ms': r.p99, 'max ms': r.max, 'API CPU ms/request': r.apiCpuMs ?? '', errors: r.non2xx + r.errors + r.timeouts });
    const plan = (rows) => support.markdownTable(rows.map((r) => ({ table: r.table, type: r.type, key: r.key, key_len: r.key_len, rows: r.rows, Extra: r.Extra })));
    const doc = [
      `_Measured ${support.measuredAt()} UTC on ${support.machine()}; the API (one process), MariaDB and the load generator (autocannon) share the machine's 2 cores, which other work was using too (1-minute load average ${loadBefore} before the runs, ${support.loadAverage()} after)._`,
      `_Command: \`pnpm --filter @gezhi/server build && node server/scripts/bench-slots.js\` (${CONNECTIONS} connections, ${SECONDS} s per run, median of ${REPEAT} runs by p99)._`,
      '',
      `Data: ${counts.services} services in 明日星城社区 (${SERVICES} created through the API in ${catalogue.seconds} s), ${counts.rules} recurring rules, ${counts.slots} slot rows — every rule materialised ${Math.round((new Date(counts.horizon).getTime() - now) / DAY_MS)} days ahead at creation. A resident's 14-day window answers ${sample.length} slots; the catalogue is ${Math.round(catalogueBytes / 1024)} KB of JSON.`,
      '',
      support.markdownTable([
        row('GET /api/services/:id/slots (random service, 14-day window at a random offset over the year), one client', slotsOne.median),
        row(`the same, ${RATE} requests/s arriving evenly (open loop, up to ${CONNECTIONS} connections)`, slotsRate.median),
        row(`the same, ${CONNECTIONS} clients back to back (saturation)`, slotsMax.median),
        row(`GET /api/services (${counts.services} entries), one client`, catalogueOne.median),
        row(`the same, ${CATALOGUE_RATE} requests/s arriving evenly (open loop)`, catalogueFixed.median),
        row(`the same, ${CONNECTIONS} clients back to back (saturation)`, catalogueMax.median),
      ]),
      '',
      `All runs (requests/s / p99 ms) — slots: one client ${list(slotsOne)}; at ${RATE}/s ${list(slotsRate)}; saturation ${list(slotsMax)}. Catalogue: one client ${list(catalogueOne)}; at ${CATALOGUE_RATE}/s ${list(catalogueFixed)}; saturation ${list(catalogueMax)}.`,
      '',
      `Target (issue 4): the slot list under 50 ms p99 — ${slotsRate.median.p99 < 50 ? 'met' : '**missed**'} at ${RATE} requests/s (p99 ${slotsRate.median.p99} ms; a community of 5,000 households sends a small fraction of that), and ${slotsOne.median.p99} ms for a lone request. With ${CONNECTIONS} clients firing back to back the p99 (${slotsMax.median.p99} ms) is the queue in front of one saturated process (${CONNECTIONS} / ${slotsMax.median.requestsPerSecond} per s ≈ ${Math.round((CONNECTIONS / slotsMax.median.requestsPerSecond) * 1000)} ms on average), not the cost of a request: add instances for more. autocannon's own fixed-rate mode is not used for latency: it sends each second's requests as one burst.`,
      '',
      `The reads wrote nothing: ${wrote ? '**NO — slots or materialisedUntil changed during the reads**' : `still ${after.slots} slot rows and the same materialisedUntil afterwards`}.`,
      '',
      'The slot list runs one query (the signed-in user, the resident\'s home, the catalogue snapshot and how far the service\'s rules are materialised come from in-process caches); the catalogue is answered from the snapshot, refreshed by the second query every 10 s per instance:',
      '',
      '```sql',
      slotSql,
      '```',
      '',
      plan(slotPlan),
      '',
      '```sql',
      catalogueSql,
      '```',
      '',
      plan(cataloguePlan),
    ].join('\n');
    console.log(`\n${doc}\n`);
    if (process.env.BENCH_WRITE_DOC !== '0') support.writeSection('slots', doc, 'Service slots and the catalogue (MariaDB)');
    if (wrote) process.exitCode = 1;
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
