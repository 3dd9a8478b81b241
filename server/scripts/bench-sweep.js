#!/usr/bin/env node
/**
 * Benchmark: the deadline sweeper on MariaDB with 1,000,000 open items, 10,000 of them past their deadline.
 * Times one sweep cycle (yellow + red + 10,000 automatic escalations; target < 10 s) and an idle sweep that finds
 * nothing (target < 50 ms), and EXPLAINs the idle sweep's queries. The sweeper runs in this process, exactly as
 * in an API instance (the compiled app from dist/, SWEEP_ENABLED=false so only this script drives it).
 *
 *   pnpm --filter @gezhi/server build && node server/scripts/bench-sweep.js
 *
 * Options (env): BENCH_DB_URL (default mariadb://root@127.0.0.1:3306/gezhi_bench_sweep — DROPPED and recreated),
 * BENCH_ROWS (1000000), BENCH_DUE (10000), SWEEP_BATCH_SIZE (500), BENCH_WRITE_DOC (1: write docs/benchmarks.md).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const mysql = require('mysql2/promise');

const SERVER_DIR = path.resolve(__dirname, '..');
const DOC = path.resolve(SERVER_DIR, '../docs/benchmarks.md');
const DB_URL = process.env.BENCH_DB_URL || 'mariadb://root@127.0.0.1:3306/gezhi_bench_sweep';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DUE = Number(process.env.BENCH_DUE ?? 10_000);
const BATCH = process.env.SWEEP_BATCH_SIZE || '500';

function connectionOptions(withDatabase) {
  const url = new URL(DB_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    database: withDatabase ? url.pathname.slice(1) : undefined,
  };
}

async function recreateDatabase() {
  const name = new URL(DB_URL).pathname.slice(1);
  const conn = await mysql.createConnection(connectionOptions(false));
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
}

/** ROWS open requests at grid level, each with a RESOLVE clock due in two days; DUE of them get an ACCEPT clock already past. */
async function fill(conn) {
  const [grids] = await conn.query('SELECT g.id AS gridId, g.communityId AS communityId, c.streetId AS streetId FROM grid g JOIN community c ON c.id = g.communityId ORDER BY g.id');
  const [[room]] = await conn.query('SELECT id FROM room ORDER BY id LIMIT 1');
  const [[{ maxId: before }]] = await conn.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM request');
  const k = grids.length;
  const pick = (field) => `CASE seq % ${k} ${grids.map((g, i) => `WHEN ${i} THEN ${g[field]}`).join(' ')} END`;
  const started = Date.now();
  const chunk = 100_000;
  for (let done = 0; done < ROWS; done += chunk) {
    const n = Math.min(chunk, ROWS - done);
    await conn.query(
      `INSERT INTO request (residentUserId, creatorUserId, roomId, gridId, communityId, streetId, category, subcategory,
         description, urgency, channel, showNamePublicly, contactName, contactPhone, status, level, holderUserId, photoIds,
         reopenCount, version, createdAt, updatedAt)
       SELECT NULL, 1, ${room.id}, ${pick('gridId')}, ${pick('communityId')}, ${pick('streetId')},
         'ENVIRONMENT', 'CLUTTER', CONCAT('待办诉求 #', seq + ${done}), 'NORMAL', 'PHONE', 0, '住户', NULL,
         IF(seq % 2 = 0, 'PENDING_ACCEPT', 'IN_PROGRESS'), 'GRID', NULL, '[]', 0, 1,
         UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() - INTERVAL 1 HOUR
       FROM seq_1_to_${n}`,
    );
    process.stdout.write(`\r  stored ${done + n} requests`);
  }
  process.stdout.write('\n');
  for (let from = Number(before); ; from += chunk) {
    const [result] = await conn.query(
      `INSERT INTO request_deadline (requestId, kind, level, unitType, unitId, wallClock, startedAt, warnAt, dueAt, state, version, metAt, claimToken)
       SELECT id, 'RESOLVE', 'GRID', 'GRID', gridId, 0, createdAt, UTC_TIMESTAMP() + INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 2 DAY, 'OPEN', 1, NULL, NULL
       FROM request WHERE id > ${from} AND id <= ${from + chunk}`,
    );
    if (result.affectedRows === 0) break;
    process.stdout.write(`\r  stored clocks up to request ${from + chunk}`);
  }
  process.stdout.write('\n');
  // DUE items, spread over the table, have an accept clock that passed 10 minutes ago
  await conn.query(
    `INSERT INTO request_deadline (requestId, kind, level, unitType, unitId, wallClock, startedAt, warnAt, dueAt, state, version, metAt, claimToken)
     SELECT id, 'ACCEPT', 'GRID', 'GRID', gridId, 0, createdAt, UTC_TIMESTAMP() - INTERVAL 20 MINUTE, UTC_TIMESTAMP() - INTERVAL 10 MINUTE, 'OPEN', 1, NULL, NULL
     FROM request WHERE id > ${before} AND status = 'PENDING_ACCEPT' AND id % ${Math.max(1, Math.floor(ROWS / DUE / 2) * 2)} = 0 LIMIT ${DUE}`,
  );
  await conn.query('ANALYZE TABLE request, request_deadline');
  return Math.round((Date.now() - started) / 1000);
}

