import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, NotificationView, Page, PageQuery, UnreadCount } from '@gezhi/shared';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { pageWindow, toPage } from '../../common/http/pagination';
import type { User } from '../users/user.entity';
import { insertRow, insertRows } from '../../database/insert-row';
import { OutboxWriter } from '../wechat-messages/outbox-writer';
import { Notification } from './notification.entity';
import type { Notice } from './request-notices';

/**
 * The in-app inbox. Notices are written inside the transaction of the change they report. When WeChat
 * subscribe-message templates are configured, the same transaction also queues a WeChat message for each
 * notice whose recipient has a one-time opt-in left (taking it), for the OutboxSender to send afterwards.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly outbox: OutboxWriter,
  ) {}

  async deliver(manager: EntityManager, notices: readonly Notice[], at: Date): Promise<void> {
    if (notices.length === 0) return;
    const rows = notices.map((notice) => ({ ...notice, bookingId: notice.bookingId ?? null, readAt: null, createdAt: at }));
    // one notice (a hand-off) is the hot path; a sweep batch writes hundreds at once
    if (rows.length === 1) await insertRow(manager, Notification, rows[0]);
    else await insertRows(manager, Notification, rows);
    if (this.outbox.enabled) await this.outbox.enqueue(manager, notices, at);
  }

  async list(user: User, query: PageQuery): Promise<Page<NotificationView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.notifications.findAndCount({
      where: { userId: user.id },
      order: { id: 'DESC' },
      skip: window.skip,
      take: window.pageSize,
    });
    return toPage(rows.map(notificationView), total, window);
  }

  async unreadCount(user: User): Promise<UnreadCount> {
    return { unread: await this.notifications.countBy({ userId: user.id, readAt: IsNull() }) };
  }

  async markRead(user: User, id: number): Promise<NotificationView> {
    const notification = await this.notifications.findOneBy({ id, userId: user.id });
    if (!notification) throw new DomainError(ErrorCode.NotFound);
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.update({ id }, { readAt: notification.readAt });
    }
    return notificationView(notification);
  }
}

function notificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    requestId: n.requestId,
    bookingId: n.bookingId,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  };
}
