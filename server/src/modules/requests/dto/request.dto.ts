import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORIES,
  Channel,
  CreateRequestBody,
  isValidSubcategory,
  LIMITS,
  NoteBody,
  RateBody,
  RejectBody,
  RequestCategory,
  ResolveBody,
  Urgency,
} from '@gezhi/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
  registerDecorator,
  ValidationArguments,
} from 'class-validator';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** The sub-category must be one of the chosen category's (reported as INVALID_SUBCATEGORY). */
function IsSubcategoryOf(categoryField: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isSubcategoryOf',
      target: target.constructor,
      propertyName,
      constraints: [categoryField],
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const category = (args.object as Record<string, unknown>)[categoryField];
          if (!Object.values(RequestCategory).includes(category as RequestCategory)) return true; // reported on the category
          return typeof value === 'string' && isValidSubcategory(category as string, value);
        },
      },
    });
}

/** Photo ids attached to a request, a note (and a completed visit, bookings/dto): an array of up to `max` distinct strings. */
export function PhotoIds(max: number) {
  return (target: object, propertyName: string) => {
    ApiPropertyOptional({ type: [String], maxItems: max, description: 'ids returned by POST /api/uploads' })(target, propertyName);
    IsOptional()(target, propertyName);
    IsArray()(target, propertyName);
    ArrayMaxSize(max)(target, propertyName);
    ArrayUnique()(target, propertyName);
    IsString({ each: true })(target, propertyName);
  };
}

export class CreateRequestDto implements CreateRequestBody {
  @ApiProperty({ enum: RequestCategory, description: CATEGORIES.map((c) => `${c.code} ${c.label}`).join(', ') })
  @IsNotEmpty()
  @IsEnum(RequestCategory)
  category: RequestCategory;

  @ApiProperty({ example: 'LEAK' })
  @IsNotEmpty()
  @IsString()
  @IsSubcategoryOf('category')
  subcategory: string;

  @ApiProperty({ minLength: LIMITS.descriptionMin, maxLength: LIMITS.descriptionMax })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MinLength(LIMITS.descriptionMin)
  @MaxLength(LIMITS.descriptionMax)
  description: string;

  @PhotoIds(LIMITS.photosPerRequest)
  photoIds?: string[];

  @ApiProperty({ enum: Urgency })
  @IsNotEmpty()
  @IsEnum(Urgency)
  urgency: Urgency;

  @ApiProperty()
  @IsNotEmpty()
  @IsBoolean()
  showNamePublicly: boolean;

  @ApiPropertyOptional({ enum: Channel, description: 'staff only' })
  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  @ApiPropertyOptional({ description: 'staff only: the room of the resident filed for' })
  @IsOptional()
  @IsInt()
  @Min(1)
  roomId?: number;

  @ApiPropertyOptional({ maxLength: LIMITS.contactNameMax, description: 'staff only' })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(LIMITS.contactNameMax)
  contactName?: string;

  @ApiPropertyOptional({ description: 'staff only; stored, shown masked' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 -]{4,18}$/)
  contactPhone?: string;

  @ApiPropertyOptional({
    description:
      'staff only, with roomId: the registered resident of that room it is for (GET /api/staff/rooms/:roomId/residents); they own it. 409 RESIDENT_NOT_IN_ROOM otherwise',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  residentUserId?: number;
}

/** Fields only staff may send when filing (a resident files for their own bound home). */
export const STAFF_ONLY_FILING_FIELDS = ['channel', 'roomId', 'contactName', 'contactPhone', 'residentUserId'] as const;

export class NoteDto implements NoteBody {
  @ApiProperty({ maxLength: LIMITS.noteMax })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MaxLength(LIMITS.noteMax)
  note: string;

  @PhotoIds(LIMITS.photosPerNote)
  photoIds?: string[];
}

export class ResolveDto extends NoteDto implements ResolveBody {
  @ApiPropertyOptional({
    maxLength: LIMITS.publicSummaryMax,
    description: '公示: the public summary the handler approves (start from publicSummaryDraft); anonymised again; omitted or empty = no text on the board',
  })
  @trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.publicSummaryMax)
  publicSummary?: string;
}

export class RejectDto implements RejectBody {
  @ApiProperty({ minLength: LIMITS.reasonMin, maxLength: LIMITS.reasonMax, description: 'the resident sees it' })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MinLength(LIMITS.reasonMin)
  @MaxLength(LIMITS.reasonMax)
  reason: string;
}

function Score() {
  return (target: object, propertyName: string) => {
    ApiProperty({ minimum: LIMITS.ratingMin, maximum: LIMITS.ratingMax })(target, propertyName);
    IsNotEmpty()(target, propertyName);
    IsInt()(target, propertyName);
    Min(LIMITS.ratingMin)(target, propertyName);
    Max(LIMITS.ratingMax)(target, propertyName);
  };
}

export class RateDto implements RateBody {
  @Score()
  speed: number;

  /** ≤ 2 reopens the request (重办) */
  @Score()
  effect: number;

  @Score()
  attitude: number;

  @ApiPropertyOptional({ maxLength: LIMITS.commentMax })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(LIMITS.commentMax)
  comment?: string;
}
