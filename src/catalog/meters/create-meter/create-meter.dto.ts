import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_ATTRIBUTE_LENGTH } from '../../../shared/limits';
import { IsInstant } from '../../../shared/http/is-instant';
import { CATALOG_KEY_PATTERN } from '../../catalog-rules';
import { IfPresent, IsStringMap } from '../../../shared/http/list-params';
import { METER_AGGREGATIONS, MeterAggregation } from '../meter.decider';

/** OpenMeter's `MeterCreate`. */
export class CreateMeterRequest {
  @ApiProperty({ example: 'active_users_total', pattern: CATALOG_KEY_PATTERN.source, maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  slug!: string;

  @ApiPropertyOptional({ description: 'Defaults to the slug', minLength: 1, maxLength: 256 })
  @IfPresent()
  @IsString()
  @Length(1, 256)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiProperty({ example: 'user_activity', minLength: 1, maxLength: MAX_ATTRIBUTE_LENGTH })
  @IsString()
  @Length(1, MAX_ATTRIBUTE_LENGTH)
  eventType!: string;

  @ApiProperty({ enum: METER_AGGREGATIONS })
  @IsIn(METER_AGGREGATIONS)
  aggregation!: MeterAggregation;

  @ApiPropertyOptional({
    description: 'JSONPath into the event data; absent for COUNT',
    example: '$.user_id',
  })
  @IfPresent()
  @IsString()
  @MinLength(1)
  valueProperty?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { model: '$.model' },
  })
  @IfPresent()
  @IsStringMap()
  groupBy?: Record<string, string>;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events from this time on are counted' })
  @IfPresent()
  @IsInstant()
  eventFrom?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IsOptional()
  @IsStringMap()
  metadata?: Record<string, string> | null;
}
