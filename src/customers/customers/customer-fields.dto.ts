import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IfPresent, IsStringMap } from '../../shared/http/list-params';
import { CustomerFields } from './customer.decider';

/** OpenMeter's `Address`. */
export class AddressDto {
  @ApiPropertyOptional({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  @IfPresent()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as US' })
  country?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  postalCode?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  state?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  city?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  line1?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  line2?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  phoneNumber?: string;
}

/** OpenMeter's `CustomerUsageAttribution`. */
export class UsageAttributionDto {
  @ApiProperty({
    type: [String],
    example: ['acme-inc'],
    description: 'The event subjects that are this customer’s usage',
  })
  @IsArray()
  @IsString({ each: true })
  @Length(1, 256, { each: true })
  subjectKeys!: string[];
}

/** The fields of OpenMeter's `CustomerCreate` and `CustomerReplaceUpdate`. */
export class CustomerFieldsDto {
  @ApiProperty({ example: 'Acme Inc', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({
    example: 'acme-inc',
    minLength: 1,
    maxLength: 256,
    description: 'Unique among customers and subject keys',
  })
  @IfPresent()
  @IsString()
  @Length(1, 256)
  key?: string;

  @ApiPropertyOptional({ type: UsageAttributionDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => UsageAttributionDto)
  usageAttribution?: UsageAttributionDto;

  @ApiPropertyOptional({ example: 'billing@acme.example' })
  @IfPresent()
  @IsString()
  primaryEmail?: string;

  @ApiPropertyOptional({ example: 'USD', pattern: '^[A-Z]{3}$' })
  @IfPresent()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => AddressDto)
  billingAddress?: AddressDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IsOptional()
  @IsStringMap()
  metadata?: Record<string, string> | null;
}

/** The request as the decider takes it: no subject keys when none are given, `null` metadata as none. */
export function customerFieldsOf(dto: CustomerFieldsDto): CustomerFields {
  return {
    key: dto.key,
    name: dto.name,
    description: dto.description,
    usageAttribution: { subjectKeys: dto.usageAttribution?.subjectKeys ?? [] },
    currency: dto.currency,
    primaryEmail: dto.primaryEmail,
    billingAddress: dto.billingAddress && { ...dto.billingAddress },
    metadata: dto.metadata ?? undefined,
  };
}
