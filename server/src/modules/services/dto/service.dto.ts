import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateServiceBody,
  CreateSlotBody,
  Eligibility,
  UpdateSlotBody,
  EligibilityMode,
  ProviderKind,
  RecurrenceKind,
  RecurrenceRuleBody,
  ResidentTag,
  SERVICE_KIND_LABELS,
  SERVICE_LIMITS,
  ServiceKind,
  ServiceProvider,
  UpdateServiceBody,
} from '@gezhi/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const L = SERVICE_LIMITS;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ProviderDto implements ServiceProvider {
  @ApiProperty({ enum: ProviderKind })
  @IsDefined()
  @IsEnum(ProviderKind)
  kind: ProviderKind;

  @ApiProperty({ maxLength: L.providerNameMax, example: '明日星城志愿服务队' })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MaxLength(L.providerNameMax)
  name: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'VOLUNTEER_TEAM / PARTNER_ORG: a grid leader or community officer of the community (GET /api/services/coordinators) who works the visits on their day plan; null or absent = none (400 UNKNOWN_COORDINATOR otherwise, UNKNOWN_FIELD for GRID_STAFF)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  coordinatorUserId?: number | null;
}

export class EligibilityDto implements Eligibility {
  @ApiProperty({ enum: EligibilityMode })
  @IsDefined()
  @IsEnum(EligibilityMode)
  mode: EligibilityMode;

  @ApiProperty({ enum: ResidentTag, isArray: true, description: 'empty for ALL; at least one otherwise' })
  @IsDefined()
  @IsArray()
  @ArrayUnique()
  @IsEnum(ResidentTag, { each: true })
  tags: ResidentTag[];
}

type PropertyDecoratorFn = (target: object, propertyName: string) => void;

/** Applies IsDefined (create) or IsOptional (update) before the field's own rules. */
function field(optional: boolean, ...rules: PropertyDecoratorFn[]): PropertyDecoratorFn {
  return (target, propertyName) => {
    (optional ? IsOptional() : IsDefined())(target, propertyName);
    for (const rule of rules) rule(target, propertyName);
  };
}

const FIELDS = {
  name: (optional: boolean) =>
    field(optional, ApiProperty({ maxLength: L.nameMax, required: !optional }), trim(), IsNotEmpty(), IsString(), MaxLength(L.nameMax)),
  kind: (optional: boolean) =>
    field(
      optional,
      ApiProperty({ enum: ServiceKind, required: !optional, description: Object.entries(SERVICE_KIND_LABELS).map(([k, v]) => `${k} ${v}`).join(', ') }),
      IsEnum(ServiceKind),
    ),
  description: (optional: boolean) =>
    field(optional, ApiProperty({ maxLength: L.descriptionMax, required: !optional }), trim(), IsString(), MaxLength(L.descriptionMax)),
  durationMinutes: (optional: boolean) =>
    field(
      optional,
      ApiProperty({ minimum: L.durationMinutesMin, maximum: L.durationMinutesMax, required: !optional }),
      IsInt(),
      Min(L.durationMinutesMin),
      Max(L.durationMinutesMax),
    ),
  provider: (optional: boolean) => field(optional, ApiProperty({ type: ProviderDto, required: !optional }), ValidateNested(), Type(() => ProviderDto)),
  eligibility: (optional: boolean) =>
    field(optional, ApiProperty({ type: EligibilityDto, required: !optional }), ValidateNested(), Type(() => EligibilityDto)),
  requiredDocuments: () =>
    field(
      true,
      ApiPropertyOptional({ type: [String], maxItems: L.documentsMax, description: 'PROXY only (required there)' }),
      IsArray(),
      ArrayMaxSize(L.documentsMax),
      ArrayUnique(),
      IsString({ each: true }),
      IsNotEmpty({ each: true }),
      MaxLength(L.documentNameMax, { each: true }),
    ),
  bundleServiceIds: () =>
    field(
      true,
      ApiPropertyOptional({
        type: [Number],
        maxItems: L.bundleComponentsMax,
        description: `BUNDLE only (required there): ${L.bundleComponentsMin}–${L.bundleComponentsMax} other services of the same community`,
      }),
      IsArray(),
      ArrayMaxSize(L.bundleComponentsMax),
      ArrayUnique(),
      IsInt({ each: true }),
      Min(1, { each: true }),
    ),
};

