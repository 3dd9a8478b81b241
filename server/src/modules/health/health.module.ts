import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** GET /health: readiness, a round trip to the database (503 DATABASE_UNAVAILABLE otherwise). */
@Module({ controllers: [HealthController] })
export class HealthModule {}
