import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, RequestDetail, RequestSummary } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { PageQueryDto } from '../../common/http/pagination';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { CreateRequestDto, NoteDto, RateDto, RejectDto, ResolveDto } from './dto/request.dto';
import { RequestFilingService } from './request-filing.service';
import { RequestListsService } from './request-lists.service';
import { RequestTransitionsService } from './request-transitions.service';
import { RequestViews } from './request-views.service';

@ApiTags('requests')
@ApiBearerAuth()
@Requires(Permission.RequestTransition)
@Controller(apiPath('requests'))
export class RequestsController {
  constructor(
    private readonly filing: RequestFilingService,
    private readonly transitions: RequestTransitionsService,
    private readonly views: RequestViews,
    private readonly lists: RequestListsService,
  ) {}

  @Post()
  @Requires(Permission.RequestFile)
  @HttpCode(201)
  file(@CurrentUser() user: User, @Body() body: CreateRequestDto): Promise<RequestDetail> {
    return this.filing.file(user, body);
  }

  @Get('mine')
  @Requires(Permission.RequestListOwn)
  mine(@CurrentUser() user: User, @Query() query: PageQueryDto): Promise<Page<RequestSummary>> {
    return this.lists.mine(user, query);
  }

  @Get(':id')
  @Requires(Permission.RequestView)
  detail(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<RequestDetail> {
    return this.views.detailById(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<RequestDetail> {
    return this.transitions.accept(user, id);
  }

  @Post(':id/progress')
  @HttpCode(200)
  progress(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: NoteDto): Promise<RequestDetail> {
    return this.transitions.addProgress(user, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ResolveDto): Promise<RequestDetail> {
    return this.transitions.resolve(user, id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: RejectDto): Promise<RequestDetail> {
    return this.transitions.reject(user, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<RequestDetail> {
    return this.transitions.cancel(user, id);
  }

  @Post(':id/rate')
  @HttpCode(200)
  rate(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: RateDto): Promise<RequestDetail> {
    return this.transitions.rate(user, id, body);
  }
}
