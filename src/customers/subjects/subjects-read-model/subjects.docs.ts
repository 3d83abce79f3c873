import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenMeter's `Subject`, with the customer whose usage it is, for the API document. */
export class SubjectDoc {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiPropertyOptional({ nullable: true }) displayName?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: {}, nullable: true }) metadata?: Record<
    string,
    unknown
  >;
  @ApiPropertyOptional({ format: 'date-time', deprecated: true }) currentPeriodStart?: string;
  @ApiPropertyOptional({ format: 'date-time', deprecated: true }) currentPeriodEnd?: string;
  @ApiPropertyOptional({ deprecated: true }) stripeCustomerId?: string;
  @ApiPropertyOptional({ description: 'The live customer holding the key as its key or a subject key' })
  customerId?: string;
  @ApiPropertyOptional() customerKey?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) deletedAt?: string;
}
