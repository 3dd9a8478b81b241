import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AgendaQuery,
  CloseProjectBody,
  CreateProjectBody,
  ProjectNoteBody,
  ProjectQuery,
  ProjectStatus,
  PutReviewSettingsBody,
  REVIEW_LIMITS,
} from '@gezhi/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination';
import { QueryInt } from '../../../common/http/validation';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CommunityQueryDto {
  @ApiPropertyOptional({ description: 'street officers name the community; others default to their own' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  communityId?: number;
}

export class AgendaQueryDto extends CommunityQueryDto implements AgendaQuery {
  @ApiPropertyOptional({ example: '2026-11-16', description: 'YYYY-MM-DD: the meeting on or after this day (default: the next meeting from today)' })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATE)
  period?: string;

  @ApiPropertyOptional({ description: 'true: also list the entries beyond the agenda\'s cap (rest.groups); default false: only their count (「其余 N 项」)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  all?: boolean;
}

export class PutReviewSettingsDto implements PutReviewSettingsBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number;

  @ApiProperty({ type: [Number], example: [1, 16], description: 'days of the month 1–28, distinct' })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.meetingDaysMax)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(REVIEW_LIMITS.meetingDayMax, { each: true })
  meetingDays: number[];

  @ApiProperty({ minimum: REVIEW_LIMITS.recurrenceMinCountMin, maximum: REVIEW_LIMITS.recurrenceMinCountMax, example: 3 })
  @IsDefined()
  @IsInt()
  @Min(REVIEW_LIMITS.recurrenceMinCountMin)
  @Max(REVIEW_LIMITS.recurrenceMinCountMax)
  recurrenceMinCount: number;

  @ApiProperty({ description: 'the version read (0 while the community uses the defaults)' })
  @IsDefined()
  @IsInt()
  @Min(0)
  version: number;
}

export class CreateProjectDto implements CreateProjectBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number;

  @ApiProperty({ minLength: REVIEW_LIMITS.projectTitleMin, maxLength: REVIEW_LIMITS.projectTitleMax, example: '5号楼楼道照明整体改造' })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MinLength(REVIEW_LIMITS.projectTitleMin)
  @MaxLength(REVIEW_LIMITS.projectTitleMax)
  title: string;

  @ApiPropertyOptional({ maxLength: REVIEW_LIMITS.projectDescriptionMax })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(REVIEW_LIMITS.projectDescriptionMax)
  description?: string;

  @ApiProperty({ description: 'a grid leader or community officer of the community (GET /api/review/owners)' })
  @IsDefined()
  @IsInt()
  @Min(1)
  ownerUserId: number;

  @ApiProperty({ example: '2026-12-15', description: 'YYYY-MM-DD (Asia/Shanghai), today or later' })
  @IsNotEmpty()
  @IsString()
  @Matches(LOCAL_DATE)
  deadline: string;

  @ApiProperty({ type: [Number], description: `1–${REVIEW_LIMITS.projectRequestsMax} distinct request ids of the community` })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.projectRequestsMax)
  @IsInt({ each: true })
  @Min(1, { each: true })
  requestIds: number[];

  @ApiPropertyOptional({ type: [String], description: 'AgendaEntry.key of the entries it was made from' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.agendaEntryKeysMax)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  agendaEntryKeys?: string[];

  @ApiPropertyOptional({ example: '2026-11-16', description: 'the meeting (ReviewPeriod.key) that decided it' })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATE)
  meetingDate?: string;
}

export class ProjectNoteDto implements ProjectNoteBody {
  @ApiProperty({ maxLength: REVIEW_LIMITS.projectNoteMax })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MaxLength(REVIEW_LIMITS.projectNoteMax)
  note: string;

  @ApiProperty({ description: 'the version read; 409 CONCURRENT_MODIFICATION when it changed meanwhile' })
  @IsDefined()
  @IsInt()
  @Min(1)
  version: number;
}

export class CloseProjectDto implements CloseProjectBody {
  @ApiProperty({ minLength: REVIEW_LIMITS.projectResultMin, maxLength: REVIEW_LIMITS.projectResultMax })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MinLength(REVIEW_LIMITS.projectResultMin)
  @MaxLength(REVIEW_LIMITS.projectResultMax)
  result: string;

  @ApiProperty({ description: 'the version read; 409 CONCURRENT_MODIFICATION when it changed meanwhile' })
  @IsDefined()
  @IsInt()
  @Min(1)
  version: number;
}

export class ProjectQueryDto extends PageQueryDto implements ProjectQuery {
  @ApiPropertyOptional({ description: 'street officers may omit it: every community of their street' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  communityId?: number;

  @ApiPropertyOptional({ enum: ProjectStatus })
  @IsOptional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus;

  @ApiPropertyOptional({ description: 'true: open and past the deadline; false: not overdue' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
