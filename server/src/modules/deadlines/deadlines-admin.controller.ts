import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarYear, DeadlinePolicyTable } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CalendarYearBodyDto, DeadlinePolicyTableDto } from './deadlines-admin.dto';
import { DeadlinesAdminService } from './deadlines-admin.service';

@ApiTags('admin')
@ApiBearerAuth()
@Requires(Permission.DeadlineAdmin)
@Controller(apiPath('admin'))
export class DeadlinesAdminController {
  constructor(private readonly admin: DeadlinesAdminService) {}

  @Get('deadline-policies')
  policy(): Promise<DeadlinePolicyTable> {
    return this.admin.policy();
  }

  @Put('deadline-policies')
  replacePolicy(@Body() body: DeadlinePolicyTableDto): Promise<DeadlinePolicyTable> {
    return this.admin.replacePolicy(body);
  }

  @Get('calendar/:year')
  calendar(@Param('year', IdPipe) year: number): Promise<CalendarYear> {
    return this.admin.calendar(year);
  }

  @Put('calendar/:year')
  replaceCalendar(@Param('year', IdPipe) year: number, @Body() body: CalendarYearBodyDto): Promise<CalendarYear> {
    return this.admin.replaceCalendar(year, body);
  }
}
