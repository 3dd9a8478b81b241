import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CalendarDay,
  CalendarDayKind,
  DEADLINE_LIMITS,
  DEFAULT_POLICY_CATEGORY,
  DeadlinePolicyRule,
  DeadlinePolicyTable,
  HandlingLevel,
  PolicyCategory,
  RequestCategory,
  Urgency,
} from '@gezhi/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const POLICY_CATEGORIES: readonly PolicyCategory[] = [DEFAULT_POLICY_CATEGORY, ...Object.values(RequestCategory)];
const MINUTES = [DEADLINE_LIMITS.minutesMin, DEADLINE_LIMITS.minutesMax] as const;

export class DeadlinePolicyRuleDto implements DeadlinePolicyRule {
  @ApiProperty({ enum: POLICY_CATEGORIES })
  @IsDefined()
  @IsIn(POLICY_CATEGORIES as PolicyCategory[])
  category: PolicyCategory;

  @ApiProperty({ enum: Urgency })
  @IsDefined()
  @IsEnum(Urgency)
  urgency: Urgency;

  @ApiProperty({ enum: HandlingLevel })
  @IsDefined()
  @IsEnum(HandlingLevel)
  level: HandlingLevel;

  @ApiProperty({ minimum: MINUTES[0], maximum: MINUTES[1], description: 'working minutes (wall-clock for 紧急)' })
  @IsDefined()
  @IsInt()
  @Min(MINUTES[0])
  @Max(MINUTES[1])
  acceptMinutes: number;

  @ApiProperty({ minimum: MINUTES[0], maximum: MINUTES[1] })
  @IsDefined()
  @IsInt()
  @Min(MINUTES[0])
  @Max(MINUTES[1])
  firstResponseMinutes: number;

  @ApiProperty({ minimum: MINUTES[0], maximum: MINUTES[1] })
  @IsDefined()
  @IsInt()
  @Min(MINUTES[0])
  @Max(MINUTES[1])
  resolveMinutes: number;

  @ApiProperty({ minimum: MINUTES[0], maximum: MINUTES[1], description: '部门报到: a department whistled at this level reports in within this span' })
  @IsDefined()
  @IsInt()
  @Min(MINUTES[0])
  @Max(MINUTES[1])
  reportMinutes: number;

  @ApiProperty({ minimum: DEADLINE_LIMITS.warnPercentMin, maximum: DEADLINE_LIMITS.warnPercentMax })
  @IsDefined()
  @IsInt()
  @Min(DEADLINE_LIMITS.warnPercentMin)
  @Max(DEADLINE_LIMITS.warnPercentMax)
  warnPercent: number;
}

export class DeadlinePolicyTableDto implements DeadlinePolicyTable {
  @ApiProperty({ type: [DeadlinePolicyRuleDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(POLICY_CATEGORIES.length * 2 * 3)
  @ValidateNested({ each: true })
  @Type(() => DeadlinePolicyRuleDto)
  rules: DeadlinePolicyRuleDto[];
}

export class CalendarDayDto implements CalendarDay {
  @ApiProperty({ example: '2026-10-01' })
  @IsDefined()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date: string;

  @ApiProperty({ enum: ['HOLIDAY', 'WORKDAY'] })
  @IsDefined()
  @IsIn(['HOLIDAY', 'WORKDAY'])
  kind: CalendarDayKind;

  @ApiPropertyOptional({ maxLength: 50, example: '国庆节' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  note?: string | null;
}

/** PUT /api/admin/calendar/:year replaces that year's exceptions. */
export class CalendarYearBodyDto {
  @ApiProperty({ type: [CalendarDayDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(DEADLINE_LIMITS.calendarDaysMax)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];
}
