import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, RequestDetail, ReturnVisitCallView, ReturnVisitItem } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { PageQueryDto } from '../../common/http/pagination';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { ReturnVisitRateDto, ReturnVisitUnreachableDto } from './return-visits.dto';
import { ReturnVisitsService } from './return-visits.service';

/** 待回访: GET /api/staff/return-visits */
@ApiTags('return-visits')
@ApiBearerAuth()
@Requires(Permission.ReturnVisit)
@Controller(apiPath('staff/return-visits'))
export class ReturnVisitsListController {
  constructor(private readonly returnVisits: ReturnVisitsService) {}

  @Get()
  list(@CurrentUser() user: User, @Query() query: PageQueryDto): Promise<Page<ReturnVisitItem>> {
    return this.returnVisits.list(user, query);
  }
}

/** 电话回访 of one request: the number to dial, the ratings given on the phone, or 联系不上. */
@ApiTags('return-visits')
@ApiBearerAuth()
@Requires(Permission.ReturnVisit)
@Controller(apiPath('requests'))
export class ReturnVisitsController {
  constructor(private readonly returnVisits: ReturnVisitsService) {}

  @Post(':id/return-visit/call')
  @HttpCode(200)
  call(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<ReturnVisitCallView> {
    return this.returnVisits.call(user, id);
  }

  @Post(':id/return-visit')
  @HttpCode(200)
  rate(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ReturnVisitRateDto): Promise<RequestDetail> {
    return this.returnVisits.rate(user, id, body);
  }

  @Post(':id/return-visit/unreachable')
  @HttpCode(200)
  unreachable(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ReturnVisitUnreachableDto): Promise<RequestDetail> {
    return this.returnVisits.unreachable(user, id, body);
  }
}
