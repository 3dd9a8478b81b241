import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { WechatConfig } from './wechat.config';
import { insertRow } from '../../database/insert-row';
import { formatSerial } from '../requests/domain/request-presentation';
import { User } from '../users/user.entity';
import { MessageNotice, messagePage, templateData, templatePurposeOf } from './domain/message-content';
import { OutboxState } from './domain/outbox-state';
import { WechatOutboxMessage, WechatSubscription } from './wechat-messages.entities';

/**
 * Queues WeChat subscribe messages for notices, inside the caller's transaction (NotificationsService.deliver).
 * Per notice whose kind has a configured template: one conditional UPDATE that takes an opt-in by primary
 * key, and an outbox INSERT only when it took one. With no template configured it does nothing at all.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly config: WechatConfig,
    private readonly clock: Clock,
  ) {}

  /** true when some template is configured (otherwise WeChat messages are off and notices stay in-app) */
  get enabled(): boolean {
    const { REQUEST_UPDATE, NEW_ASSIGNMENT } = this.config.templates;
    return REQUEST_UPDATE !== null || NEW_ASSIGNMENT !== null;
  }

  async enqueue(manager: EntityManager, notices: readonly MessageNotice[], at: Date): Promise<void> {
    for (const notice of notices) {
      const purpose = templatePurposeOf(notice.kind);
      const template = purpose ? this.config.templates[purpose] : null;
      if (!purpose || !template) continue;
      if (!(await this.takeOptIn(manager, notice.userId, template.templateId, at))) continue;
      const recipient = await manager.findOne(User, { select: { id: true, role: true }, where: { id: notice.userId } });
      await insertRow(manager, WechatOutboxMessage, {
        userId: notice.userId,
        templateId: template.templateId,
        kind: notice.kind,
        requestId: notice.requestId,
        page: messagePage(purpose, notice.requestId, recipient?.role),
        data: templateData(template, notice, notice.requestId === null ? '' : formatSerial(notice.requestId), at),
        state: OutboxState.Pending,
        attempts: 0,
        // due at once, on the clock the sender reads (`at` is the hand-off's own time)
        nextAttemptAt: this.clock.now(),
        claimedBy: null,
        claimedAt: null,
        lastError: null,
        sentAt: null,
        createdAt: at,
        version: 1,
      });
    }
  }

  /** Takes one opt-in if there is one left; the WHERE makes it impossible to go below zero or queue without one. */
  private async takeOptIn(manager: EntityManager, userId: number, templateId: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WechatSubscription)
      .set({ remaining: () => 'remaining - 1', updatedAt: at })
      .where('userId = :userId AND templateId = :templateId AND remaining > 0', { userId, templateId })
      .execute();
    return result.affected === 1;
  }
}
