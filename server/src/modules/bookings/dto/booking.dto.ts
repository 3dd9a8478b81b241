import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompleteVisitBody, CreateBookingBody, CustodyStep, CustodyStepBody, LIMITS, SERVICE_LIMITS } from '@gezhi/shared';
import { Transform } from 'class-transformer';
import { PhotoIds } from '../../requests/dto/request.dto';
import { ArrayMaxSize, IsArray, IsDefined, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { QueryInt } from '../../../common/http/validation';

export class CreateBookingDto implements CreateBookingBody {
  @ApiProperty({ description: 'a slot of a service in the resident\'s community' })
  @IsDefined()
  @IsInt()
  @Min(1)
  slotId: number;

  @ApiPropertyOptional({ maxLength: SERVICE_LIMITS.bookingNoteMax, description: 'e.g. 需要轮椅协助' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(SERVICE_LIMITS.bookingNoteMax)
  note?: string;
}

export class VisitPlanQueryDto {
  @ApiPropertyOptional({ example: '2026-12-09', description: 'local date (Asia/Shanghai); default today' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SERVICE_LIMITS.visitPlanMaxDays, default: 1, description: '7 = the week from `day`' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(SERVICE_LIMITS.visitPlanMaxDays)
  days?: number;
}

export class CompleteVisitDto implements CompleteVisitBody {
  @ApiProperty({ maxLength: SERVICE_LIMITS.visitNoteMax })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @IsString()
  @MaxLength(SERVICE_LIMITS.visitNoteMax)
  note: string;

  /** the same rules as photos on a request's note (NoteDto); ownership is checked by the service (404 PHOTO_NOT_FOUND) */
  @PhotoIds(LIMITS.photosPerNote)
  photoIds?: string[];
}

export class CustodyStepDto implements CustodyStepBody {
  @ApiProperty({ enum: CustodyStep, description: 'in order: DOCUMENTS_RECEIVED → SUBMITTED → RETURNED' })
  @IsDefined()
  @IsEnum(CustodyStep)
  step: CustodyStep;

  @ApiPropertyOptional({ type: [String], description: 'required for DOCUMENTS_RECEIVED' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SERVICE_LIMITS.documentsMax)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(SERVICE_LIMITS.documentNameMax, { each: true })
  documents?: string[];

  @ApiPropertyOptional({ maxLength: SERVICE_LIMITS.officeNameMax, description: 'required for SUBMITTED' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(SERVICE_LIMITS.officeNameMax)
  office?: string;

  @ApiPropertyOptional({ maxLength: SERVICE_LIMITS.bookingNoteMax })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(SERVICE_LIMITS.bookingNoteMax)
  note?: string;
}
