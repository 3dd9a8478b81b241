import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

const VERSION: string = require('../../../package.json').version;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness plus a round trip to the database. */
  @Get()
  async health(): Promise<HealthResponse> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: this.dataSource.options.type, version: VERSION };
  }
}
