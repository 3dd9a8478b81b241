import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { MetricsReportQueryDto } from './metrics-report.dto';
import { MetricsReportService, XLSX_CONTENT_TYPE } from './metrics-report.service';

/** 月报: the monthly Excel report of a scope (docs/metrics-report.md). */
@ApiTags('metrics')
@ApiBearerAuth()
@Requires(Permission.MetricsReport)
@Controller(apiPath('metrics'))
export class MetricsReportController {
  constructor(private readonly reports: MetricsReportService) {}

  @Get('report.xlsx')
  @ApiOperation({ summary: '月报（Excel）：本单位及下级单位各一张表，另附诉求明细' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'an .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  async report(@CurrentUser() user: User, @Query() query: MetricsReportQueryDto): Promise<StreamableFile> {
    const file = await this.reports.report(user, query);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.contentDisposition, length: file.body.length });
  }
}
