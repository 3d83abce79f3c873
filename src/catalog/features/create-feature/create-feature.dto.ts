import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CATALOG_KEY_PATTERN } from '../../catalog-rules';
import { IfPresent, IsStringMap } from '../../../shared/http/list-params';

/** OpenMeter's `FeatureCreateInputs`, without the advanced group-by filters and unit costs Tally lacks. */
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

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IsOptional()
  @IsStringMap()
  metadata?: Record<string, string> | null;
}
