import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../../shared/http/is-instant';
import { QueryArray, ULID_PATTERN } from '../../shared/http/list-params';

const MAX_LISTED_EVENTS = 1000;

/** OpenMeter's `listEvents` parameters. */
export class ListEventsParams {
  @ApiPropertyOptional({ minLength: 1, maxLength: 36, description: 'Accepted; changes nothing' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  clientId?: string;

  @ApiPropertyOptional({ description: 'Ingestion time, inclusive (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  ingestedAtFrom?: string;

  @ApiPropertyOptional({ description: 'Ingestion time, exclusive (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  ingestedAtTo?: string;

  @ApiPropertyOptional({ type: [String], description: 'Customer ids; repeat the parameter for several' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @Matches(ULID_PATTERN, { each: true, message: 'customerId must be customer ids (ULID)' })
  customerId?: string[];

  @ApiPropertyOptional({ description: 'Event time, inclusive (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Event time, exclusive (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'Part of the subject' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  subject?: string;

  @ApiPropertyOptional({ description: 'Part of the CloudEvent id' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  id?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LISTED_EVENTS, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LISTED_EVENTS)
  limit?: number;
}
