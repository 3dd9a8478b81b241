import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequestCategory, RequestDetail, SERVICE_ASK_CATEGORY, Urgency } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from '../auth/auth.decorators';
import { RequestFilingService } from '../requests/request-filing.service';
import type { User } from '../users/user.entity';
import { ServiceAskDto } from './dto/service-ask.dto';

/** 「没有找到想要的服务？」: an unmet need becomes a request in 民生服务, filed and routed like any other. */
@ApiTags('services')
@ApiBearerAuth()
@Controller(apiPath('services/asks'))
export class ServiceAsksController {
  constructor(private readonly filing: RequestFilingService) {}

  /** 201 RequestDetail (LIVELIHOOD / OTHER_SERVICE, routed to the grid of the bound home; 409 HOME_NOT_BOUND) */
  @Post()
  @HttpCode(201)
  @Requires(Permission.ServiceAsk)
  ask(@CurrentUser() user: User, @Body() body: ServiceAskDto): Promise<RequestDetail> {
    return this.filing.file(user, {
      category: SERVICE_ASK_CATEGORY.category as RequestCategory,
      subcategory: SERVICE_ASK_CATEGORY.subcategory,
      description: body.description,
      urgency: Urgency.Normal,
      showNamePublicly: body.showNamePublicly ?? false,
    });
  }
}
