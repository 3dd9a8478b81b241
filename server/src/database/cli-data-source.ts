/**
 * The DataSource the TypeORM CLI uses (scripts/migration-generate.js runs it from dist/).
 * DATABASE_URL selects the database exactly as for the server.
 */
import { DataSource } from 'typeorm';
import { parseConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource({ ...dataSourceOptions(parseConfig(process.env).databaseUrl), migrationsRun: false });
