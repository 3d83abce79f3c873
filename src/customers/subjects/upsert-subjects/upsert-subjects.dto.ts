import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsInstant } from '../../../shared/http/is-instant';
import { MAX_SUBJECT_KEY_LENGTH } from '../subject.decider';

/** OpenMeter's `SubjectUpsert`: a field left out is kept, `null` clears it. */
export class SubjectUpsertDto {
  @ApiProperty({ example: 'customer-db-id-123', minLength: 1, maxLength: MAX_SUBJECT_KEY_LENGTH })
  @IsString()
  @Length(1, MAX_SUBJECT_KEY_LENGTH)
  key!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Customer Name' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  displayName?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { description: 'Any JSON value, kept as sent' },
    nullable: true,
    example: { hubspotId: '123456' },
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, deprecated: true })
  @IsOptional()
  @IsInstant()
  currentPeriodStart?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, deprecated: true })
  @IsOptional()
  @IsInstant()
  currentPeriodEnd?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, deprecated: true, example: 'cus_JMOlctsKV8' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  stripeCustomerId?: string | null;
}
