import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, ProjectCloseResponse, ProjectDetail, ProjectOwnerOption, ProjectSummary, ReviewAgenda, ReviewSettings } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { AgendaService } from './agenda.service';
import { AgendaQueryDto, CloseProjectDto, CommunityQueryDto, CreateProjectDto, ProjectNoteDto, ProjectQueryDto, PutReviewSettingsDto } from './dto/review.dto';
import { ProjectsService } from './projects.service';
import { ReviewSettingsService } from './review-settings.service';

/** 居民问需会: the agenda, the cadence settings and the project service list (项目服务清单). Staff only. */
@ApiTags('review')
@ApiBearerAuth()
@Controller(apiPath('review'))
export class ReviewController {
  constructor(
    private readonly agendas: AgendaService,
    private readonly settings: ReviewSettingsService,
    private readonly projects: ProjectsService,
  ) {}

  @Get('agenda')
  @Requires(Permission.ReviewAgenda)
  agenda(@CurrentUser() user: User, @Query() query: AgendaQueryDto): Promise<ReviewAgenda> {
    return this.agendas.agenda(user, query);
  }

  @Get('settings')
  @Requires(Permission.ReviewSettingsView)
  getSettings(@CurrentUser() user: User, @Query() query: CommunityQueryDto): Promise<ReviewSettings> {
    return this.settings.get(user, query.communityId);
  }

  @Put('settings')
  @Requires(Permission.ReviewSettingsEdit)
  putSettings(@CurrentUser() user: User, @Body() body: PutReviewSettingsDto): Promise<ReviewSettings> {
    return this.settings.put(user, body);
  }

  @Get('owners')
  @Requires(Permission.ReviewOwners)
  owners(@CurrentUser() user: User, @Query() query: CommunityQueryDto): Promise<ProjectOwnerOption[]> {
    return this.projects.owners(user, query.communityId);
  }

  @Post('projects')
  @Requires(Permission.ReviewProjectCreate)
  @HttpCode(201)
  createProject(@CurrentUser() user: User, @Body() body: CreateProjectDto): Promise<ProjectDetail> {
    return this.projects.create(user, body);
  }

  @Get('projects')
  @Requires(Permission.ReviewProjectList)
  listProjects(@CurrentUser() user: User, @Query() query: ProjectQueryDto): Promise<Page<ProjectSummary>> {
    return this.projects.list(user, query);
  }

  @Get('projects/:id')
  @Requires(Permission.ReviewProjectView)
  project(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<ProjectDetail> {
    return this.projects.detail(user, id);
  }

  @Post('projects/:id/progress')
  @Requires(Permission.ReviewProjectAct)
  @HttpCode(200)
  progress(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ProjectNoteDto): Promise<ProjectDetail> {
    return this.projects.addProgress(user, id, body);
  }

  @Post('projects/:id/close')
  @Requires(Permission.ReviewProjectAct)
  @HttpCode(200)
  close(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: CloseProjectDto): Promise<ProjectCloseResponse> {
    return this.projects.close(user, id, body);
  }
}