export class CreateServiceDto implements CreateServiceBody {
  @FIELDS.name(false)
  name: string;

  @FIELDS.kind(false)
  kind: ServiceKind;

  @FIELDS.description(false)
  description: string;

  @FIELDS.durationMinutes(false)
  durationMinutes: number;

  @FIELDS.provider(false)
  provider: ProviderDto;

  @FIELDS.eligibility(false)
  eligibility: EligibilityDto;

  @FIELDS.requiredDocuments()
  requiredDocuments?: string[];

  @FIELDS.bundleServiceIds()
  bundleServiceIds?: number[];
}

export class UpdateServiceDto implements UpdateServiceBody {
  @ApiProperty({ description: 'the version read; 409 CONCURRENT_MODIFICATION when it changed meanwhile' })
  @IsDefined()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: "false takes the service out of the residents' list" })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @FIELDS.name(true)
  name?: string;

  @FIELDS.kind(true)
  kind?: ServiceKind;

  @FIELDS.description(true)
  description?: string;

  @FIELDS.durationMinutes(true)
  durationMinutes?: number;

  @FIELDS.provider(true)
  provider?: ProviderDto;

  @FIELDS.eligibility(true)
  eligibility?: EligibilityDto;

  @FIELDS.requiredDocuments()
  requiredDocuments?: string[];

  @FIELDS.bundleServiceIds()
  bundleServiceIds?: number[];
}

function Capacity() {
  return (target: object, propertyName: string) => {
    ApiProperty({ minimum: L.capacityMin, maximum: L.capacityMax })(target, propertyName);
    IsDefined()(target, propertyName);
    IsInt()(target, propertyName);
    Min(L.capacityMin)(target, propertyName);
    Max(L.capacityMax)(target, propertyName);
  };
}

export class CreateSlotDto implements CreateSlotBody {
  @ApiProperty({ example: '2026-12-09T01:00:00.000Z', description: 'ISO instant in the future; the slot lasts the service\'s duration' })
  @IsDefined()
  @IsISO8601({ strict: true })
  startsAt: string;

  @Capacity()
  capacity: number;
}

export class UpdateSlotDto implements UpdateSlotBody {
  @Capacity()
  capacity: number;
}

export class RecurrenceRuleDto implements RecurrenceRuleBody {
  @ApiProperty({ enum: RecurrenceKind })
  @IsDefined()
  @IsEnum(RecurrenceKind)
  kind: RecurrenceKind;

  @ApiPropertyOptional({ type: [Number], description: 'MONTHLY: days 1–31 (a day a month lacks is skipped)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.monthDaysMax)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(31, { each: true })
  monthDays?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'WEEKLY: ISO weekdays 1 = Monday … 7 = Sunday' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];

  @ApiProperty({ example: '08:30', description: 'local time (Asia/Shanghai)' })
  @IsDefined()
  @IsString()
  @Matches(HHMM)
  startTime: string;

  @ApiProperty({ example: '11:30' })
  @IsDefined()
  @IsString()
  @Matches(HHMM)
  endTime: string;

  @Capacity()
  capacity: number;

  @ApiProperty({ description: 'skip public holidays of the working calendar' })
  @IsDefined()
  @IsBoolean()
  skipHolidays: boolean;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'first local date (default today)' })
  @IsOptional()
  @IsString()
  @Matches(DATE)
  validFrom?: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'last local date (default open-ended)' })
  @IsOptional()
  @IsString()
  @Matches(DATE)
  validUntil?: string;
}

export class SlotRangeQueryDto {
  @ApiPropertyOptional({ description: 'ISO instant (default now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: `ISO instant (default from + 14 days; at most ${L.slotListMaxDays} days after from)` })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
