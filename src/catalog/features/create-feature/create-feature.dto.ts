import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CATALOG_KEY_PATTERN } from '../../catalog-rules';
import { GROUP_BY_FILTERS_SCHEMA } from '../../../shared/http/group-by-filters';
import { IfPresent, IsStringMap } from '../../../shared/http/list-params';
import type { StringFilter } from '../../../shared/string-filter';

/** OpenMeter's `FeatureManualUnitCost` and `FeatureLLMUnitCost`, read as one shape. */
export class FeatureUnitCostDto {
  @ApiProperty({ enum: ['manual', 'llm'] })
  @IsIn(['manual', 'llm'])
  type!: 'manual' | 'llm';

  @ApiPropertyOptional({ description: 'manual: the cost of one unit, in USD', example: '0.0001' })
  @IfPresent()
  @IsString()
  amount?: string;

  @ApiPropertyOptional() @IfPresent() @IsString() providerProperty?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() provider?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() modelProperty?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() model?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() tokenTypeProperty?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() tokenType?: string;
}

/** OpenMeter's `FeatureCreateInputs`. */
export class CreateFeatureRequest {
  @ApiProperty({ example: 'active_users', pattern: CATALOG_KEY_PATTERN.source, maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  key!: string;

  @ApiProperty({ example: 'active-users' })
  @IsString()
  @MaxLength(256)
  name!: string;

  @ApiPropertyOptional({ example: 'active_users_total', pattern: CATALOG_KEY_PATTERN.source, maxLength: 64 })
  @IfPresent()
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  meterSlug?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { model: 'gpt-4' },
  })
  @IfPresent()
  @IsStringMap()
  meterGroupByFilters?: Record<string, string>;

  @ApiPropertyOptional({
    ...GROUP_BY_FILTERS_SCHEMA,
    description: 'Group-by name → filter; wins over meterGroupByFilters',
  })
  @IfPresent()
  @IsObject()
  advancedMeterGroupByFilters?: Record<string, StringFilter>;

  @ApiPropertyOptional({
    type: FeatureUnitCostDto,
    description: 'Kept and shown back; Tally prices through plans',
  })
  @IfPresent()
  @ValidateNested()
  @Type(() => FeatureUnitCostDto)
  unitCost?: FeatureUnitCostDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IsOptional()
  @IsStringMap()
  metadata?: Record<string, string> | null;
}
