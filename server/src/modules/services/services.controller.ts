import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CoordinatorOption, RecurrenceRuleView, ServiceOfferingView, SlotView } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { CreateServiceDto, CreateSlotDto, RecurrenceRuleDto, SlotRangeQueryDto, UpdateServiceDto, UpdateSlotDto } from './dto/service.dto';
import { ServiceCatalogueService } from './service-catalogue.service';
import { ServiceSlotsService } from './service-slots.service';

@ApiTags('services')
@ApiBearerAuth()
@Requires(Permission.CatalogueMaintain)
@Controller(apiPath('services'))
export class ServicesController {
  constructor(
    private readonly catalogue: ServiceCatalogueService,
    private readonly slotService: ServiceSlotsService,
  ) {}

  /** the catalogue of the caller's community (a resident's bound home's; 409 HOME_NOT_BOUND without one) */
  @Get()
  @Requires(Permission.CatalogueView)
  list(@CurrentUser() user: User): Promise<ServiceOfferingView[]> {
    return this.catalogue.list(user);
  }

  /** community officers: a new service in their community */
  @Post()
  @HttpCode(201)
  create(@CurrentUser() user: User, @Body() body: CreateServiceDto): Promise<ServiceOfferingView> {
    return this.catalogue.create(user, body);
  }

  /** community officers: the grid leaders and community officers who may coordinate volunteer / partner visits */
  @Get('coordinators')
  coordinators(@CurrentUser() user: User): Promise<CoordinatorOption[]> {
    return this.catalogue.coordinators(user);
  }

  @Get(':id')
  @Requires(Permission.CatalogueView)
  detail(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<ServiceOfferingView> {
    return this.catalogue.detail(user, id);
  }

  @Put(':id')
  update(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: UpdateServiceDto): Promise<ServiceOfferingView> {
    return this.catalogue.update(user, id, body);
  }

  /** slots starting in [from, to) with their free places */
  @Get(':id/slots')
  @Requires(Permission.CatalogueView)
  slots(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Query() query: SlotRangeQueryDto): Promise<SlotView[]> {
    return this.slotService.list(user, id, query);
  }

  /** community officers: a one-off slot */
  @Post(':id/slots')
  @HttpCode(201)
  createSlot(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: CreateSlotDto): Promise<SlotView> {
    return this.slotService.createSlot(user, id, body);
  }

  /** community officers: a slot's capacity, never below the places booked (409 CAPACITY_BELOW_BOOKED) */
  @Put(':id/slots/:slotId')
  updateSlot(
    @CurrentUser() user: User,
    @Param('id', IdPipe) id: number,
    @Param('slotId', IdPipe) slotId: number,
    @Body() body: UpdateSlotDto,
  ): Promise<SlotView> {
    return this.slotService.updateSlot(user, id, slotId, body);
  }

  /** community officers: removes a slot nobody holds a place in (409 SLOT_HAS_BOOKINGS); answers the removed slot */
  @Delete(':id/slots/:slotId')
  @HttpCode(200)
  deleteSlot(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Param('slotId', IdPipe) slotId: number): Promise<SlotView> {
    return this.slotService.deleteSlot(user, id, slotId);
  }

  /** community officers: the service's recurring rules */
  @Get(':id/recurrences')
  rules(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<RecurrenceRuleView[]> {
    return this.slotService.listRules(user, id);
  }

  /** community officers: a recurring rule (monthly days or weekly weekdays); its slots are created a year ahead */
  @Post(':id/recurrences')
  @HttpCode(201)
  createRule(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: RecurrenceRuleDto): Promise<RecurrenceRuleView> {
    return this.slotService.createRule(user, id, body);
  }
}
