import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IfPresent, IsStringMap, ULID_PATTERN } from '../../../shared/http/list-params';
import { IsInstant } from '../../../shared/http/is-instant';

const TIMING_KEYWORDS = ['immediate', 'next_billing_cycle'];
const TIMING_DESCRIPTION =
  'OpenMeter\'s `SubscriptionTiming`: "immediate" (now, to the second), "next_billing_cycle" (the end of ' +
  'the period in progress) or an RFC 3339 date-time at most two minutes in the past; never before the ' +
  'subscription starts';

export class SubscriptionAddonParams {
  @ApiProperty({ description: 'The subscription id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'subscriptionId must be a subscription id (ULID)' })
  subscriptionId!: string;

  @ApiProperty({ description: 'The subscription add-on id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'subscriptionAddonId must be a subscription add-on id (ULID)' })
  subscriptionAddonId!: string;
}

export class AddonReferenceDto {
  @ApiProperty({ description: 'The id (ULID) of a published add-on version' })
  @IsDefined()
  @IsString()
  @Matches(ULID_PATTERN, { message: 'id must be an add-on id (ULID)' })
  id!: string;
}

/** OpenMeter's `SubscriptionAddonCreate`. */
export class CreateSubscriptionAddonRequest {
  @ApiProperty({ minLength: 1, maxLength: 256 })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IfPresent()
  @IsStringMap()
  metadata?: Record<string, string> | null;

  @ApiProperty({ minimum: 0, description: 'Always 1 for a single add-on; at least 1 on create' })
  @IsDefined()
  @IsInt()
  @Min(0)
  quantity!: number;

  @ApiProperty({ description: TIMING_DESCRIPTION, example: 'immediate' })
  @IsDefined()
  @IsString()
  @IsInstant(TIMING_KEYWORDS)
  timing!: string;

  @ApiProperty({ type: AddonReferenceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AddonReferenceDto)
  addon!: AddonReferenceDto;
}

/** OpenMeter's `SubscriptionAddonUpdate`: a new quantity from `timing` (0 ends it), and its texts. */
export class UpdateSubscriptionAddonRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 256 })
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IfPresent()
  @IsStringMap()
  metadata?: Record<string, string> | null;

  @ApiPropertyOptional({ minimum: 0, description: 'From `timing` on; 0 ends the add-on' })
  @IfPresent()
  @IsInt()
  @Min(0)
  quantity?: number;

  @ApiPropertyOptional({ description: TIMING_DESCRIPTION, default: 'immediate' })
  @IfPresent()
  @IsString()
  @IsInstant(TIMING_KEYWORDS)
  timing?: string;
}
