import { ApiPropertyOptional } from '@nestjs/swagger';
import { ReturnVisitRateBody, ReturnVisitUnreachableBody } from '@gezhi/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { RateDto } from '../requests/dto/request.dto';

/** 电话回访评价: the same three scores (1–5) and optional comment as the resident's own rating. */
export class ReturnVisitRateDto extends RateDto implements ReturnVisitRateBody {}

export const UNREACHABLE_NOTE_MAX = 200;

/** 联系不上: what happened (无人接听, 空号 …), optional. */
export class ReturnVisitUnreachableDto implements ReturnVisitUnreachableBody {
  @ApiPropertyOptional({ maxLength: UNREACHABLE_NOTE_MAX, example: '无人接听' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsOptional()
  @IsString()
  @MaxLength(UNREACHABLE_NOTE_MAX)
  note?: string;
}
