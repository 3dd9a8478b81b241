import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { LIMITS, SubscribeResult, SubscriptionReportBody, SubscriptionsView } from '@gezhi/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { SubscriptionsService } from './subscriptions.service';

export class SubscriptionReportDto implements SubscriptionReportBody {
  @ApiProperty({ type: [String], maxItems: LIMITS.subscribeTemplatesPerPrompt, description: 'the tmplIds passed to wx.requestSubscribeMessage' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.subscribeTemplatesPerPrompt)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  templateIds: string[];

  @ApiPropertyOptional({
    description: "what wx.requestSubscribeMessage answered, template id → 'accept' | 'reject' | 'ban' | 'filter' (other keys ignored)",
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  results?: Record<string, SubscribeResult | string>;
}

/** One-time subscribe-message opt-ins of the signed-in user. */
@ApiTags('me')
@ApiBearerAuth()
@Requires(Permission.AccountRead)
@Controller(apiPath('me/subscriptions'))
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  view(@CurrentUser() user: User): Promise<SubscriptionsView> {
    return this.subscriptions.view(user);
  }

  @Post()
  @HttpCode(200)
  report(@CurrentUser() user: User, @Body() body: SubscriptionReportDto): Promise<SubscriptionsView> {
    return this.subscriptions.report(user, body);
  }
}
