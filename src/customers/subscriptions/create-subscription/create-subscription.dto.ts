import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CATALOG_KEY_PATTERN } from '../../../catalog';
import { IfPresent, IsStringMap, ULID_PATTERN } from '../../../shared/http/list-params';
import { IsInstant } from '../../../shared/http/is-instant';

/** OpenMeter's `PlanReferenceInput`. */
export class PlanReferenceInputDto {
  @ApiProperty({ example: 'per_seat', pattern: CATALOG_KEY_PATTERN.source })
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  key!: string;

  @ApiPropertyOptional({ description: 'Defaults to the key’s active version', minimum: 1 })
  @IfPresent()
  @IsInt()
  @Min(1)
  version?: number;
}

/** OpenMeter's `PlanSubscriptionCreate`, without alignment, starting phase and settlement options. */
export class CreateSubscriptionRequest {
  @ApiPropertyOptional({ description: 'The customer id; takes precedence over customerKey' })
  @ValidateIf(
    (request: CreateSubscriptionRequest) =>
      request.customerId !== undefined || request.customerKey === undefined,
  )
  @IsDefined({ message: 'customerId or customerKey is required' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'customerId must be a customer id (ULID)' })
  customerId?: string;

  @ApiPropertyOptional({ example: 'acme-inc', minLength: 1, maxLength: 256 })
  @IfPresent()
  @IsString()
  @Length(1, 256)
  customerKey?: string;

  @ApiProperty({ type: PlanReferenceInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PlanReferenceInputDto)
  plan!: PlanReferenceInputDto;

  @ApiPropertyOptional({
    default: 'immediate',
    description: '"immediate" (now, to the second) or an RFC 3339 date-time at most two minutes in the past',
  })
  @IfPresent()
  @IsString()
  @IsInstant(['immediate'])
  timing?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Periods are billingAnchor + n × billingCadence; defaults to the start',
  })
  @IfPresent()
  @IsInstant()
  billingAnchor?: string;

  @ApiPropertyOptional({ description: 'Defaults to the plan name' })
  @IfPresent()
  @IsString()
  name?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IfPresent()
  @IsStringMap()
  metadata?: Record<string, string>;
}
