import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenMeter's `IngestedEvent`, for the API document. */
export class IngestedEventDoc {
  @ApiProperty({ type: 'object', description: 'The CloudEvent as ingested', additionalProperties: true })
  event!: Record<string, unknown>;

  @ApiPropertyOptional()
  customerId?: string;

  @ApiPropertyOptional({ description: 'Why meters ignore the event, one line per reason' })
  validationError?: string;

  @ApiProperty({ format: 'date-time' })
  ingestedAt!: string;

  @ApiProperty({ format: 'date-time' })
  storedAt!: string;
}

/** OpenMeter's `IngestedEventCursorPaginatedResponse`. */
export class IngestedEventsPageDoc {
  @ApiProperty({ type: [IngestedEventDoc], maxItems: 100 })
  items!: IngestedEventDoc[];

  @ApiPropertyOptional({ description: 'Pass as cursor for the next page; absent on the last' })
  nextCursor?: string;
}
