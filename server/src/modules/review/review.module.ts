import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '../geo/geo.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MetricsService } from '../metrics/metrics.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { RequestsModule } from '../requests/requests.module';
import { AgendaService } from './agenda.service';
import { ProjectCountsService } from './project-counts.service';
import { ProjectsService } from './projects.service';
import { ReviewController } from './review.controller';
import { ReviewProjectEntity, ReviewProjectEventEntity, ReviewProjectItemEntity, ReviewSettingsEntity } from './review.entities';
import { ReviewSettingsService } from './review-settings.service';

/** 居民问需会 (docs/review.md): agenda, settings, the project service list; ProjectCountsService feeds the metrics. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReviewSettingsEntity, ReviewProjectEntity, ReviewProjectItemEntity, ReviewProjectEventEntity]),
    GeoModule,
    NotificationsModule,
    MetricsModule,
    // closing a project resolves its linked requests through RequestTransitionsService
    RequestsModule,
  ],
  controllers: [ReviewController],
  providers: [ReviewSettingsService, AgendaService, ProjectsService, ProjectCountsService],
  exports: [ProjectCountsService, ProjectsService],
})
export class ReviewModule implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly projectCounts: ProjectCountsService,
  ) {}

  /** MetricsView.projects (opened, closed, closedOnTime) comes from the project service list. */
  onModuleInit(): void {
    this.metrics.useProjectSource(this.projectCounts);
  }
}
