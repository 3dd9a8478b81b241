import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatMessagesModule } from '../wechat-messages/wechat-messages.module';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notices (消息) of requests and bookings; each also queues its WeChat subscribe message. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), WechatMessagesModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
