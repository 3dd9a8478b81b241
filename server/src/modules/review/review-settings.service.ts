import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, FieldErrorCode, ReviewSettings } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { ReviewConfig } from './review.config';
import { isUniqueViolation } from '../../database/unique-violations';
import { Community } from '../geo/geo.entities';
import type { User } from '../users/user.entity';
import { communityIdFor, ReviewScope } from './domain/review-access';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { meetingDaysProblem } from './domain/review-period';
import { PutReviewSettingsDto } from './dto/review.dto';
import { ReviewSettingsEntity } from './review.entities';

const MEETING_DAY_PROBLEMS: Record<NonNullable<ReturnType<typeof meetingDaysProblem>>, FieldErrorCode> = {
  REQUIRED: FieldErrorCode.Required,
  OUT_OF_RANGE: FieldErrorCode.OutOfRange,
  DUPLICATE: FieldErrorCode.Duplicate,
  TOO_MANY: FieldErrorCode.TooMany,
};

/**
 * A community's 问需会 cadence and recurrence threshold: its own row in review_settings, or the server's defaults
 * (REVIEW_MEETING_DAYS, REVIEW_RECURRENCE_MIN, REVIEW_RECURRENCE_WINDOW_DAYS). Also resolves the caller's review
 * scope over a community (review-access.ts), which every 问需会 route starts with.
 */
/** The review permissions decided on a community (the rest are decided on a project). */
export type ReviewCommunityPermission =
  | Permission.ReviewAgenda
  | Permission.ReviewSettingsView
  | Permission.ReviewSettingsEdit
  | Permission.ReviewOwners
  | Permission.ReviewProjectCreate
  | Permission.ReviewProjectList;

@Injectable()
export class ReviewSettingsService {
  constructor(
    @InjectRepository(ReviewSettingsEntity) private readonly settings: Repository<ReviewSettingsEntity>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    private readonly config: ReviewConfig,
    private readonly clock: Clock,
  ) {}

  /** The caller's scope over the community they name (or their own), by the permission's rule (requireAccess). */
  async scopeFor(viewer: User, requestedCommunityId: number | undefined, permission: ReviewCommunityPermission): Promise<ReviewScope & { communityName: string }> {
    const communityId = communityIdFor(viewer, requestedCommunityId);
    const community = await this.communities.findOneBy({ id: communityId });
    return { ...requireAccess(viewer, permission, { community }), communityName: community?.name ?? '' };
  }

  async settingsOf(communityId: number): Promise<ReviewSettings> {
    const row = await this.settings.findOneBy({ communityId });
    if (row) {
      return {
        communityId,
        meetingDays: [...row.meetingDays].sort((a, b) => a - b),
        recurrenceMinCount: row.recurrenceMinCount,
        recurrenceWindowDays: row.recurrenceWindowDays,
        source: 'COMMUNITY',
        version: row.version,
      };
    }
    const defaults = this.config;
    return {
      communityId,
      meetingDays: [...defaults.meetingDays],
      recurrenceMinCount: defaults.recurrenceMinCount,
      recurrenceWindowDays: defaults.recurrenceWindowDays,
      source: 'DEFAULT',
      version: 0,
    };
  }

  async get(viewer: User, communityId: number | undefined): Promise<ReviewSettings> {
    const scope = await this.scopeFor(viewer, communityId, Permission.ReviewSettingsView);
    return this.settingsOf(scope.communityId);
  }

  /** Community and street officers over the community; `version` must be the one read (0: still the defaults). */
  async put(viewer: User, body: PutReviewSettingsDto): Promise<ReviewSettings> {
    const scope = await this.scopeFor(viewer, body.communityId, Permission.ReviewSettingsEdit);
    const problem = meetingDaysProblem(body.meetingDays);
    if (problem) throw DomainError.validation({ meetingDays: MEETING_DAY_PROBLEMS[problem] });
    const values = {
      meetingDays: [...body.meetingDays].sort((a, b) => a - b),
      recurrenceMinCount: body.recurrenceMinCount,
      updatedByUserId: viewer.id,
      updatedAt: this.clock.now(),
    };
    if (body.version === 0) {
      // version 0 means "still the defaults": the community's own settings exist already
      if (await this.settings.existsBy({ communityId: scope.communityId })) throw new DomainError(ErrorCode.ConcurrentModification);
      try {
        await this.settings.insert({
          communityId: scope.communityId,
          ...values,
          recurrenceWindowDays: this.config.recurrenceWindowDays,
          version: 1,
        });
      } catch (error) {
        // someone saved the community's first settings meanwhile
        if (isUniqueViolation(error)) throw new DomainError(ErrorCode.ConcurrentModification);
        throw error;
      }
    } else {
      const result = await this.settings
        .createQueryBuilder()
        .update(ReviewSettingsEntity)
        .set({ ...values, version: body.version + 1 })
        .where('communityId = :communityId AND version = :version', { communityId: scope.communityId, version: body.version })
        .execute();
      if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
    }
    return this.settingsOf(scope.communityId);
  }
}
