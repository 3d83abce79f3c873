import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CATALOG_KEY_PATTERN } from '../catalog';
import { IsInstant } from '../shared/http/is-instant';
import { IfPresent, IsStringMap, ULID_PATTERN } from '../shared/http/list-params';
import { EXPIRATION_DURATIONS, ExpirationDuration } from './balance/grants';
import { INTERVAL_KEYWORDS } from './balance/usage-period';
import {
  ENTITLEMENT_TYPES,
  EntitlementType,
  MAX_PRIORITY,
  MEASURE_USAGE_FROM_PRESETS,
} from './entitlement.decider';

/**
 * The request bodies of the entitlement and grant routes (OpenMeter's `EntitlementV2CreateInputs`,
 * `EntitlementCreateInputs`, `EntitlementGrantCreateInputV2`, `EntitlementGrantCreateInput` and
 * `ResetEntitlementUsageInput`), checked at the edge: types, ranges, enums and patterns, every
 * unknown property refused. What depends on the entitlement's type, and every rule across fields,
 * is the decider's. Amounts are JSON numbers, as OpenMeter's are, held as decimals from here on
 * (the edge refuses a number a double would not keep exactly).
 */

const metadataProperty = { type: 'object', additionalProperties: { type: 'string' } } as const;
const intervalDescription = `${Object.keys(INTERVAL_KEYWORDS).join(', ')} or an ISO-8601 duration (at least an hour)`;

export class RecurringPeriodRequest {
  @ApiProperty({ description: intervalDescription, example: 'MONTH' })
  @IsString()
  @MaxLength(64)
  interval!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now; truncated to the minute' })
  @IfPresent()
  @IsInstant()
  anchor?: string;
}

export class ExpirationRequest {
  @ApiProperty({ enum: EXPIRATION_DURATIONS })
  @IsIn(EXPIRATION_DURATIONS)
  duration!: ExpirationDuration;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  count!: number;
}

export class IssueAfterResetRequest {
  @ApiProperty({ minimum: 0 })
  @IsNumber()
  @Min(0)
  amount!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PRIORITY, default: 1 })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(MAX_PRIORITY)
  priority?: number;
}

/** What grants of both API versions take. */
class GrantCreateBase {
  @ApiProperty({ minimum: 0, exclusiveMinimum: true, example: 100 })
  @IsNumber()
  @Min(0)
  amount!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PRIORITY, default: 1, description: '1 burns first' })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(MAX_PRIORITY)
  priority?: number;

  @ApiProperty({ format: 'date-time', description: 'Truncated to the minute' })
  @IsInstant()
  effectiveAt!: string;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IfPresent()
  @IsNumber()
  @Min(0)
  minRolloverAmount?: number;

  @ApiPropertyOptional({ type: RecurringPeriodRequest, description: 'Anchor defaults to effectiveAt' })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => RecurringPeriodRequest)
  recurrence?: RecurringPeriodRequest;

  @ApiPropertyOptional(metadataProperty)
  @IfPresent()
  @IsStringMap()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IfPresent()
  @IsObject()
  annotations?: Record<string, unknown>;
}

/** OpenMeter's `EntitlementGrantCreateInputV2`. */
export class GrantCreateRequest extends GrantCreateBase {
  @ApiPropertyOptional({ type: ExpirationRequest, description: 'None: the grant never expires' })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => ExpirationRequest)
  expiration?: ExpirationRequest;

  @ApiPropertyOptional({ minimum: 0, description: 'Defaults to the amount' })
  @IfPresent()
  @IsNumber()
  @Min(0)
  maxRolloverAmount?: number;
}

/** OpenMeter's `EntitlementGrantCreateInput` (v1): an expiration is required, rollovers default to 0. */
export class GrantCreateRequestV1 extends GrantCreateBase {
  @ApiProperty({ type: ExpirationRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => ExpirationRequest)
  expiration!: ExpirationRequest;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IfPresent()
  @IsNumber()
  @Min(0)
  maxRolloverAmount?: number;
}

/** The fields every entitlement type may have. */
class EntitlementCreateBase {
  @ApiProperty({ enum: ENTITLEMENT_TYPES })
  @IsIn(ENTITLEMENT_TYPES)
  type!: EntitlementType;

  @ApiPropertyOptional({ pattern: CATALOG_KEY_PATTERN.source, description: 'featureKey or featureId' })
  @IfPresent()
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  featureKey?: string;

  @ApiPropertyOptional({ pattern: ULID_PATTERN.source, description: 'featureKey or featureId' })
  @IfPresent()
  @IsString()
  @Matches(ULID_PATTERN)
  featureId?: string;

  @ApiPropertyOptional(metadataProperty)
  @IfPresent()
  @IsStringMap()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ type: RecurringPeriodRequest, description: 'Required for metered entitlements' })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => RecurringPeriodRequest)
  usagePeriod?: RecurringPeriodRequest;

  @ApiPropertyOptional({
    description: 'Static entitlements: a JSON object, serialized',
    example: '{"seats":10}',
  })
  @IfPresent()
  @IsString()
  @Length(2, 10_000)
  config?: string;

  @ApiPropertyOptional({
    description: `Metered: ${MEASURE_USAGE_FROM_PRESETS.join(', ')} or an RFC 3339 date-time; defaults to now`,
  })
  @IfPresent()
  @IsInstant(MEASURE_USAGE_FROM_PRESETS)
  measureUsageFrom?: string;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  isSoftLimit?: boolean;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  preserveOverageAtReset?: boolean;

  @ApiPropertyOptional({ minimum: 0, description: 'A grant of this amount, restored at every reset' })
  @IfPresent()
  @IsNumber()
  @Min(0)
  issueAfterReset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PRIORITY, default: 1 })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(MAX_PRIORITY)
  issueAfterResetPriority?: number;
}

/** OpenMeter's `EntitlementV2CreateInputs`: one body for the three types, told apart by `type`. */
export class EntitlementCreateRequest extends EntitlementCreateBase {
  @ApiPropertyOptional({ type: IssueAfterResetRequest })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => IssueAfterResetRequest)
  issue?: IssueAfterResetRequest;

  @ApiPropertyOptional({ type: [GrantCreateRequest], maxItems: 100 })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GrantCreateRequest)
  grants?: GrantCreateRequest[];
}

/** OpenMeter's `EntitlementCreateInputs` (v1). */
export class EntitlementCreateRequestV1 extends EntitlementCreateBase {
  @ApiPropertyOptional({ default: false, deprecated: true, description: 'Ignored, as OpenMeter ignores it' })
  @IfPresent()
  @IsBoolean()
  isUnlimited?: boolean;
}

/** OpenMeter's `ResetEntitlementUsageInput`. */
export class ResetUsageRequest {
  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now; truncated to the minute' })
  @IfPresent()
  @IsInstant()
  effectiveAt?: string;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  retainAnchor?: boolean;

  @ApiPropertyOptional({ description: "Defaults to the entitlement's preserveOverageAtReset" })
  @IfPresent()
  @IsBoolean()
  preserveOverage?: boolean;
}
