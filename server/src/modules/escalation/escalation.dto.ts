import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_LIMITS, DeadlineKind, EscalateBody, ExtensionDecisionBody, ExtensionRequestBody, LIMITS } from '@gezhi/shared';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const EXTENDABLE = [DeadlineKind.Accept, DeadlineKind.FirstResponse, DeadlineKind.Resolve];

export class EscalateDto implements EscalateBody {
  @ApiProperty({ minLength: LIMITS.reasonMin, maxLength: LIMITS.reasonMax, example: '涉及楼上住户防水层，需社区协调物业' })
  @trim()
  @IsDefined()
  @IsString()
  @MinLength(LIMITS.reasonMin)
  @MaxLength(LIMITS.reasonMax)
  reason: string;
}

export class ExtensionRequestDto implements ExtensionRequestBody {
  @ApiProperty({ minLength: LIMITS.reasonMin, maxLength: LIMITS.reasonMax })
  @trim()
  @IsDefined()
  @IsString()
  @MinLength(LIMITS.reasonMin)
  @MaxLength(LIMITS.reasonMax)
  reason: string;

  @ApiProperty({ minimum: 1, maximum: DEADLINE_LIMITS.extensionMinutesMax, description: 'working minutes (wall-clock for 紧急)' })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(DEADLINE_LIMITS.extensionMinutesMax)
  minutes: number;

  @ApiPropertyOptional({ enum: EXTENDABLE, default: DeadlineKind.Resolve })
  @IsOptional()
  @IsIn(EXTENDABLE)
  kind?: DeadlineKind;
}

export class ExtensionDecisionDto implements ExtensionDecisionBody {
  @ApiPropertyOptional({ maxLength: LIMITS.reasonMax })
  @trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.reasonMax)
  note?: string;
}
