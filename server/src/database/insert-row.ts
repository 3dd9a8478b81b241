import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

interface PreparedInsert {
  sql: string;
  columns: EntityMetadata['columns'];
}

const prepared = new WeakMap<EntityMetadata, PreparedInsert>();

/**
 * Inserts one row with an INSERT statement built once per entity, skipping the query builder on hot write
 * paths (filing a request runs three of these per call). Values go through the driver's own
 * `preparePersistentValue`, exactly as the query builder would convert them (dates, booleans, simple-json).
 * Returns the generated id.
 */
export async function insertRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Partial<T>): Promise<number> {
  const metadata = manager.connection.getMetadata(target);
  const statement = prepared.get(metadata) ?? prepare(manager, metadata);
  const driver = manager.connection.driver;
  const values = statement.columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column));
  return generatedId(await manager.query(statement.sql, values));
}

/**
 * Inserts many rows with multi-row INSERT statements (`chunkSize` rows each), converted like `insertRow`. For
 * bulk writes inside one transaction, e.g. the notices of a sweep batch. Generated ids are not returned.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly Partial<T>[], chunkSize = 200): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const statement = prepared.get(metadata) ?? prepare(manager, metadata);
  const driver = manager.connection.driver;
  const placeholders = `(${statement.columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const values = chunk.flatMap((row) => statement.columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column)));
    const sql = `${statement.sql.slice(0, statement.sql.lastIndexOf('VALUES'))}VALUES ${chunk.map(() => placeholders).join(', ')}`;
    await manager.query(sql, values);
  }
}

function prepare(manager: EntityManager, metadata: EntityMetadata): PreparedInsert {
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => !column.isGenerated);
  const sql =
    `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) ` +
    `VALUES (${columns.map(() => '?').join(', ')})`;
  const statement = { sql, columns };
  prepared.set(metadata, statement);
  return statement;
}

/** The generated id of an insert: MySQL/MariaDB report `insertId`, better-sqlite3 `lastInsertRowid`. */
export function generatedId(raw: unknown): number {
  if (typeof raw === 'number' || typeof raw === 'bigint') return Number(raw);
  const insertId = (raw as { insertId?: number | bigint } | null)?.insertId;
  if (insertId !== undefined && insertId !== null) return Number(insertId);
  throw new Error('the database did not report the generated id');
}
