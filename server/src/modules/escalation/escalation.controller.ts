import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ExtensionView, RequestDetail } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { EscalateDto, ExtensionDecisionDto, ExtensionRequestDto } from './escalation.dto';
import { EscalationService } from './escalation.service';
import { ExtensionsService } from './extensions.service';

@ApiTags('escalation')
@ApiBearerAuth()
@Controller(apiPath('requests'))
export class EscalationController {
  constructor(
    private readonly escalation: EscalationService,
    private readonly extensions: ExtensionsService,
  ) {}

  /** 上报 one level up (grid → community → street), with a reason. */
  @Post(':id/escalate')
  @Requires(Permission.RequestEscalate)
  @HttpCode(200)
  escalate(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: EscalateDto): Promise<RequestDetail> {
    return this.escalation.escalate(user, id, body.reason);
  }

  /** 延期申请 by the holder; the level above decides. */
  @Post(':id/extensions')
  @Requires(Permission.ExtensionAsk)
  @HttpCode(201)
  askExtension(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ExtensionRequestDto): Promise<ExtensionView> {
    return this.extensions.ask(user, id, body);
  }

  @Get(':id/extensions')
  @Requires(Permission.ExtensionList)
  extensionsOf(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<ExtensionView[]> {
    return this.extensions.listFor(user, id);
  }
}

@ApiTags('escalation')
@ApiBearerAuth()
@Requires(Permission.ExtensionDecide)
@Controller(apiPath('extensions'))
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsService) {}

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ExtensionDecisionDto): Promise<ExtensionView> {
    return this.extensions.approve(user, id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ExtensionDecisionDto): Promise<ExtensionView> {
    return this.extensions.reject(user, id, body);
  }
}
