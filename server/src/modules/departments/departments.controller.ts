import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DepartmentView, RoutingRuleView, WhistleSettings } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { DepartmentsService } from './departments.service';
import { PutRoutingRulesDto, WhistleSettingsDto } from './dto/departments.dto';

@ApiTags('departments')
@ApiBearerAuth()
@Requires(Permission.DepartmentList)
@Controller(apiPath('departments'))
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  /** The departments of the caller's street (staff) or of their department's street (liaisons). */
  @Get()
  list(@CurrentUser() user: User): Promise<DepartmentView[]> {
    return this.departments.listFor(user);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Requires(Permission.StreetAdmin)
@Controller(apiPath('admin'))
export class DepartmentsAdminController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get('routing-rules')
  routingRules(@CurrentUser() user: User): Promise<RoutingRuleView[]> {
    return this.departments.routingRules(user);
  }

  @Put('routing-rules')
  replaceRoutingRules(@CurrentUser() user: User, @Body() body: PutRoutingRulesDto): Promise<RoutingRuleView[]> {
    return this.departments.replaceRoutingRules(user, body);
  }

  @Get('whistle-settings')
  whistleSettings(@CurrentUser() user: User): Promise<WhistleSettings> {
    return this.departments.whistleSettings(user);
  }

  @Put('whistle-settings')
  updateWhistleSettings(@CurrentUser() user: User, @Body() body: WhistleSettingsDto): Promise<WhistleSettings> {
    return this.departments.updateWhistleSettings(user, body);
  }
}
