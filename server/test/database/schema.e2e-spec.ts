import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { Street } from '../../src/modules/geo/geo.entities';
import { RequestEntity } from '../../src/modules/requests/request.entities';
import { DEMO_REQUESTS, DEMO_REVIEW_REQUESTS } from '../../src/modules/demo-seed/demo-data';
import { bootTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('database schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('is exactly what the entities describe once the migrations ran (no pending changes)', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('backs the staff inbox with an index on grid, level, status and creation time', () => {
    const indices = dataSource.getMetadata(RequestEntity).indices.map((i) => i.columns.map((c) => c.propertyName));
    expect(indices).toContainEqual(['gridId', 'level', 'status', 'createdAt']);
  });
});

describe('demo seed', () => {
  it('loads once: booting again on the same database adds nothing', async () => {
    const first = await bootTestApp();
    const { url } = first.database;
    const count = async () => {
      const ds = await new DataSource({ ...dataSourceOptions(url), migrationsRun: false }).initialize();
      const result = { streets: await ds.getRepository(Street).count(), requests: await ds.getRepository(RequestEntity).count() };
      await ds.destroy();
      return result;
    };
    try {
      const afterFirstBoot = await count();
      expect(afterFirstBoot.streets).toBe(1);
      // the six example requests and the four 问需会 items (demo-data.ts: DEMO_REQUESTS, DEMO_REVIEW_REQUESTS)
      expect(afterFirstBoot.requests).toBe(DEMO_REQUESTS.length + DEMO_REVIEW_REQUESTS.length);
      await first.app.close();
      const second = await createApp(first.config, { logger: ['error'] });
      await second.init();
      await second.close();
      expect(await count()).toEqual(afterFirstBoot);
    } finally {
      await first.database.drop();
    }
  });
});
