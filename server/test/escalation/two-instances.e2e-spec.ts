import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { DataSource, In } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SERVER_ROOT = path.resolve(__dirname, '../..');
const ITEMS = Number(process.env.TWO_INSTANCE_ITEMS ?? 300);

/**
 * Two real API processes (node dist/main.js, built from the current sources) sweep the same database at the
 * same time: every overdue item must be escalated exactly once and every missed clock recorded once. Runs on
 * the embedded SQLite file (two processes on one WAL database) and on MariaDB when TEST_DATABASE_URL is set.
 */
describe('two API instances sweeping one database', () => {
  let database: TestDatabase;
  let buildDir: string;
  const processes: ChildProcess[] = [];

  beforeAll(() => {
    // inside server/ like dist/: the build resolves server/node_modules and ../package.json as dist does
    buildDir = fs.mkdtempSync(path.join(SERVER_ROOT, '.e2e-build-'));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', buildDir], { cwd: SERVER_ROOT, stdio: 'inherit' });
  }, 120_000);

  afterAll(async () => {
    for (const child of processes) child.kill('SIGKILL');
    await database?.drop();
    fs.rmSync(buildDir, { recursive: true, force: true });
  });

  function start(port: number, env: Record<string, string>): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, [path.join(buildDir, 'main.js')], {
      cwd: SERVER_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        DATABASE_URL: database.url,
        UPLOAD_DIR: path.join(database.dir, 'uploads'),
        TOKEN_SECRET: 'two-instances-token-secret-0123456789',
        DEV_LOGIN: 'true',
        SEED_DEMO: 'true',
        // one resident files every item: the per-resident filing quota is not what this test is about
        FILING_QUOTA_PER_HOUR: String(ITEMS * 2),
        FILING_QUOTA_PER_DAY: String(ITEMS * 2),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    processes.push(child);
    return { child, output: () => output };
  }

  async function healthy(port: number, output: () => string): Promise<void> {
    let last = 'no answer';
    for (const started = Date.now(); Date.now() - started < 90_000; ) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.ok) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = String(error);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`instance on ${port} did not start (${last}):\n${output().slice(-3000)}`);
  }

  /** SIGTERM, then wait for 'close' (stdio drained), not 'exit': the last sweeps' log lines can arrive after 'exit' */
  async function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  it(`escalates each of ${ITEMS} overdue items exactly once`, async () => {
    database = await createTestDatabase();
    // ports the system says are free (a random pick once hit 4369, Erlang's epmd, which RabbitMQ keeps open here)
    const [port, portB] = [await freePort(), await freePort()];

    // 1. one instance, sweeper off: schema, demo data, and ITEMS requests filed through the API
    const first = start(port, { SWEEP_ENABLED: 'false' });
    await healthy(port, first.output);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'resident1' }),
    });
    const { token } = (await login.json()) as { token: string };
    const ids: number[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/api/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ category: 'ENVIRONMENT', subcategory: 'CLUTTER', description: `楼道堆物 #${i}，请清理`, urgency: 'NORMAL', showNamePublicly: false }),
      });
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: number }).id);
    }
    await stop(first.child);

    // 2. move their accept clocks
    const ds = await new DataSource({ ...dataSourceOptions(database.url), migrationsRun: false }).initialize();
    try {
      // a third passed during the "downtime" (the start-up sweeps find them); the rest is moved only once both
      // instances run (they take longer to start than any fixed delay would allow): a third falls due at once, the
      // last third in waves of five, 40 ms apart, so both instances' sweeps keep meeting new work together
      const third = Math.floor(ITEMS / 3);
      const [downtime, atOnce, inWaves] = [ids.slice(0, third), ids.slice(third, 2 * third), ids.slice(2 * third)];
      const moveAcceptClocks = (requestIds: number[], at: Date) =>
        ds.createQueryBuilder().update('request_deadline').set({ warnAt: at, dueAt: at }).where({ requestId: In(requestIds), kind: 'ACCEPT' }).execute();
      await moveAcceptClocks(downtime, new Date(Date.now() - 60_000));
      await moveAcceptClocks([...atOnce, ...inWaves], new Date(Date.now() + 3_600_000));

      // 3. two instances start at once, each sweeping at start-up and every 20 ms in batches of 25
      const sweepEnv = { SWEEP_ENABLED: 'true', SWEEP_INTERVAL_MS: '20', SWEEP_BATCH_SIZE: '25' };
      const a = start(port, sweepEnv);
      const b = start(portB, sweepEnv);
      await Promise.all([healthy(port, a.output), healthy(portB, b.output)]);
      await moveAcceptClocks(atOnce, new Date(Date.now() - 1_000));
      const soon = Date.now() + 500;
      for (let wave = 0; wave * 5 < inWaves.length; wave++) {
        await moveAcceptClocks(inWaves.slice(wave * 5, wave * 5 + 5), new Date(soon + wave * 40));
      }
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [{ left }] = await ds.query(
          `SELECT COUNT(*) AS ${q(ds, 'left')} FROM request_deadline WHERE kind = 'ACCEPT' AND level = 'GRID' AND state IN ('OPEN', 'YELLOW') AND requestId IN (${ids.join(',')})`,
        );
        if (Number(left) === 0) break;
        if (Date.now() > deadline) throw new Error(`${left} clocks still running\nA:\n${a.output()}\nB:\n${b.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 300)); // let the last batches' logs arrive
      await Promise.all([stop(a.child), stop(b.child)]);

      // 4. exactly once: one ESCALATE event, one miss per clock, every item one level up at version 2
      const events = await ds.query(`SELECT requestId, COUNT(*) AS n FROM timeline_event WHERE action = 'ESCALATE' AND requestId IN (${ids.join(',')}) GROUP BY requestId`);
      expect(events).toHaveLength(ITEMS);
      expect(events.every((e: { n: number | string }) => Number(e.n) === 1)).toBe(true);
      const misses = await ds.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT deadlineId) AS d FROM deadline_miss WHERE kind = 'ACCEPT' AND requestId IN (${ids.join(',')})`);
      expect(Number(misses[0].n)).toBe(ITEMS);
      expect(Number(misses[0].d)).toBe(ITEMS);
      const requests = await ds.query(`SELECT level, status, version FROM request WHERE id IN (${ids.join(',')})`);
      expect(requests.every((r: { level: string; status: string; version: number | string }) => r.level === 'COMMUNITY' && r.status === 'PENDING_ACCEPT' && Number(r.version) === 2)).toBe(true);
      const opened = await ds.query(`SELECT COUNT(*) AS n FROM request_deadline WHERE level = 'COMMUNITY' AND requestId IN (${ids.join(',')})`);
      expect(Number(opened[0].n)).toBe(2 * ITEMS);

      // both instances took part — each escalated some of the items, as its sweep log lines report — and between
      // them they escalated every item once (the exactly-once checks above hold whoever did the work)
      const escalatedBy = (output: string) => [...output.matchAll(/sweep: warned=\d+ missed=\d+ escalated=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      const byA = escalatedBy(a.output());
      const byB = escalatedBy(b.output());
      // eslint-disable-next-line no-console
      console.log(`two instances on ${ds.options.type}: A escalated ${byA}, B escalated ${byB}`);
      expect({ aTookPart: byA > 0, bTookPart: byB > 0 }).toEqual({ aTookPart: true, bTookPart: true });
      expect(byA + byB).toBe(ITEMS);
    } finally {
      await ds.destroy();
    }
  }, 180_000);
});

function q(ds: DataSource, name: string): string {
  return ds.driver.escape(name);
}

/** A TCP port nothing listens on right now (the system picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
