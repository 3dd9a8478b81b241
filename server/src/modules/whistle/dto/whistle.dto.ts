import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AssignmentState, LIMITS, ReportBody, ReturnBody, WhistleBody } from '@gezhi/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination';
import { MAX_ASSIST_DEPARTMENTS } from '../../departments/dto/departments.dto';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class WhistleDto implements WhistleBody {
  @ApiProperty({ minimum: 1, description: '主办部门' })
  @IsNotEmpty()
  @IsInt()
  @Min(1)
  leadDepartmentId: number;

  @ApiPropertyOptional({ type: [Number], maxItems: MAX_ASSIST_DEPARTMENTS, description: '协办部门' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ASSIST_DEPARTMENTS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  assistDepartmentIds?: number[];

  @ApiProperty({ maxLength: LIMITS.noteMax, description: 'what the departments are asked to do' })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MaxLength(LIMITS.noteMax)
  note: string;
}

export class ReportDto implements ReportBody {
  @ApiProperty({ minLength: LIMITS.reasonMin, maxLength: LIMITS.noteMax, description: '处置方案' })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MinLength(LIMITS.reasonMin)
  @MaxLength(LIMITS.noteMax)
  plan: string;
}

export class ReturnDto implements ReturnBody {
  @ApiProperty({ minLength: LIMITS.reasonMin, maxLength: LIMITS.reasonMax, description: 'why the department is not responsible' })
  @trim()
  @IsNotEmpty()
  @IsString()
  @MinLength(LIMITS.reasonMin)
  @MaxLength(LIMITS.reasonMax)
  reason: string;
}

export class LiaisonInboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AssignmentState, description: 'default: NOTIFIED and REPORTED' })
  @IsOptional()
  @IsEnum(AssignmentState)
  state?: AssignmentState;
}
