import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ProviderVisitView, VisitAction } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { CompleteVisitDto, CustodyStepDto, VisitPlanQueryDto } from './dto/booking.dto';
import { ProviderVisitsService } from './provider-visits.service';

/**
 * The provider day plan: grid leaders (their grid's GRID_STAFF visits) and coordinators of volunteer / partner
 * services (grid leaders and community officers); visits ordered by time with the address, and what happens at each.
 */
@ApiTags('bookings')
@ApiBearerAuth()
@Requires(Permission.ProviderVisits)
@Controller(apiPath('provider/visits'))
export class ProviderVisitsController {
  constructor(private readonly visits: ProviderVisitsService) {}

  /** the caller's visits on `day` (+ `days` − 1); 403 FORBIDDEN for street officers */
  @Get()
  plan(@CurrentUser() user: User, @Query() query: VisitPlanQueryDto): Promise<ProviderVisitView[]> {
    return this.visits.plan(user, query);
  }

  /** one visit the caller provides (404 NOT_FOUND otherwise) */
  @Get(':bookingId')
  detail(@CurrentUser() user: User, @Param('bookingId', IdPipe) id: number): Promise<ProviderVisitView> {
    return this.visits.detail(user, id);
  }

  @Post(':bookingId/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() user: User, @Param('bookingId', IdPipe) id: number): Promise<ProviderVisitView> {
    return this.visits.act(user, id, VisitAction.Confirm);
  }

  @Post(':bookingId/arrive')
  @HttpCode(200)
  arrive(@CurrentUser() user: User, @Param('bookingId', IdPipe) id: number): Promise<ProviderVisitView> {
    return this.visits.act(user, id, VisitAction.Arrive);
  }

  @Post(':bookingId/complete')
  @HttpCode(200)
  complete(@CurrentUser() user: User, @Param('bookingId', IdPipe) id: number, @Body() body: CompleteVisitDto): Promise<ProviderVisitView> {
    return this.visits.act(user, id, VisitAction.Complete, body);
  }

  /** only once the slot has started (409 ILLEGAL_TRANSITION before) */
  @Post(':bookingId/no-show')
  @HttpCode(200)
  noShow(@CurrentUser() user: User, @Param('bookingId', IdPipe) id: number): Promise<ProviderVisitView> {
    return this.visits.act(user, id, VisitAction.NoShow);
  }

  /** 代办: the next custody step (documents received → submitted to an office → returned); the resident sees it */
  @Post(':bookingId/custody')
  @HttpCode(200)
  custody(@CurrentUser() user: User, @Param('bookingId', IdPipe) id: number, @Body() body: CustodyStepDto): Promise<ProviderVisitView> {
    return this.visits.recordCustody(user, id, body);
  }
}
