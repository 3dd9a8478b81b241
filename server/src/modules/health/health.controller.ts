import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse, LivenessResponse } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { DatabaseAvailability } from '../../database/database-availability';
import { Public } from '../auth/auth.decorators';

const VERSION: string = require('../../../package.json').version;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: DatabaseAvailability,
  ) {}

  /** Readiness (kept at /health for existing probes): a round trip to the database, 503 DATABASE_UNAVAILABLE within the statement timeout. */
  @Get()
  @ApiOperation({ summary: 'Readiness: the database answers (503 DATABASE_UNAVAILABLE otherwise); same as /health/ready' })
  health(): Promise<HealthResponse> {
    return this.ready();
  }

  /** Liveness: the process is up and serving (never touches the database). */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up (does not touch the database)' })
  live(): LivenessResponse {
    return { status: 'ok', version: VERSION };
  }

  /** Readiness: the database answers. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers (503 DATABASE_UNAVAILABLE otherwise)' })
  async ready(): Promise<HealthResponse> {
    await this.database.ready();
    return { status: 'ok', database: this.dataSource.options.type, version: VERSION };
  }
}
