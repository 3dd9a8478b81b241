import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InboxCounts, Page, RequestSummary, RoomOption, RoomResidentOption } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import { RequestListsService } from '../requests/request-lists.service';
import { RoomResidentsService } from '../requests/room-residents.service';
import type { User } from '../users/user.entity';
import { InboxQueryDto, StaffRoomsQueryDto } from './staff.dto';
import { StaffRoomsService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Requires(Permission.StaffInbox)
@Controller(apiPath('staff'))
export class StaffController {
  constructor(
    private readonly lists: RequestListsService,
    private readonly rooms: StaffRoomsService,
    private readonly residents: RoomResidentsService,
  ) {}

  @Get('inbox')
  inbox(@CurrentUser() user: User, @Query() query: InboxQueryDto): Promise<Page<RequestSummary>> {
    return this.lists.inbox(user, query);
  }

  @Get('inbox/counts')
  counts(@CurrentUser() user: User): Promise<InboxCounts> {
    return this.lists.inboxCounts(user);
  }

  @Get('rooms')
  @Requires(Permission.StaffRooms)
  roomsInScope(@CurrentUser() user: User, @Query() query: StaffRoomsQueryDto): Promise<RoomOption[]> {
    return this.rooms.roomsInScope(user, query);
  }

  /** 代居民登记: the registered members of a room's household (masked), to pick whom an item is for. */
  @Get('rooms/:roomId/residents')
  @Requires(Permission.StaffRooms)
  roomResidents(@CurrentUser() user: User, @Param('roomId', IdPipe) roomId: number): Promise<RoomResidentOption[]> {
    return this.residents.list(user, roomId);
  }
}
