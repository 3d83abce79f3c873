import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CATALOG_KEY_PATTERN, Metadata } from '../catalog-rules';
import { IfPresent, IsStringMap, RequiredOrNull, ULID_PATTERN } from '../../shared/http/list-params';
import {
  CreatePlan,
  PRO_RATING_MODES,
  PlanPhase,
  ProRatingMode,
  SETTLEMENT_MODES,
  SettlementMode,
} from './plan.decider';
import {
  Discounts,
  PAYMENT_TERMS,
  PRICE_TYPES,
  PaymentTerm,
  Price,
  TIERED_PRICE_MODES,
  TieredPriceMode,
} from './price';
import {
  ENTITLEMENT_TEMPLATE_TYPES,
  EntitlementTemplate,
  RATE_CARD_TYPES,
  RateCard,
  TAX_BEHAVIORS,
  TaxBehavior,
  TaxConfig,
} from './rate-card';

/**
 * The request shapes of a plan's content (OpenMeter's `PlanPhase`, `RateCardFlatFee`,
 * `RateCardUsageBased` and their prices, discounts, tax configs and entitlement templates), checked
 * at the edge: types, required fields, enums and patterns, with every unknown property refused. The
 * rules that span fields (cadences, alignment, tiers, keys) are the plan decider's.
 */

/** OpenMeter's `Numeric`: a decimal string. */
const NUMERIC = /^-?[0-9]+(\.[0-9]+)?$/;
const numericMessage = (property: string) => `${property} must be a decimal string such as "12.5"`;

/** A catalog key (OpenMeter's `Key`): phase, rate-card and feature keys. */
function Key(): PropertyDecorator {
  return (target, property) => {
    for (const decorate of [IsString(), MaxLength(64), Matches(CATALOG_KEY_PATTERN)])
      decorate(target, property);
  };
}

function Numeric(): PropertyDecorator {
  return (target, property) => {
    for (const decorate of [
      IsString(),
      Matches(NUMERIC, { message: ({ property: name }) => numericMessage(name) }),
    ])
      decorate(target, property);
  };
}

const metadataProperty = {
  type: 'object',
  additionalProperties: { type: 'string' },
  nullable: true,
} as const;

export class ProRatingConfigDto {
  @ApiProperty({ default: true })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ enum: PRO_RATING_MODES, default: 'prorate_prices' })
  @IsIn(PRO_RATING_MODES)
  mode!: ProRatingMode;
}

export class TierFlatPriceDto {
  @ApiProperty({ enum: ['flat'] })
  @IsIn(['flat'])
  type!: 'flat';

  @ApiProperty({ example: '10' })
  @Numeric()
  amount!: string;
}

export class TierUnitPriceDto {
  @ApiProperty({ enum: ['unit'] })
  @IsIn(['unit'])
  type!: 'unit';

  @ApiProperty({ example: '0.5' })
  @Numeric()
  amount!: string;
}

export class PriceTierDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1000',
    description: 'Inclusive upper bound; absent (or null) on the last, open-ended tier',
  })
  @IsOptional()
  @Numeric()
  upToAmount?: string | null;

  @ApiProperty({ type: TierFlatPriceDto, nullable: true })
  @RequiredOrNull()
  @IsDefined()
  @ValidateNested()
  @Type(() => TierFlatPriceDto)
  flatPrice!: TierFlatPriceDto | null;

  @ApiProperty({ type: TierUnitPriceDto, nullable: true })
  @RequiredOrNull()
  @IsDefined()
  @ValidateNested()
  @Type(() => TierUnitPriceDto)
  unitPrice!: TierUnitPriceDto | null;
}

/** What a price with an unknown `type` is read as: only its type is checked, and refused. */
export class UnknownPriceDto {
  @ApiProperty({ enum: PRICE_TYPES })
  @IsIn(PRICE_TYPES)
  type!: string;
}

export class FlatPriceDto {
  @ApiProperty({ enum: ['flat'] })
  @IsIn(['flat'])
  type!: 'flat';

  @ApiProperty({ example: '49.99' })
  @Numeric()
  amount!: string;

  @ApiPropertyOptional({ enum: PAYMENT_TERMS, default: 'in_advance' })
  @IfPresent()
  @IsIn(PAYMENT_TERMS)
  paymentTerm?: PaymentTerm;
}

class CommitmentsDto {
  @ApiPropertyOptional({ description: 'Least spend per billing period' })
  @IfPresent()
  @Numeric()
  minimumAmount?: string;

  @ApiPropertyOptional({ description: 'Most spend per billing period' })
  @IfPresent()
  @Numeric()
  maximumAmount?: string;
}

export class UnitPriceDto extends CommitmentsDto {
  @ApiProperty({ enum: ['unit'] })
  @IsIn(['unit'])
  type!: 'unit';

