import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource, In } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { freePort } from '../support/private-mariadb';

const SERVER_ROOT = path.resolve(__dirname, '../..');
const GALERA = path.resolve(SERVER_ROOT, '../scripts/galera.sh');
const NODE_URL = (n: number) => `mariadb://root@127.0.0.1:${3310 + n}/gezhi`;
const FILINGS = Number(process.env.GALERA_FILINGS ?? 400);

/**
 * A real multi-node engine: two API processes (the built server) on two nodes of a three-node MariaDB Galera
 * cluster (bash scripts/galera.sh start), filing load on both with the sweeper running on both, node 2 — under
 * instance B — killed mid-load and restarted. Every 201 the load generator got must be a row afterwards (read on
 * the restarted node too), and every overdue item escalated exactly once. Run with `npm run test:galera` (starts
 * and stops the cluster); not in the default gate.
 */
describe('two API instances on a three-node Galera cluster', () => {
  let buildDir: string;
  const processes: ChildProcess[] = [];

  beforeAll(() => {
    buildDir = fs.mkdtempSync(path.join(SERVER_ROOT, '.e2e-build-'));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', buildDir], { cwd: SERVER_ROOT, stdio: 'inherit' });
  }, 180_000);

  afterAll(() => {
    for (const child of processes) child.kill('SIGKILL');
    fs.rmSync(buildDir, { recursive: true, force: true });
  });

  function start(port: number, databaseUrl: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, [path.join(buildDir, 'main.js')], {
      cwd: SERVER_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-galera-uploads-')),
        TOKEN_SECRET: 'galera-token-secret-0123456789-abcdef',
        DEV_LOGIN: 'true',
        SEED_DEMO: 'true',
        FILING_QUOTA_PER_HOUR: '1000000',
        FILING_QUOTA_PER_DAY: '1000000',
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

  async function ready(port: number, output: () => string): Promise<void> {
    for (const started = Date.now(); Date.now() - started < 120_000; ) {
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`instance on ${port} not ready:\n${output().slice(-3000)}`);
  }

  async function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async function login(port: number, account: string): Promise<string> {
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account }) });
    return ((await response.json()) as { token: string }).token;
  }

  it(`keeps every acknowledged filing and escalates each overdue item once, with a node killed mid-load`, async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    // 1. schema and demo data through instance A on node 1
    const first = start(portA, NODE_URL(1), { SWEEP_ENABLED: 'false' });
    await ready(portA, first.output);
    await stop(first.child);

    // 2. A on node 1 and B on node 2, both sweeping every 50 ms in batches of 20
    const sweepEnv = { SWEEP_ENABLED: 'true', SWEEP_INTERVAL_MS: '50', SWEEP_BATCH_SIZE: '20' };
    const a = start(portA, NODE_URL(1), sweepEnv);
    const b = start(portB, NODE_URL(2), sweepEnv);
    await Promise.all([ready(portA, a.output), ready(portB, b.output)]);
    const tokens = { [portA]: await login(portA, 'resident1'), [portB]: await login(portB, 'resident1') };

    // 3. filing load on both instances (8 at a time); node 2 killed after a third, restarted after two thirds
    const acknowledged: number[] = [];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    let killedAt = -1;
    let restarted: Promise<void> | null = null;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= FILINGS) return;
        if (i === Math.floor(FILINGS / 3)) {
          execFileSync('bash', [GALERA, 'kill', '2']);
          killedAt = i;
        }
        if (i === Math.floor((2 * FILINGS) / 3)) restarted = Promise.resolve().then(() => void execFileSync('bash', [GALERA, 'restart', '2'], { stdio: 'ignore' }));
        const port = i % 2 === 0 ? portA : portB;
        const response = await fetch(`http://127.0.0.1:${port}/api/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[port]}` },
          body: JSON.stringify({ category: 'ENVIRONMENT', subcategory: 'CLUTTER', description: `楼道堆物 #${i}，请清理`, urgency: 'NORMAL', showNamePublicly: false }),
          signal: AbortSignal.timeout(15_000),
        }).catch((error: Error) => {
          failures.push(`${port === portA ? 'A' : 'B'} #${i}: ${error.name} ${String((error as { cause?: unknown }).cause ?? error.message)}`);
          return null;
        });
        const status = response?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) acknowledged.push(((await response!.json()) as { id: number }).id);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await restarted;
    expect(killedAt).toBeGreaterThan(0);
    await ready(portB, b.output);

    // 4. every acknowledged filing is a row — read on the node that was killed and came back
    const node2 = await new DataSource({ ...dataSourceOptions(NODE_URL(2)), migrationsRun: false }).initialize();
    const node1 = await new DataSource({ ...dataSourceOptions(NODE_URL(1)), migrationsRun: false }).initialize();
    try {
      const rows = await node2.query(`SELECT id FROM request WHERE id IN (${acknowledged.join(',')})`);
      expect(rows).toHaveLength(acknowledged.length);

      // 5. their accept clocks fall due at once; both sweepers escalate each exactly once
      await node1.createQueryBuilder().update('request_deadline').set({ warnAt: new Date(Date.now() - 60_000), dueAt: new Date(Date.now() - 60_000) })
        .where({ requestId: In(acknowledged), kind: 'ACCEPT', level: 'GRID' }).execute();
      const deadline = Date.now() + 120_000;
      for (;;) {
        const [{ left }] = await node1.query(
          `SELECT COUNT(*) AS \`left\` FROM request_deadline WHERE kind = 'ACCEPT' AND level = 'GRID' AND state IN ('OPEN', 'YELLOW') AND requestId IN (${acknowledged.join(',')})`,
        );
        if (Number(left) === 0) break;
        if (Date.now() > deadline) throw new Error(`${left} clocks still running\nA:\n${a.output().slice(-3000)}\nB:\n${b.output().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 500));
      await Promise.all([stop(a.child), stop(b.child)]);

      const events = await node2.query(`SELECT requestId, COUNT(*) AS n FROM timeline_event WHERE action = 'ESCALATE' AND requestId IN (${acknowledged.join(',')}) GROUP BY requestId`);
      expect(events).toHaveLength(acknowledged.length);
      expect(events.filter((e: { n: number | string }) => Number(e.n) !== 1)).toEqual([]);
      const misses = await node2.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT deadlineId) AS d FROM deadline_miss WHERE kind = 'ACCEPT' AND requestId IN (${acknowledged.join(',')})`);
      expect([Number(misses[0].n), Number(misses[0].d)]).toEqual([acknowledged.length, acknowledged.length]);
      const escalatedBy = (output: string) => [...output.matchAll(/sweep: warned=\d+ missed=\d+ escalated=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      // eslint-disable-next-line no-console
      console.log(
        `galera: ${FILINGS} filings, answers ${JSON.stringify(Object.fromEntries(statuses))}, ${acknowledged.length} acknowledged, ${rows.length} rows; ` +
          `escalated by A ${escalatedBy(a.output())}, by B ${escalatedBy(b.output())}; node 2 killed at filing ${killedAt}`,
      );
      const internal = [a.output(), b.output()].flatMap((o) => o.split('\n').filter((l) => (l.includes('errorId') || l.includes('"statusCode":500') || l.includes('"status":500')) && !l.includes('"status":503')).map((l) => l.slice(0, 400)));
      // eslint-disable-next-line no-console
      console.log(`galera: no answer ${failures.length} (${failures.slice(0, 5).join(' | ')}); 500s logged: ${internal.length}\n${internal.slice(0, 3).join('\n')}`);
      expect(escalatedBy(a.output()) + escalatedBy(b.output())).toBe(acknowledged.length);
      expect(statuses.get(500) ?? 0).toBe(0);
    } finally {
      await node1.destroy();
      await node2.destroy();
    }
  }, 600_000);
});
