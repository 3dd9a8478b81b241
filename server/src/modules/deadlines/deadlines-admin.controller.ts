import { Body, Controller, Get, Param, Put, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CalendarYear, DeadlinePolicyTable, ErrorCode, Role } from '@gezhi/shared';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { ROLE_REQUIREMENT, RoleRequirement } from '../auth/auth.decorators';
import { CalendarYearBodyDto, DeadlinePolicyTableDto } from './deadlines-admin.dto';
import { DeadlinesAdminService } from './deadlines-admin.service';

/** Street officers only; anyone else gets 403 FORBIDDEN. */
export const StreetOfficerOnly = () =>
  SetMetadata(ROLE_REQUIREMENT, { roles: [Role.StreetOfficer], refusal: ErrorCode.Forbidden } satisfies RoleRequirement);

@ApiTags('admin')
@ApiBearerAuth()
@StreetOfficerOnly()
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
