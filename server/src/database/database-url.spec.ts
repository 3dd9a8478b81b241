import { migrationFolder, parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('reads an embedded SQLite file', () => {
    expect(parseDatabaseUrl('sqlite:/tmp/gezhi.sqlite')).toEqual({ kind: 'sqlite', file: '/tmp/gezhi.sqlite' });
  });

  it('reads a MariaDB URL with credentials and the default port', () => {
    expect(parseDatabaseUrl('mariadb://gezhi:p%40ss@db.internal/gezhi')).toEqual({
      kind: 'mariadb',
      host: 'db.internal',
      port: 3306,
      username: 'gezhi',
      password: 'p@ss',
      database: 'gezhi',
    });
  });

  it('uses the MySQL migrations for both MySQL and MariaDB', () => {
    expect(migrationFolder(parseDatabaseUrl('mysql://root@127.0.0.1:3307/x'))).toBe('mysql');
    expect(migrationFolder(parseDatabaseUrl('mariadb://root@127.0.0.1/x'))).toBe('mysql');
    expect(migrationFolder(parseDatabaseUrl('sqlite::memory:'))).toBe('sqlite');
  });

  it('refuses a URL without a database name', () => {
    expect(() => parseDatabaseUrl('mariadb://root@127.0.0.1:3306/')).toThrow(/must name a database/);
  });
});