function markdownTable(rows) {
  const header = Object.keys(rows[0]);
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${header.map((h) => String(r[h] ?? '')).join(' | ')} |`)].join('\n');
}

async function main() {
  await recreateDatabase();
  process.env.SWEEP_ENABLED = 'false';
  const { createApp } = require(path.join(SERVER_DIR, 'dist/app.factory'));
  const { parseConfig } = require(path.join(SERVER_DIR, 'dist/config/app-config'));
  const { DeadlineSweeper } = require(path.join(SERVER_DIR, 'dist/modules/escalation/deadline-sweeper'));
  const config = parseConfig({
    NODE_ENV: 'development',
    DATABASE_URL: DB_URL,
    UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-bench-sweep-')),
    SEED_DEMO: 'true',
    SWEEP_ENABLED: 'false',
    SWEEP_BATCH_SIZE: BATCH,
  });
  const app = await createApp(config, { logger: ['error', 'warn'] });
  await app.init();
  const sweeper = app.get(DeadlineSweeper);
  const conn = await mysql.createConnection(connectionOptions(true));
  try {
    console.log(`filling ${ROWS} open requests, ${DUE} past their accept deadline …`);
    const fillSeconds = await fill(conn);
    const [[{ due }]] = await conn.query("SELECT COUNT(*) AS due FROM request_deadline WHERE state IN ('OPEN','YELLOW') AND dueAt <= UTC_TIMESTAMP()");
    const [[{ open }]] = await conn.query("SELECT COUNT(*) AS open FROM request WHERE status IN ('PENDING_ACCEPT','IN_PROGRESS')");
    console.log(`${open} open requests, ${due} clocks due; sweeping …`);
    const busy = await sweeper.sweepOnce();
    console.log(busy);
    const idleRuns = [];
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      const report = await sweeper.sweepOnce();
      idleRuns.push({ ms: Number(process.hrtime.bigint() - t0) / 1e6, report });
    }
    console.log(idleRuns.map((r) => r.ms.toFixed(1)).join(' ms, '), 'ms idle');
    const [[{ escalations }]] = await conn.query("SELECT COUNT(*) AS escalations FROM timeline_event WHERE action = 'ESCALATE'");
    const [[{ misses }]] = await conn.query('SELECT COUNT(*) AS misses FROM deadline_miss');
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    const queries = [
      `SELECT id FROM request_deadline WHERE state IN ('OPEN') AND warnAt <= '${now}' ORDER BY warnAt ASC LIMIT ${BATCH}`,
      `SELECT id FROM request_deadline WHERE state IN ('OPEN','YELLOW') AND dueAt <= '${now}' ORDER BY dueAt ASC LIMIT ${BATCH}`,
    ];
    const plans = [];
    for (const sql of queries) {
      const [plan] = await conn.query(`EXPLAIN ${sql}`);
      plans.push({ sql, plan });
    }
    const idleSorted = idleRuns.map((r) => r.ms).sort((a, b) => a - b);
    const machine = `${os.cpus().length} cores (${os.cpus()[0].model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const doc = [
      `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; MariaDB and the sweeper share the machine._`,
      `_Command: \`pnpm --filter @gezhi/server build && node server/scripts/bench-sweep.js\` (batches of ${BATCH}; the sweeper runs in the script's process, as in an API instance)._`,
      '',
      markdownTable([
        { run: `one sweep cycle: ${due} clocks past due among ${open} open requests`, 'ms': busy.ms, warned: busy.warned, missed: busy.missed, escalated: busy.escalated },
        { run: 'idle sweep (nothing due), median of 5', 'ms': idleSorted[2].toFixed(1), warned: 0, missed: 0, escalated: 0 },
      ]),
      '',
      `Afterwards: ${escalations} ESCALATE timeline events and ${misses} deadline_miss rows (exactly one each). Targets: < 10 s for the cycle, < 50 ms idle. Filling took ${fillSeconds} s.`,
      '',
      "The idle sweep's two queries (`EXPLAIN`), each a range of its index:",
      '',
      ...plans.flatMap(({ sql, plan }) => [
        '```sql',
        sql,
        '```',
        '',
        markdownTable(plan.map((r) => ({ table: r.table, type: r.type, key: r.key, key_len: r.key_len, rows: r.rows, Extra: r.Extra }))),
        '',
      ]),
    ].join('\n');
    console.log(`\n${doc}`);
    if (process.env.BENCH_WRITE_DOC !== '0') writeSection('sweep', doc.trimEnd());
  } finally {
    await conn.end();
    await app.close();
  }
}

function writeSection(name, body) {
  const begin = `<!-- BEGIN bench:${name} -->`;
  const end = `<!-- END bench:${name} -->`;
  let text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(begin);
  const block = `${begin}\n${body}\n${end}`;
  text =
    start >= 0
      ? text.slice(0, start) + block + text.slice(text.indexOf(end) + end.length)
      : `${text.trimEnd()}\n\n## The deadline sweeper: 1,000,000 open items, 10,000 overdue (MariaDB)\n\n${block}\n`;
  fs.writeFileSync(DOC, text);
  console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