  @ApiProperty({ example: '1' })
  @Numeric()
  amount!: string;
}

export class TieredPriceDto extends CommitmentsDto {
  @ApiProperty({ enum: ['tiered'] })
  @IsIn(['tiered'])
  type!: 'tiered';

  @ApiProperty({ enum: TIERED_PRICE_MODES })
  @IsIn(TIERED_PRICE_MODES)
  mode!: TieredPriceMode;

  @ApiProperty({ type: [PriceTierDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  // Each an object: class-validator walks nested arrays and finds nothing wrong in `[[]]`.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PriceTierDto)
  tiers!: PriceTierDto[];
}

export class PackagePriceDto extends CommitmentsDto {
  @ApiProperty({ enum: ['package'] })
  @IsIn(['package'])
  type!: 'package';

  @ApiProperty({ example: '10', description: 'The price of one package' })
  @Numeric()
  amount!: string;

  @ApiProperty({ example: '1000' })
  @Numeric()
  quantityPerPackage!: string;
}

/** The usage is the amount (a meter of cost), times `multiplier`. */
export class DynamicPriceDto extends CommitmentsDto {
  @ApiProperty({ enum: ['dynamic'] })
  @IsIn(['dynamic'])
  type!: 'dynamic';

  @ApiPropertyOptional({ example: '1.5', default: '1' })
  @IfPresent()
  @Numeric()
  multiplier?: string;
}

export class PercentageDiscountDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 10 })
  @IsNumber()
  @Min(0)
  @Max(100)
  percentage!: number;
}

export class UsageDiscountDto {
  @ApiProperty({ example: '100', description: 'Units of usage free in each period' })
  @Numeric()
  quantity!: string;
}

export class DiscountsDto {
  @ApiPropertyOptional({ type: PercentageDiscountDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => PercentageDiscountDto)
  percentage?: PercentageDiscountDto;

  @ApiPropertyOptional({ type: UsageDiscountDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => UsageDiscountDto)
  usage?: UsageDiscountDto;
}

class TaxCodeDto {
  @ApiProperty({ example: 'txcd_10000000' })
  @IsString()
  @Length(1, 256)
  code!: string;
}

class StripeTaxCodeDto {
  @ApiProperty({ example: 'txcd_10000000', pattern: '^txcd_\\d{8}$' })
  @IsString()
  @Matches(/^txcd_\d{8}$/, { message: 'code must be a Stripe product tax code such as txcd_10000000' })
  code!: string;
}

/** OpenMeter's `TaxConfig`: kept and shown back; Tally calculates no tax. */
export class TaxConfigDto {
  @ApiPropertyOptional({ enum: TAX_BEHAVIORS })
  @IfPresent()
  @IsIn(TAX_BEHAVIORS)
  behavior?: TaxBehavior;

  @ApiPropertyOptional({ type: StripeTaxCodeDto, deprecated: true })
  @IfPresent()
  @ValidateNested()
  @Type(() => StripeTaxCodeDto)
  stripe?: StripeTaxCodeDto;

  @ApiPropertyOptional({ type: TaxCodeDto, deprecated: true })
  @IfPresent()
  @ValidateNested()
  @Type(() => TaxCodeDto)
  customInvoicing?: TaxCodeDto;

  @ApiPropertyOptional({ pattern: ULID_PATTERN.source })
  @IfPresent()
  @IsString()
  @Matches(ULID_PATTERN, { message: 'taxCodeId must be a tax code id (ULID)' })
  taxCodeId?: string;
}

/** OpenMeter's `Alignment`. */
export class AlignmentDto {
  @ApiPropertyOptional({
    description: "true: every rate card with a price bills at exactly the plan's billing cadence",
  })
  @IfPresent()
  @IsBoolean()
  billablesMustAlign?: boolean;
}

/** What an entitlement template with an unknown `type` is read as: only its type is checked, and refused. */
export class UnknownEntitlementTemplateDto {
  @ApiProperty({ enum: ENTITLEMENT_TEMPLATE_TYPES })
  @IsIn(ENTITLEMENT_TEMPLATE_TYPES)
  type!: string;
}

export class BooleanEntitlementTemplateDto {
  @ApiProperty({ enum: ['boolean'] })
  @IsIn(['boolean'])
  type!: 'boolean';

  @ApiPropertyOptional(metadataProperty)
  @IfPresent()
  @IsStringMap()
  metadata?: Metadata;
}

export class StaticEntitlementTemplateDto {
  @ApiProperty({ enum: ['static'] })
  @IsIn(['static'])
  type!: 'static';

  @ApiProperty({ description: 'A JSON object, serialized', example: '{"seats":10}' })
  @IsString()
  config!: string;

  @ApiPropertyOptional(metadataProperty)
  @IfPresent()
  @IsStringMap()
  metadata?: Metadata;
}

export class MeteredEntitlementTemplateDto {
  @ApiProperty({ enum: ['metered'] })
  @IsIn(['metered'])
  type!: 'metered';

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  isSoftLimit?: boolean;

  @ApiPropertyOptional({ minimum: 0 })
  @IfPresent()
  @IsNumber()
  @Min(0)
  issueAfterReset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 255, default: 1 })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(255)
  issueAfterResetPriority?: number;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  preserveOverageAtReset?: boolean;

