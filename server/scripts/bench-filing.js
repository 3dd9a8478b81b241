#!/usr/bin/env node
/**
 * Benchmark: filing a request on MariaDB with 50 concurrent clients, next to bare GET /health as the
 * framework's ceiling; then the grid leader's inbox query plan and latency with 1,000,000 stored requests.
 *
 *   pnpm --filter @gezhi/server build && node server/scripts/bench-filing.js
 *
 * Options (env): BENCH_DB_URL (default mariadb://root@127.0.0.1:3306/gezhi_bench — the database is DROPPED
 * and recreated), BENCH_SECONDS (15), BENCH_CONNECTIONS (50), BENCH_ROWS (1000000), BENCH_WRITE_DOC (1: write
 * the results into docs/benchmarks.md), BENCH_REPEAT (3 filing runs; the median is reported). Everything runs on
 * loopback; the load is bounded in time.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const SERVER_DIR = path.resolve(__dirname, '..');
const DOC = path.resolve(SERVER_DIR, '../docs/benchmarks.md');
const DB_URL = process.env.BENCH_DB_URL || 'mariadb://root@127.0.0.1:3306/gezhi_bench';
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
/** the machine is shared (a VM with neighbours): filing is measured several times and the median run reported */
const REPEAT = Number(process.env.BENCH_REPEAT || 3);
const PORT = 3900 + Math.floor(Math.random() * 50);
const BASE = `http://127.0.0.1:${PORT}`;

function connectionOptions(withDatabase) {
  const url = new URL(DB_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    database: withDatabase ? url.pathname.slice(1) : undefined,
    multipleStatements: false,
  };
}

async function recreateDatabase() {
  const name = new URL(DB_URL).pathname.slice(1);
  const conn = await mysql.createConnection(connectionOptions(false));
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
}

