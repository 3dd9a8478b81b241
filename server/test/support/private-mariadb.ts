import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection } from 'mysql2/promise';

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd'].find((p) => fs.existsSync(p));
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => fs.existsSync(p));

/** Whether this machine can run a private MariaDB server (fault-injection tests need one they may freeze and kill). */
export const canRunPrivateMariadb = MARIADBD !== undefined && INSTALL_DB !== undefined;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A MariaDB server of the test's own, in a temp datadir on a free port: it can be frozen (SIGSTOP), thawed
 * (SIGCONT), killed (SIGKILL) and started again on the same data. Run as the `mysql` user when the test runs as root.
 */
export class PrivateMariadb {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-private-mariadb-'));
  readonly datadir = path.join(this.dir, 'data');
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async create(): Promise<PrivateMariadb> {
    const db = new PrivateMariadb(await freePort());
    fs.chmodSync(db.dir, 0o755);
    fs.mkdirSync(db.datadir);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chown', ['mysql:mysql', db.datadir]);
    execFileSync(INSTALL_DB as string, ['--no-defaults', `--datadir=${db.datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...(asRoot ? ['--user=mysql'] : [])], { stdio: 'ignore' });
    return db;
  }

  url(database = 'gezhi'): string {
    return `mariadb://root@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const asRoot = process.getuid?.() === 0;
    // the database exists before the server accepts its first connection (an API may be waiting for it already)
    const initFile = path.join(this.dir, 'init.sql');
    fs.writeFileSync(initFile, 'CREATE DATABASE IF NOT EXISTS gezhi CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n');
    fs.chmodSync(initFile, 0o644);
    this.child = spawn(
      MARIADBD as string,
      [
        '--no-defaults',
        `--datadir=${this.datadir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(this.datadir, 'mariadb.sock')}`,
        `--init-file=${initFile}`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        ...(asRoot ? ['--user=mysql'] : []),
      ],
      { stdio: ['ignore', 'ignore', fs.openSync(path.join(this.dir, 'error.log'), 'a')] },
    );
    for (const started = Date.now(); Date.now() - started < 30_000; ) {
      try {
        const c = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
        await c.end();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`private MariaDB on ${this.port} did not start: ${fs.readFileSync(path.join(this.dir, 'error.log'), 'utf8').slice(-2000)}`);
  }

  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