  @ApiPropertyOptional({ description: 'ISO-8601 duration; defaults to the rate card billing cadence' })
  @IfPresent()
  @IsString()
  usagePeriod?: string;

  @ApiPropertyOptional(metadataProperty)
  @IfPresent()
  @IsStringMap()
  metadata?: Metadata;
}

const entitlementTemplate = () =>
  Type(() => UnknownEntitlementTemplateDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'boolean', value: BooleanEntitlementTemplateDto },
        { name: 'static', value: StaticEntitlementTemplateDto },
        { name: 'metered', value: MeteredEntitlementTemplateDto },
      ],
    },
  });

/** What a rate card with an unknown `type` is read as: only its type is checked, and refused. */
export class UnknownRateCardDto {
  @ApiProperty({ enum: RATE_CARD_TYPES })
  @IsIn(RATE_CARD_TYPES)
  type!: string;
}

/** What a plan, each of its phases and each rate card carry: a name, a description and metadata. */
class DescribedDto {
  @ApiProperty({ minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional(metadataProperty)
  @IsOptional()
  @IsStringMap()
  metadata?: Metadata | null;
}

/** Phases and rate cards are also named by a key, unique within their plan or phase. */
class KeyedDto extends DescribedDto {
  @ApiProperty({ example: 'active_users', pattern: CATALOG_KEY_PATTERN.source, maxLength: 64 })
  @Key()
  key!: string;
}

/** A schema that is one of these request classes, chosen by its `type`. */
const oneOfTypes = (...classes: (new () => object)[]) => ({
  oneOf: classes.map((type) => ({ $ref: getSchemaPath(type) })),
  discriminator: { propertyName: 'type' },
});

@ApiExtraModels(
  BooleanEntitlementTemplateDto,
  StaticEntitlementTemplateDto,
  MeteredEntitlementTemplateDto,
  FlatPriceDto,
  UnitPriceDto,
  TieredPriceDto,
  PackagePriceDto,
  DynamicPriceDto,
)
class RateCardCommonDto extends KeyedDto {
  @ApiPropertyOptional({ example: 'active_users', pattern: CATALOG_KEY_PATTERN.source })
  @IfPresent()
  @Key()
  featureKey?: string;

  @ApiPropertyOptional({
    description: 'boolean, static or metered; needs featureKey',
    ...oneOfTypes(BooleanEntitlementTemplateDto, StaticEntitlementTemplateDto, MeteredEntitlementTemplateDto),
  })
  @IfPresent()
  @ValidateNested()
  @entitlementTemplate()
  entitlementTemplate?:
    BooleanEntitlementTemplateDto | StaticEntitlementTemplateDto | MeteredEntitlementTemplateDto;

  @ApiPropertyOptional({ type: DiscountsDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => DiscountsDto)
  discounts?: DiscountsDto;

  @ApiPropertyOptional({ type: TaxConfigDto, description: 'Kept and shown back; Tally calculates no tax' })
  @IfPresent()
  @ValidateNested()
  @Type(() => TaxConfigDto)
  taxConfig?: TaxConfigDto;
}

export class FlatFeeRateCardDto extends RateCardCommonDto {
  @ApiProperty({ enum: ['flat_fee'] })
  @IsIn(['flat_fee'])
  type!: 'flat_fee';

  @ApiProperty({ type: String, nullable: true, example: 'P1M', description: 'null for a one-time fee' })
  @RequiredOrNull()
  @IsDefined()
  @IsString()
  billingCadence!: string | null;

  @ApiProperty({ type: FlatPriceDto, nullable: true, description: 'null when free' })
  @RequiredOrNull()
  @IsDefined()
  @ValidateNested()
  @Type(() => FlatPriceDto)
  price!: FlatPriceDto | null;
}

export class UsageBasedRateCardDto extends RateCardCommonDto {
  @ApiProperty({ enum: ['usage_based'] })
  @IsIn(['usage_based'])
  type!: 'usage_based';

  @ApiProperty({ example: 'P1M' })
  @IsString()
  billingCadence!: string;

  @ApiProperty({
    nullable: true,
    description: 'flat, unit, tiered, package or dynamic; null when free',
    ...oneOfTypes(FlatPriceDto, UnitPriceDto, TieredPriceDto, PackagePriceDto, DynamicPriceDto),
  })
  @RequiredOrNull()
  @IsDefined()
  @ValidateNested()
  @Type(() => UnknownPriceDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'flat', value: FlatPriceDto },
        { name: 'unit', value: UnitPriceDto },
        { name: 'tiered', value: TieredPriceDto },
        { name: 'package', value: PackagePriceDto },
        { name: 'dynamic', value: DynamicPriceDto },
      ],
    },
  })
  price!: FlatPriceDto | UnitPriceDto | TieredPriceDto | PackagePriceDto | DynamicPriceDto | null;
}

