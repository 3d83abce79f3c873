import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../../shared/http/is-instant';

const MAX_LISTED_EVENTS = 1000;

export class ListEventsParams {
  @ApiPropertyOptional({ description: 'Event time, inclusive (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Event time, exclusive (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 256)
  subject?: string;

  @ApiPropertyOptional({ description: 'The CloudEvent id' })
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
