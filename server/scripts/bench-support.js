/**
 * What the service-booking benchmarks (bench-slots.js, bench-booking.js) share: a scratch MariaDB database, the
 * built server started as a child process, autocannon runs, and writing a section of docs/benchmarks.md.
 * Same approach as bench-filing.js.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const SERVER_DIR = path.resolve(__dirname, '..');
const DOC = path.resolve(SERVER_DIR, '../docs/benchmarks.md');
/** tokens are signed by the bench with the server's own code, so thousands of residents need no login round trip */
const TOKEN_SECRET = 'bench-token-secret-0123456789-abcdefghij';

function connectionOptions(dbUrl, withDatabase) {
  const url = new URL(dbUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    database: withDatabase ? url.pathname.slice(1) : undefined,
    multipleStatements: false,
  };
}

async function recreateDatabase(dbUrl) {
  const name = new URL(dbUrl).pathname.slice(1);
  const conn = await mysql.createConnection(connectionOptions(dbUrl, false));
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
}

async function dropDatabase(dbUrl) {
  const name = new URL(dbUrl).pathname.slice(1);
  const conn = await mysql.createConnection(connectionOptions(dbUrl, false));
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.end();
}

function connect(dbUrl) {
  return mysql.createConnection(connectionOptions(dbUrl, true));
}

/** Starts dist/main.js on `port` against `dbUrl` with the demo data; resolves once /health answers. */
async function startServer(dbUrl, port, extraEnv = {}) {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API process
  const nodeArgs = (process.env.BENCH_NODE_ARGS || '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(SERVER_DIR, 'dist/main.js')], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      DEV_LOGIN: 'true',
      SEED_DEMO: 'true',
      TOKEN_SECRET,
      UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-bench-uploads-')),
      LOG_LEVEL: 'warn',
      // load from a few accounts on one address: the per-user quotas and the login limit are not what is measured
      FILING_QUOTA_PER_HOUR: '1000000',
      FILING_QUOTA_PER_DAY: '1000000',
      UPLOAD_QUOTA_PER_HOUR: '1000000',
      LOGIN_ADDRESS_LIMIT: '1000000',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  child.on('exit', (code) => code && console.error(`server exited ${code}\n${errors}`));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { child, base };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`server did not become healthy\n${errors}`);
}

/** A bearer token for a user id, signed like the server signs them (dist/modules/auth/token.js). */
function tokenFor(userId) {
  const { issueToken } = require(path.join(SERVER_DIR, 'dist/modules/auth/token'));
  return issueToken(userId, TOKEN_SECRET, 24 * 3600);
}

async function api(base, token, method, url, body) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return json;
}

async function login(base, account) {
  return (await api(base, null, 'POST', '/api/auth/dev-login', { account })).token;
}

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function summarize(result) {
  return {
    requestsPerSecond: Math.round(result['2xx'] / (result.duration || 1)),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * An open-loop load: requests start at evenly spaced moments (`rate` per second for `seconds`), whether or not
 * earlier ones have answered — the way independent residents arrive — over at most `connections` keep-alive
 * sockets. Latency counts from the moment a request was due, so a stalled server cannot hide its backlog
 * (no coordinated omission). autocannon's overallRate sends each second's requests as one burst, which measures
 * queueing behind the burst rather than latency at that rate.
 */
function openLoop({ base, rate, seconds, path: nextPath, headers = {}, connections = 50 }) {
  const http = require('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  const total = Math.round(rate * seconds);
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let done = 0;
    const finish = () => {
      if (++done < total) return;
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
      const ok = latencies.length - non2xx;
      resolve({ requestsPerSecond: Math.round(ok / ((performance.now() - started) / 1000)), p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1), ok, non2xx, errors, timeouts: 0 });
    };
    const send = (due) => {
      const req = http.request({ agent, hostname, port, path: nextPath(), method: 'GET', headers }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
          finish();
        });
      });
      req.on('error', () => {
        errors++;
        finish();
      });
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + (sent * 1000) / rate <= now) send(started + (sent++ * 1000) / rate);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

/** Runs `times` runs of `make()` and returns them all and the median by p99; with `apiPid`, also its CPU ms per request. */
async function repeat(times, make, apiPid = null) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    const before = apiPid && cpuMs(apiPid);
    const options = make();
    const summary = options.openLoop ? await openLoop(options.openLoop) : summarize(await run(options));
    const after = apiPid && cpuMs(apiPid);
    if (before != null && after != null) summary.apiCpuMs = Math.round(((after - before) / Math.max(1, summary.ok + summary.non2xx)) * 100) / 100;
    runs.push(summary);
    console.log(runs[i]);
  }
  const median = [...runs].sort((a, b) => a.p99 - b.p99)[Math.floor(times / 2)];
  return { runs, median };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** Runs `work` and reports the CPU milliseconds the API process used per `count(result)` requests (/proc, Linux). */
async function withCpu(apiPid, count, work) {
  const before = cpuMs(apiPid);
  const result = await work();
  const after = cpuMs(apiPid);
  return { result, apiCpuMs: before == null || after == null ? null : Math.round(((after - before) / count(result)) * 100) / 100 };
}

function markdownTable(rows) {
  const header = Object.keys(rows[0]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${header.map((h) => String(r[h] ?? '')).join(' | ')} |`),
  ].join('\n');
}

function machine() {
  return `${os.cpus().length} cores (${os.cpus()[0].model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** The 1-minute load average (how busy the shared machine was), or '?' where unknown. */
function loadAverage() {
  return os.loadavg()[0].toFixed(1);
}

function measuredAt() {
  return new Date().toISOString().slice(0, 16).replace('T', ' ');
}

/** Replaces (or appends) the section between <!-- BEGIN bench:name --> and <!-- END bench:name -->. */
function writeSection(name, body, heading) {
  const begin = `<!-- BEGIN bench:${name} -->`;
  const end = `<!-- END bench:${name} -->`;
  let text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(begin);
  const block = `${begin}\n${body}\n${end}`;
  text = start >= 0 ? text.slice(0, start) + block + text.slice(text.indexOf(end) + end.length) : `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  fs.writeFileSync(DOC, text);
  console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
}

module.exports = {
  api,
  openLoop,
  withCpu,
  connect,
  dropDatabase,
  loadAverage,
  login,
  machine,
  markdownTable,
  measuredAt,
  recreateDatabase,
  repeat,
  run,
  startServer,
  summarize,
  tokenFor,
  writeSection,
};
