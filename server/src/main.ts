import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startServer } from './boot';
import { ConfigError, parseConfig, SERVER_ROOT } from './config/app-config';

async function bootstrap(): Promise<void> {
  const envFile = path.join(SERVER_ROOT, '.env');
  // Node ≥ 20.12 reads a .env file natively (the @types/node pinned here predates the declaration)
  if (fs.existsSync(envFile)) (process as unknown as { loadEnvFile(file: string): void }).loadEnvFile(envFile);
  const logger = new Logger('Boot');
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // waits for the database (answering 503 meanwhile) instead of exiting when it is down at start-up
  await startServer(config).ready;
  logger.log(`格治 Gezhi API on http://localhost:${config.port} (docs ${config.docsEnabled ? 'at /docs' : 'off'}, database ${config.databaseUrl.split(':')[0]}, dev login ${config.devLogin ? 'on' : 'off'})`);
}

void bootstrap();
