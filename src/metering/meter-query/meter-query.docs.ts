import { ApiPropertyOptional } from '@nestjs/swagger';
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
