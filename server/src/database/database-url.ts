/** What DATABASE_URL names: an embedded SQLite file, or a MariaDB / MySQL server. */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mariadb' | 'mysql'; host: string; port: number; username: string; password: string; database: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', file: url.slice('sqlite:'.length) };
  const parsed = new URL(url);
  const kind = parsed.protocol.replace(/:$/, '');
  if (kind !== 'mariadb' && kind !== 'mysql') throw new Error(`Unsupported DATABASE_URL scheme "${kind}"`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL must name a database, e.g. mariadb://user:pass@host:3306/gezhi');
  return {
    kind,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** MariaDB and MySQL share one migration folder (generated against MariaDB); SQLite has its own. */
export function migrationFolder(target: DatabaseTarget): 'sqlite' | 'mysql' {
  return target.kind === 'sqlite' ? 'sqlite' : 'mysql';
}
