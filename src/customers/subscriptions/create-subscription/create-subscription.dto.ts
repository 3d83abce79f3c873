import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AlignmentDto,
  CATALOG_KEY_PATTERN,
  CustomPlanInputDto,
  SETTLEMENT_MODES,
  SettlementMode,
} from '../../../catalog';
import { IfPresent, IsStringMap, ULID_PATTERN } from '../../../shared/http/list-params';
import { IsInstant } from '../../../shared/http/is-instant';
import { COST_BASIS_MODES, CostBasisMode } from '../subscription.decider';

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

/**
 * OpenMeter's `SubscriptionCreate`: a `PlanSubscriptionCreate` (a catalog `plan`) or a
 * `CustomSubscriptionCreate` (a `customPlan` given inline), exactly one of the two.
 */
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

  @ApiPropertyOptional({ type: PlanReferenceInputDto, description: 'A catalog plan; or else customPlan' })
  @ValidateIf(
    (request: CreateSubscriptionRequest) => request.plan !== undefined || request.customPlan === undefined,
  )
  @IsDefined({ message: 'plan or customPlan is required' })
  @ValidateNested()
  @Type(() => PlanReferenceInputDto)
  plan?: PlanReferenceInputDto;

  @ApiPropertyOptional({
    type: CustomPlanInputDto,
    description: 'A plan given inline, for this subscription alone',
  })
  @IfPresent()
  @ValidateBy({
    name: 'withoutPlan',
    validator: {
      validate: (_value, args) => (args?.object as CreateSubscriptionRequest).plan === undefined,
      defaultMessage: () => 'customPlan and plan may not both be given',
    },
  })
  @ValidateNested()
  @Type(() => CustomPlanInputDto)
  customPlan?: CustomPlanInputDto;

  @ApiPropertyOptional({ description: 'The key of the phase to start in; earlier phases are skipped' })
  @IfPresent()
  @IsString()
  @MinLength(1)
  startingPhase?: string;

  @ApiPropertyOptional({ type: AlignmentDto, deprecated: true })
  @IfPresent()
  @ValidateNested()
  @Type(() => AlignmentDto)
  alignment?: AlignmentDto;

  @ApiPropertyOptional({ enum: SETTLEMENT_MODES, description: 'Kept and shown back' })
  @IfPresent()
  @IsIn(SETTLEMENT_MODES)
  settlementMode?: SettlementMode;

  @ApiPropertyOptional({ enum: COST_BASIS_MODES, default: 'dynamic', description: 'Kept and shown back' })
  @IfPresent()
  @IsIn(COST_BASIS_MODES)
  costBasisMode?: CostBasisMode;

  @ApiPropertyOptional({
    default: 'immediate',
    description:
      '"immediate" (now, to the second) or an RFC 3339 date-time, in the past at most SUBSCRIPTION_BACKDATE_LIMIT (default P1Y)',
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
