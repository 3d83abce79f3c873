import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AlignmentDto, CustomPlanInputDto, SETTLEMENT_MODES, SettlementMode } from '../../../catalog';
import { IfPresent, IsStringMap } from '../../../shared/http/list-params';
import { IsInstant } from '../../../shared/http/is-instant';
import { PlanReferenceInputDto } from '../create-subscription/create-subscription.dto';
import { COST_BASIS_MODES, CostBasisMode } from '../subscription.decider';

const TIMING_KEYWORDS = ['immediate', 'next_billing_cycle'];
const TIMING_DESCRIPTION =
  'OpenMeter\'s `SubscriptionTiming`: "immediate" (now, to the second), "next_billing_cycle" (the end of ' +
  'the period in progress) or an RFC 3339 date-time at most two minutes in the past';

/**
 * OpenMeter's `SubscriptionChange`: a `PlanSubscriptionChange` (a catalog `plan`) or a
 * `CustomSubscriptionChange` (a `customPlan` given inline), exactly one of the two.
 */
export class ChangeSubscriptionRequest {
  @ApiProperty({ description: TIMING_DESCRIPTION, example: 'immediate' })
  @IsDefined()
  @IsString()
  @IsInstant(TIMING_KEYWORDS)
  timing!: string;

  @ApiPropertyOptional({ type: PlanReferenceInputDto, description: 'A catalog plan; or else customPlan' })
  @ValidateIf(
    (request: ChangeSubscriptionRequest) => request.plan !== undefined || request.customPlan === undefined,
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
      validate: (_value, args) => (args?.object as ChangeSubscriptionRequest).plan === undefined,
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
    format: 'date-time',
    description: 'Periods are billingAnchor + n × billingCadence; defaults to the current subscription’s',
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

/** OpenMeter's `migrateSubscription` body: to another version of the subscription's own plan. */
export class MigrateSubscriptionRequest {
  @ApiPropertyOptional({ description: TIMING_DESCRIPTION, default: 'immediate' })
  @IfPresent()
  @IsString()
  @IsInstant(TIMING_KEYWORDS)
  timing?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Defaults to the plan’s active version' })
  @IfPresent()
  @IsInt()
  @Min(1)
  targetVersion?: number;

  @ApiPropertyOptional({ description: 'The key of the phase to start in; earlier phases are skipped' })
  @IfPresent()
  @IsString()
  @MinLength(1)
  startingPhase?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Periods are billingAnchor + n × billingCadence; defaults to the current subscription’s',
  })
  @IfPresent()
  @IsInstant()
  billingAnchor?: string;
}
