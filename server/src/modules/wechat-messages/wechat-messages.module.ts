import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxSender } from './outbox-sender';
import { OutboxWriter } from './outbox-writer';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';
import { WechatMessageClient } from './wechat-message-client';
import { WechatOutboxMessage, WechatSubscription } from './wechat-messages.entities';

/** WeChat subscribe messages: opt-in counting, the outbox (written by NotificationsService.deliver) and its sender. */
@Module({
  imports: [TypeOrmModule.forFeature([WechatSubscription, WechatOutboxMessage])],
  controllers: [SubscriptionsController],
  providers: [SubscriptionsService, OutboxWriter, OutboxSender, WechatMessageClient],
  exports: [OutboxWriter, OutboxSender],
})
export class WechatMessagesModule {}