@ApiExtraModels(FlatFeeRateCardDto, UsageBasedRateCardDto)
export class PlanPhaseDto extends KeyedDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'ISO-8601 duration; null on the last phase',
  })
  @RequiredOrNull()
  @IsDefined()
  @IsString()
  duration!: string | null;

  @ApiProperty({
    description: 'flat_fee or usage_based rate cards',
    type: 'array',
    items: oneOfTypes(FlatFeeRateCardDto, UsageBasedRateCardDto),
  })
  @IsArray()
  // Each an object: class-validator walks nested arrays and finds nothing wrong in `[[]]`.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => UnknownRateCardDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'flat_fee', value: FlatFeeRateCardDto },
        { name: 'usage_based', value: UsageBasedRateCardDto },
      ],
    },
  })
  rateCards!: (FlatFeeRateCardDto | UsageBasedRateCardDto)[];
}

/** The fields a plan's create and replace share (`PlanCreate`, `PlanReplaceUpdate`). */
export class PlanContentDto extends DescribedDto {
  @ApiProperty({ example: 'P1M', description: 'ISO-8601 duration: how often subscriptions are invoiced' })
  @IsString()
  billingCadence!: string;

  @ApiPropertyOptional({ type: ProRatingConfigDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => ProRatingConfigDto)
  proRatingConfig?: ProRatingConfigDto;

  @ApiPropertyOptional({ type: AlignmentDto, deprecated: true })
  @IfPresent()
  @ValidateNested()
  @Type(() => AlignmentDto)
  alignment?: AlignmentDto;

  @ApiPropertyOptional({
    enum: SETTLEMENT_MODES,
    description: 'Kept and shown back; Tally invoices every period whatever the mode',
  })
  @IfPresent()
  @IsIn(SETTLEMENT_MODES)
  settlementMode?: SettlementMode;

  @ApiProperty({ type: [PlanPhaseDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  // Each an object: class-validator walks nested arrays and finds nothing wrong in `[[]]`.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PlanPhaseDto)
  phases!: PlanPhaseDto[];
}

/** OpenMeter's `CustomPlanInput`: a plan given inline to one subscription, without key or version. */
export class CustomPlanInputDto extends PlanContentDto {
  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency!: string;
}

export type PlanContentInput = Pick<
  CreatePlan['data'],
  | 'name'
  | 'description'
  | 'billingCadence'
  | 'proRatingConfig'
  | 'phases'
  | 'metadata'
  | 'alignment'
  | 'settlementMode'
>;

/** The request as the decider takes it, `null` metadata read as none. */
export function planContentOf(dto: PlanContentDto): PlanContentInput {
  return {
    name: dto.name,
    description: dto.description,
    billingCadence: dto.billingCadence,
    proRatingConfig: dto.proRatingConfig && {
      enabled: dto.proRatingConfig.enabled,
      mode: dto.proRatingConfig.mode,
    },
    phases: dto.phases.map(phaseOf),
    metadata: dto.metadata ?? undefined,
    alignment: dto.alignment && { ...dto.alignment },
    settlementMode: dto.settlementMode,
  };
}

function phaseOf(phase: PlanPhaseDto): PlanPhase {
  return {
    key: phase.key,
    name: phase.name,
    description: phase.description,
    metadata: phase.metadata ?? undefined,
    duration: phase.duration,
    rateCards: phase.rateCards.map(rateCardOf),
  };
}

export function rateCardOf(rateCard: FlatFeeRateCardDto | UsageBasedRateCardDto): RateCard {
  const common = {
    key: rateCard.key,
    name: rateCard.name,
    description: rateCard.description,
    metadata: rateCard.metadata ?? undefined,
    featureKey: rateCard.featureKey,
    entitlementTemplate: rateCard.entitlementTemplate as EntitlementTemplate | undefined,
    discounts: rateCard.discounts as Discounts | undefined,
    taxConfig: rateCard.taxConfig as TaxConfig | undefined,
  };
  return rateCard.type === 'flat_fee'
    ? { ...common, type: 'flat_fee', billingCadence: rateCard.billingCadence, price: rateCard.price }
    : {
        ...common,
        type: 'usage_based',
        billingCadence: rateCard.billingCadence,
        price: rateCard.price as Price | null,
      };
}
