import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CATALOG_KEY_PATTERN,
  DiscountsDto,
  FlatPriceDto,
  PackagePriceDto,
  TieredPriceDto,
  UnitPriceDto,
  UnknownPriceDto,
} from '../../catalog';
import { IsInstant } from '../../shared/http/is-instant';
import { IfPresent, IsStringMap, RequiredOrNull, ULID_PATTERN } from '../../shared/http/list-params';

/** OpenMeter's `Numeric`: a decimal string. */
const NUMERIC = /^-?[0-9]+(\.[0-9]+)?$/;
export const MAX_SIMULATION_LINES = 1000;

/** The catalog's price shapes, one of them by `type`: the one price model, checked as plans check it. */
function PriceOfCatalog(): PropertyDecorator {
  return Type(() => UnknownPriceDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'flat', value: FlatPriceDto },
        { name: 'unit', value: UnitPriceDto },
        { name: 'tiered', value: TieredPriceDto },
        { name: 'package', value: PackagePriceDto },
      ],
    },
  });
}

/** The same shapes for the API document, as the catalog's request classes describe them. */
const CATALOG_PRICE = {
  oneOf: [FlatPriceDto, UnitPriceDto, TieredPriceDto, PackagePriceDto].map((type) => ({
    $ref: getSchemaPath(type),
  })),
  discriminator: { propertyName: 'type' },
};

export class SimulationPeriodDto {
  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  from!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  to!: string;
}

/** OpenMeter's `InvoiceUsageBasedRateCard` (its `taxConfig` accepted and not acted on). */
export class SimulationRateCardDto {
  @ApiPropertyOptional({ pattern: CATALOG_KEY_PATTERN.source })
  @IfPresent()
  @IsString()
  @Matches(CATALOG_KEY_PATTERN)
  @MaxLength(64)
  featureKey?: string;

  @ApiProperty({
    nullable: true,
    description: 'flat, unit, tiered or package, as a plan takes it; null when free',
    ...CATALOG_PRICE,
  })
  @RequiredOrNull()
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @PriceOfCatalog()
  price!: FlatPriceDto | UnitPriceDto | TieredPriceDto | PackagePriceDto | null;

  @ApiPropertyOptional({ type: DiscountsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => DiscountsDto)
  discounts?: DiscountsDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Accepted, not acted on' })
  @IfPresent()
  @IsObject()
  taxConfig?: Record<string, unknown>;
}

/** OpenMeter's `InvoiceSimulationLine`. */
export class SimulationLineDto {
  @ApiPropertyOptional({ pattern: ULID_PATTERN.source })
  @IfPresent()
  @IsString()
  @Matches(ULID_PATTERN)
  id?: string;

  @ApiProperty({ minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IsOptional()
  @IsStringMap()
  metadata?: Record<string, string> | null;

  @ApiProperty({ type: SimulationPeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SimulationPeriodDto)
  period!: SimulationPeriodDto;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  invoiceAt!: string;

  @ApiProperty({ example: '12.5', description: 'A decimal string' })
  @IsString()
  @Matches(NUMERIC, { message: 'quantity must be a decimal string such as "12.5"' })
  @MaxLength(80)
  quantity!: string;

  @ApiPropertyOptional({ description: 'Accepted; progressive billing is not built, so not acted on' })
  @IfPresent()
  @IsString()
  @Matches(NUMERIC, { message: 'preLinePeriodQuantity must be a decimal string such as "12.5"' })
  @MaxLength(80)
  preLinePeriodQuantity?: string;

  @ApiPropertyOptional({ pattern: CATALOG_KEY_PATTERN.source, deprecated: true })
  @IfPresent()
  @IsString()
  @Matches(CATALOG_KEY_PATTERN)
  @MaxLength(64)
  featureKey?: string;

  @ApiPropertyOptional({ deprecated: true, description: 'Use rateCard.price', ...CATALOG_PRICE })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @PriceOfCatalog()
  price?: FlatPriceDto | UnitPriceDto | TieredPriceDto | PackagePriceDto;

  @ApiPropertyOptional({ type: SimulationRateCardDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => SimulationRateCardDto)
  rateCard?: SimulationRateCardDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    deprecated: true,
    description: 'Accepted, not acted on',
  })
  @IfPresent()
  @IsObject()
  taxConfig?: Record<string, unknown>;
}

/** OpenMeter's `InvoiceSimulationInput`. */
export class SimulateInvoiceRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 256, example: 'INV-2027-SIM' })
  @IfPresent()
  @IsString()
  @Length(1, 256)
  number?: string;

  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency!: string;

  @ApiProperty({ type: [SimulationLineDto], minItems: 1, maxItems: MAX_SIMULATION_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SIMULATION_LINES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SimulationLineDto)
  lines!: SimulationLineDto[];
}
