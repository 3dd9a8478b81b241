import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PutRoutingRulesBody, RequestCategory, RoutingRuleInput, WhistleSettings } from '@gezhi/shared';
import { Type } from 'class-transformer';
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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** At most this many assisting departments per rule or whistle. */
export const MAX_ASSIST_DEPARTMENTS = 5;
/** At most this many rules in a street's routing table. */
export const MAX_ROUTING_RULES = 200;

export class RoutingRuleDto implements RoutingRuleInput {
  @ApiProperty({ enum: RequestCategory })
  @IsNotEmpty()
  @IsEnum(RequestCategory)
  category: RequestCategory;

  @ApiPropertyOptional({ nullable: true, example: 'PARKING', description: 'null/absent: the whole category' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  subcategory?: string | null;

  @ApiProperty({ minimum: 1 })
  @IsNotEmpty()
  @IsInt()
  @Min(1)
  leadDepartmentId: number;

  @ApiPropertyOptional({ type: [Number], maxItems: MAX_ASSIST_DEPARTMENTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ASSIST_DEPARTMENTS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  assistDepartmentIds?: number[];
}

export class PutRoutingRulesDto implements PutRoutingRulesBody {
  @ApiProperty({ type: [RoutingRuleDto], maxItems: MAX_ROUTING_RULES })
  @IsArray()
  @ArrayMaxSize(MAX_ROUTING_RULES)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleDto)
  rules: RoutingRuleDto[];
}

export class WhistleSettingsDto implements WhistleSettings {
  @ApiProperty()
  @IsNotEmpty()
  @IsBoolean()
  communityMayWhistle: boolean;
}
