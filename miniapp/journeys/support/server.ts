import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JourneyClock } from './clock';

export const REPO_ROOT = resolve(__dirname, '../../..');

export interface RunningServer {
  baseUrl: string;
  /** the server's (and the browser contexts') clock: starts at JOURNEY_START, `set` moves it */
  clock: JourneyClock;
  stop(): Promise<void>;
}

/** Debian's libfaketime (apt-get install faketime), or FAKETIME_LIB */
function faketimeLibrary(): string {
  const candidates = [process.env.FAKETIME_LIB, '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('libfaketime is not installed (apt-get install faketime, or set FAKETIME_LIB): the journeys run the server at a fixed instant');
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts the built API (server/dist) serving the H5 build, on a fresh SQLite database with the demo data seeded at
 * JOURNEY_START (libfaketime), never at the day the journeys happen to run.
 */
export async function startServer(): Promise<RunningServer> {
  const entry = join(REPO_ROOT, 'server/dist/main.js');
  const h5 = join(REPO_ROOT, 'miniapp/dist/h5');
  if (!existsSync(entry)) throw new Error(`server is not built: ${entry} (pnpm --filter @gezhi/server build)`);
  if (!existsSync(join(h5, 'index.html'))) throw new Error(`H5 is not built: ${h5} (pnpm --filter @gezhi/miniapp build:h5)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'gezhi-journey-'));
  const port = await freePort();
  const clock = new JourneyClock(join(dataDir, 'faketime'));
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: join(REPO_ROOT, 'server'),
    env: {
      ...process.env,
      ...clock.serverEnvironment(faketimeLibrary()),
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'gezhi.sqlite')}`,
      UPLOAD_DIR: join(dataDir, 'uploads'),
      H5_DIR: h5,
      DEV_LOGIN: 'true',
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`server did not answer /health within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    clock,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
