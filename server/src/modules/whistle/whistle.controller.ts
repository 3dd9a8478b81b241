import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LiaisonInboxPage, RequestDetail, WhistleProposal } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import { NoteDto, ResolveDto } from '../requests/dto/request.dto';
import type { User } from '../users/user.entity';
import { LiaisonInboxQueryDto, ReportDto, ReturnDto, WhistleDto } from './dto/whistle.dto';
import { LiaisonInboxService } from './liaison-inbox.service';
import { WhistleService } from './whistle.service';

@ApiTags('whistle')
@ApiBearerAuth()
@Controller(apiPath('requests'))
export class RequestWhistleController {
  constructor(private readonly whistles: WhistleService) {}

  @Get(':id/whistle-proposal')
  @Requires(Permission.WhistlePropose)
  proposal(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<WhistleProposal> {
    return this.whistles.proposal(user, id);
  }

  @Post(':id/whistle')
  @Requires(Permission.Whistle)
  @HttpCode(200)
  whistle(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: WhistleDto): Promise<RequestDetail> {
    return this.whistles.whistle(user, id, body);
  }
}

@ApiTags('whistle')
@ApiBearerAuth()
@Requires(Permission.WhistleAssignmentAct)
@Controller(apiPath('whistles'))
export class WhistleAssignmentsController {
  constructor(private readonly whistles: WhistleService) {}

  @Post(':assignmentId/report')
  @HttpCode(200)
  report(@CurrentUser() user: User, @Param('assignmentId', IdPipe) id: number, @Body() body: ReportDto): Promise<RequestDetail> {
    return this.whistles.report(user, id, body);
  }

  @Post(':assignmentId/progress')
  @HttpCode(200)
  progress(@CurrentUser() user: User, @Param('assignmentId', IdPipe) id: number, @Body() body: NoteDto): Promise<RequestDetail> {
    return this.whistles.progress(user, id, body);
  }

  @Post(':assignmentId/return')
  @HttpCode(200)
  return(@CurrentUser() user: User, @Param('assignmentId', IdPipe) id: number, @Body() body: ReturnDto): Promise<RequestDetail> {
    return this.whistles.return(user, id, body);
  }

  @Post(':assignmentId/resolve')
  @HttpCode(200)
  resolve(@CurrentUser() user: User, @Param('assignmentId', IdPipe) id: number, @Body() body: ResolveDto): Promise<RequestDetail> {
    return this.whistles.resolve(user, id, body);
  }
}

@ApiTags('whistle')
@ApiBearerAuth()
@Requires(Permission.LiaisonInbox)
@Controller(apiPath('liaison'))
export class LiaisonController {
  constructor(private readonly inbox: LiaisonInboxService) {}

  @Get('inbox')
  list(@CurrentUser() user: User, @Query() query: LiaisonInboxQueryDto): Promise<LiaisonInboxPage> {
    return this.inbox.inbox(user, query);
  }
}
