import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, FieldErrorCode, SubscribeTemplatePurpose, SubscriptionReportBody, SubscriptionsView } from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { WechatConfig } from './wechat.config';
import { User } from '../users/user.entity';
import { WechatSubscription } from './wechat-messages.entities';

/** Counts one-time subscribe-message opt-ins per user and template (the mini-program reports every 'accept'). */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly config: WechatConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async view(user: User): Promise<SubscriptionsView> {
    const templates = this.configuredTemplates();
    const rows = templates.length
      ? await this.dataSource.getRepository(WechatSubscription).findBy({ userId: user.id, templateId: In(templates.map((t) => t.templateId)) })
      : [];
    const remaining = new Map(rows.map((row) => [row.templateId, row.remaining]));
    return { templates: templates.map((t) => ({ ...t, remaining: remaining.get(t.templateId) ?? 0 })) };
  }

  /** Adds one opt-in per accepted template id. Unknown template ids are a 400; a user without WeChat identity a 409. */
  async report(user: User, body: SubscriptionReportBody): Promise<SubscriptionsView> {
    const known = new Set(this.configuredTemplates().map((t) => t.templateId));
    if (body.templateIds.some((id) => !known.has(id))) throw DomainError.validation({ templateIds: FieldErrorCode.InvalidEnum });
    const accepted = [...new Set(body.templateIds)].filter((id) => !body.results || body.results[id] === 'accept');
    if (accepted.length > 0) {
      // read from the database, not the briefly cached signed-in user: a binding may have just happened
      const current = await this.dataSource.getRepository(User).findOne({ select: { id: true, openid: true }, where: { id: user.id } });
      if (!current?.openid) throw new DomainError(ErrorCode.WechatNotBound);
      for (const templateId of accepted) await this.addOptIn(user.id, templateId);
    }
    return this.view(user);
  }

  private configuredTemplates(): { purpose: SubscribeTemplatePurpose; templateId: string }[] {
    return (Object.entries(this.config.templates) as [SubscribeTemplatePurpose, { templateId: string } | null][])
      .filter((entry): entry is [SubscribeTemplatePurpose, { templateId: string }] => entry[1] !== null)
      .map(([purpose, template]) => ({ purpose, templateId: template.templateId }));
  }

  /** remaining + 1, creating the row on the first opt-in (a concurrent first insert falls back to the update). */
  private async addOptIn(userId: number, templateId: string): Promise<void> {
    const repository = this.dataSource.getRepository(WechatSubscription);
    const now = this.clock.now();
    const increment = () =>
      repository
        .createQueryBuilder()
        .update(WechatSubscription)
        .set({ remaining: () => 'remaining + 1', updatedAt: now })
        .where('userId = :userId AND templateId = :templateId', { userId, templateId })
        .execute();
    if ((await increment()).affected === 1) return;
    try {
      await repository.insert({ userId, templateId, remaining: 1, updatedAt: now });
    } catch (error) {
      if ((await increment()).affected !== 1) throw error;
    }
  }
}
