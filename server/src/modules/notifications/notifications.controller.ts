import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationView, Page, UnreadCount } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { PageQueryDto } from '../../common/http/pagination';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Requires(Permission.NotificationsRead)
@Controller(apiPath('notifications'))
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: User, @Query() query: PageQueryDto): Promise<Page<NotificationView>> {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  unreadCount(@CurrentUser() user: User): Promise<UnreadCount> {
    return this.notifications.unreadCount(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<NotificationView> {
    return this.notifications.markRead(user, id);
  }
}
