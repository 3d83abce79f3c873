import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GROUP_BY_FILTERS_SCHEMA } from '../../shared/http/group-by-filters';
import { WINDOW_SIZES } from './meter-query';

/**
 * The meter query's shapes for the API document. The query is read by hand (`meter-query.params.ts`:
 * its group-by names are open-ended), so these classes describe it and check nothing.
 */
export class MeterQueryRequestDoc {
  @ApiPropertyOptional({ minLength: 1, maxLength: 36, description: 'Accepted; changes nothing' })
  clientId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  to?: string;

  @ApiPropertyOptional({ enum: WINDOW_SIZES })
  windowSize?: string;

  @ApiPropertyOptional({ default: 'UTC', description: 'IANA time zone' })
  windowTimeZone?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 100 })
  subject?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 100 })
  filterCustomerId?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Deprecated: use advancedMeterGroupByFilters',
  })
  filterGroupBy?: Record<string, string[]>;

  @ApiPropertyOptional(GROUP_BY_FILTERS_SCHEMA)
  advancedMeterGroupByFilters?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'Group-by names, subject, customer_id' })
  groupBy?: string[];
}

export class MeterQueryRowDoc {
  @ApiProperty({ type: 'number' })
  value!: number;

  @ApiProperty({ format: 'date-time' })
  windowStart!: string;

  @ApiProperty({ format: 'date-time' })
  windowEnd!: string;

  @ApiProperty({ nullable: true, type: String })
  subject!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  customerId?: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true } })
  groupBy!: Record<string, string | null>;
}

/** OpenMeter's `MeterQueryResult`. */
export class MeterQueryResultDoc {
  @ApiPropertyOptional({ format: 'date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: WINDOW_SIZES })
  windowSize?: string;

  @ApiProperty({ type: [MeterQueryRowDoc] })
  data!: MeterQueryRowDoc[];
}
