import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, ProjectCloseResponse, ProjectDetail, ProjectOwnerOption, ProjectSummary, ReviewAgenda, ReviewSettings } from '@gezhi/shared';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser, StaffOnly } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { AgendaService } from './agenda.service';
import { AgendaQueryDto, CloseProjectDto, CommunityQueryDto, CreateProjectDto, ProjectNoteDto, ProjectQueryDto, PutReviewSettingsDto } from './dto/review.dto';
import { ProjectsService } from './projects.service';
import { ReviewSettingsService } from './review-settings.service';

/** 居民问需会: the agenda, the cadence settings and the project service list (项目服务清单). Staff only. */
@ApiTags('review')
@ApiBearerAuth()
@StaffOnly()
@Controller(apiPath('review'))
export class ReviewController {
  constructor(
    private readonly agendas: AgendaService,
    private readonly settings: ReviewSettingsService,
    private readonly projects: ProjectsService,
  ) {}

  @Get('agenda')
  agenda(@CurrentUser() user: User, @Query() query: AgendaQueryDto): Promise<ReviewAgenda> {
    return this.agendas.agenda(user, query);
  }

  @Get('settings')
  getSettings(@CurrentUser() user: User, @Query() query: CommunityQueryDto): Promise<ReviewSettings> {
    return this.settings.get(user, query.communityId);
  }

  @Put('settings')
  putSettings(@CurrentUser() user: User, @Body() body: PutReviewSettingsDto): Promise<ReviewSettings> {
    return this.settings.put(user, body);
  }

  @Get('owners')
  owners(@CurrentUser() user: User, @Query() query: CommunityQueryDto): Promise<ProjectOwnerOption[]> {
    return this.projects.owners(user, query.communityId);
  }

  @Post('projects')
  @HttpCode(201)
  createProject(@CurrentUser() user: User, @Body() body: CreateProjectDto): Promise<ProjectDetail> {
    return this.projects.create(user, body);
  }

  @Get('projects')
  listProjects(@CurrentUser() user: User, @Query() query: ProjectQueryDto): Promise<Page<ProjectSummary>> {
    return this.projects.list(user, query);
  }

  @Get('projects/:id')
  project(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<ProjectDetail> {
    return this.projects.detail(user, id);
  }

  @Post('projects/:id/progress')
  @HttpCode(200)
  progress(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: ProjectNoteDto): Promise<ProjectDetail> {
    return this.projects.addProgress(user, id, body);
  }

  @Post('projects/:id/close')
  @HttpCode(200)
  close(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: CloseProjectDto): Promise<ProjectCloseResponse> {
    return this.projects.close(user, id, body);
  }
}