function startServer(port = PORT) {
  const child = spawn(process.execPath, [path.join(SERVER_DIR, 'dist/main.js')], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: DB_URL,
      DEV_LOGIN: 'true',
      SEED_DEMO: 'true',
      UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-bench-uploads-')),
      LOG_LEVEL: 'warn',
      // load from a few accounts on one address: the per-user quotas and the login limit are not what is measured
      FILING_QUOTA_PER_HOUR: '1000000',
      FILING_QUOTA_PER_DAY: '1000000',
      LOGIN_ADDRESS_LIMIT: '1000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  child.on('exit', (code) => code && console.error(`server exited ${code}\n${errors}`));
  return child;
}

async function waitForHealth(base = BASE) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

async function login(account) {
  const res = await fetch(`${BASE}/api/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  if (!res.ok) throw new Error(`login ${account}: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function summarize(result) {
  const ok = result['2xx'];
  return {
    requestsPerSecond: Math.round(ok / (result.duration || SECONDS)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Fills the request table up to ROWS rows with MariaDB's sequence engine (fast, server-side). */
async function fillRequests(conn) {
  const [grids] = await conn.query('SELECT g.id AS gridId, g.communityId AS communityId, c.streetId AS streetId FROM grid g JOIN community c ON c.id = g.communityId ORDER BY g.id');
  const [[room]] = await conn.query('SELECT id FROM room ORDER BY id LIMIT 1');
  const [[{ existing }]] = await conn.query('SELECT COUNT(*) AS existing FROM request');
  const missing = ROWS - Number(existing);
  const chunk = 100_000;
  const started = Date.now();
  for (let done = 0; done < missing; done += chunk) {
    const n = Math.min(chunk, missing - done);
    const gridCase = grids.map((g, i) => `WHEN ${i} THEN ${g.gridId}`).join(' ');
    const communityCase = grids.map((g, i) => `WHEN ${i} THEN ${g.communityId}`).join(' ');
    const streetCase = grids.map((g, i) => `WHEN ${i} THEN ${g.streetId}`).join(' ');
    const k = grids.length;
    await conn.query(
      `INSERT INTO request (residentUserId, creatorUserId, roomId, gridId, communityId, streetId, category, subcategory,
         description, urgency, channel, showNamePublicly, contactName, contactPhone, status, level, holderUserId, photoIds,
         reopenCount, version, createdAt, updatedAt)
       SELECT NULL, 1, ${room.id},
         CASE seq % ${k} ${gridCase} END, CASE seq % ${k} ${communityCase} END, CASE seq % ${k} ${streetCase} END,
         'ENVIRONMENT', 'CLUTTER', CONCAT('历史诉求 #', seq), 'NORMAL', 'PHONE', 0, '历史', NULL,
         CASE WHEN seq % 100 = 0 THEN 'PENDING_ACCEPT' WHEN seq % 100 = 1 THEN 'IN_PROGRESS' ELSE 'CLOSED' END,
         'GRID', NULL, '[]', 0, 1,
         NOW() - INTERVAL seq SECOND, NOW() - INTERVAL seq SECOND
       FROM seq_1_to_${n}`,
    );
    process.stdout.write(`\r  stored ${Number(existing) + done + n} requests`);
  }
  process.stdout.write('\n');
  await conn.query('ANALYZE TABLE request');
  return Math.round((Date.now() - started) / 1000);
}

function markdownTable(rows) {
  const header = Object.keys(rows[0]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${header.map((h) => String(r[h] ?? '')).join(' | ')} |`),
  ].join('\n');
}

async function main() {
  console.log(`database ${DB_URL}, ${CONNECTIONS} connections, ${SECONDS} s per run`);
  await recreateDatabase();
  const server = startServer();
  try {
    await waitForHealth();
    const residentToken = await login('resident1');
    const leaderToken = await login('gridleader1');

    console.log('GET /health …');
    await run({ url: `${BASE}/health`, duration: 3 }); // warm-up
    const health = summarize(await run({ url: `${BASE}/health` }));
    console.log(health);

    console.log('POST /api/requests …');
    const body = JSON.stringify({
      category: 'ENVIRONMENT',
      subcategory: 'CLUTTER',
      description: '3号楼2单元消防通道被杂物堵住，请尽快清理。',
      urgency: 'NORMAL',
      showNamePublicly: false,
    });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${residentToken}` };
    await run({ url: `${BASE}/api/requests`, method: 'POST', headers, body, duration: 3 }); // warm-up
    const filingRuns = [];
    for (let i = 0; i < REPEAT; i++) {
      filingRuns.push(summarize(await run({ url: `${BASE}/api/requests`, method: 'POST', headers, body })));
      console.log(filingRuns[i]);
    }
    const filing = [...filingRuns].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(REPEAT / 2)];

    // Scale-out: a second, identical API process on the same database (the API is stateless); the 50 clients
    // are split evenly between the two, as a load balancer would. p99 reported is the worse of the two.
    console.log('POST /api/requests on two API instances …');
    const secondPort = PORT + 100;
    const second = startServer(secondPort);
    let twoInstances;
    try {
      await waitForHealth(`http://127.0.0.1:${secondPort}`);
      const half = { method: 'POST', headers, body, connections: Math.floor(CONNECTIONS / 2) };
      const [a, b] = (await Promise.all([run({ ...half, url: `${BASE}/api/requests` }), run({ ...half, url: `http://127.0.0.1:${secondPort}/api/requests` })])).map(summarize);
      twoInstances = { requestsPerSecond: a.requestsPerSecond + b.requestsPerSecond, p50: Math.max(a.p50, b.p50), p99: Math.max(a.p99, b.p99), non2xx: a.non2xx + b.non2xx, errors: a.errors + b.errors };
      console.log(twoInstances);
    } finally {
      second.kill('SIGTERM');
    }

    const conn = await mysql.createConnection(connectionOptions(true));
    console.log(`filling the request table to ${ROWS} rows …`);
    const fillSeconds = await fillRequests(conn);
    const [[{ total }]] = await conn.query('SELECT COUNT(*) AS total FROM request');
    const [[leader]] = await conn.query("SELECT gridId FROM user WHERE account = 'gridleader1'");
    const inboxSql = `SELECT * FROM request WHERE gridId IN (${leader.gridId}) AND level = 'GRID' AND status = 'PENDING_ACCEPT' ORDER BY createdAt DESC, id DESC LIMIT 20`;
    const countSql = `SELECT COUNT(*) FROM request WHERE gridId IN (${leader.gridId}) AND level = 'GRID' AND status = 'PENDING_ACCEPT'`;
    const [plan] = await conn.query(`EXPLAIN ${inboxSql}`);
    const [countPlan] = await conn.query(`EXPLAIN ${countSql}`);
    await conn.end();

    console.log('GET /api/staff/inbox (grid leader, 1M rows) …');
    const inboxUrl = `${BASE}/api/staff/inbox?status=PENDING_ACCEPT&page=1&pageSize=20`;
    const inbox = summarize(await run({ url: inboxUrl, headers: { authorization: `Bearer ${leaderToken}` }, duration: Math.min(SECONDS, 10) }));
    console.log(inbox);

    const meta = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' '),
      machine: `${os.cpus().length} cores (${os.cpus()[0].model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    };
    const doc = [
      `_Measured ${meta.date} UTC on ${meta.machine}; server, MariaDB and the load generator (autocannon) share the machine._`,
      `_Command: \`pnpm --filter @gezhi/server build && node server/scripts/bench-filing.js\` (${CONNECTIONS} connections, ${SECONDS} s per run, one API process)._`,
      '',
      markdownTable([
        { run: 'GET /health (framework ceiling)', 'requests/s': health.requestsPerSecond, 'p50 ms': health.p50, 'p99 ms': health.p99, errors: health.non2xx + health.errors },
        { run: `POST /api/requests (validate, route, insert, timeline, notification, deadline clocks): median of ${REPEAT} runs`, 'requests/s': filing.requestsPerSecond, 'p50 ms': filing.p50, 'p99 ms': filing.p99, errors: filing.non2xx + filing.errors },
        { run: 'POST /api/requests on two API instances (25 clients each, same MariaDB)', 'requests/s': twoInstances.requestsPerSecond, 'p50 ms': twoInstances.p50, 'p99 ms': twoInstances.p99, errors: twoInstances.non2xx + twoInstances.errors },
        { run: `GET /api/staff/inbox with ${total} stored requests`, 'requests/s': inbox.requestsPerSecond, 'p50 ms': inbox.p50, 'p99 ms': inbox.p99, errors: inbox.non2xx + inbox.errors },
      ]),
      '',
      `Filing runs, in order: ${filingRuns.map((r) => `${r.requestsPerSecond}/s p99 ${r.p99} ms`).join('; ')}.`,
      '',
      `Targets: filing p99 < 100 ms and ≥ 800 filings/s. Filling the table to ${ROWS} rows took ${fillSeconds} s.`,
      '',
      'Inbox query plan at that size (`EXPLAIN`):',
      '',
      '```sql',
      inboxSql,
      '```',
      '',
      markdownTable(plan.map((r) => ({ table: r.table, type: r.type, key: r.key, key_len: r.key_len, rows: r.rows, Extra: r.Extra }))),
      '',
      'The total for the pager:',
      '',
      '```sql',
      countSql,
      '```',
      '',
      markdownTable(countPlan.map((r) => ({ table: r.table, type: r.type, key: r.key, rows: r.rows, Extra: r.Extra }))),
    ].join('\n');
    console.log(`\n${doc}\n`);
    if (process.env.BENCH_WRITE_DOC !== '0') writeSection('filing', doc);
  } finally {
    server.kill('SIGTERM');
  }
}

function writeSection(name, body) {
  const begin = `<!-- BEGIN bench:${name} -->`;
  const end = `<!-- END bench:${name} -->`;
  let text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(begin);
  const block = `${begin}\n${body}\n${end}`;
  text = start >= 0 ? text.slice(0, start) + block + text.slice(text.indexOf(end) + end.length) : `${text}\n${block}\n`;
  fs.writeFileSync(DOC, text);
  console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
