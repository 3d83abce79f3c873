import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AddressDto } from '../../customers';
import { IfPresent, IsStringMap, ULID_PATTERN } from '../../shared/http/list-params';
import { COLLECTION_METHODS, CollectionMethod } from './workflow';

/**
 * The request and answer shapes of OpenMeter's billing profiles (`BillingProfileCreate`,
 * `BillingProfileReplaceUpdateWithWorkflow`, `BillingProfile`) and their parts. Durations are only
 * checked to be strings here: what a workflow duration may be is the decider's rule (`workflow.ts`).
 */

const DURATION = { type: 'string', format: 'ISO8601' } as const;

export class TaxIdentityDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 32 })
  @IfPresent()
  @IsString()
  @Length(1, 32)
  code?: string;
}

/** OpenMeter's `BillingParty`. */
export class SupplierDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 256 })
  @IfPresent()
  @IsString()
  @Length(1, 256)
  key?: string;

  @ApiPropertyOptional({ example: 'Tally Inc', maxLength: 256 })
  @IfPresent()
  @IsString()
  @MaxLength(256)
  name?: string;

  @ApiPropertyOptional({ type: TaxIdentityDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => TaxIdentityDto)
  taxId?: TaxIdentityDto;

  @ApiPropertyOptional({ type: [AddressDto], maxItems: 1 })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(1)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AddressDto)
  addresses?: AddressDto[];
}

export class CollectionAlignmentDto {
  @ApiProperty({ enum: ['subscription'], description: '`anchored` is not built' })
  @IsIn(['subscription'])
  type!: 'subscription';
}

/** OpenMeter's `BillingWorkflowCollectionSettings`. */
export class CollectionSettingsDto {
  @ApiPropertyOptional({ type: CollectionAlignmentDto, default: { type: 'subscription' } })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => CollectionAlignmentDto)
  alignment?: CollectionAlignmentDto;

  @ApiPropertyOptional({
    ...DURATION,
    example: 'PT1H',
    default: 'PT1H',
    description:
      'How long after a period ends its invoice is issued (the default profile starts at COLLECTION_GRACE_SECONDS)',
  })
  @IfPresent()
  @IsString()
  interval?: string;
}

/** OpenMeter's `BillingWorkflowInvoicingSettings` (without `defaultTaxConfig` and `subscriptionEndProrationMode`). */
export class InvoicingSettingsDto {
  @ApiPropertyOptional({
    default: true,
    description:
      'The draft of a closed period issues itself (after `draftPeriod`); `false`: it waits for approval',
  })
  @IfPresent()
  @IsBoolean()
  autoAdvance?: boolean;

  @ApiPropertyOptional({
    ...DURATION,
    example: 'P1D',
    default: 'P0D',
    description: 'How long a draft waits before it issues itself (with `autoAdvance`)',
  })
  @IfPresent()
  @IsString()
  draftPeriod?: string;

  @ApiPropertyOptional({
    ...DURATION,
    example: 'P30D',
    default: 'P30D',
    description: 'An issued invoice is due this long after issue',
  })
  @IfPresent()
  @IsString()
  dueAfter?: string;

  @ApiPropertyOptional({
    default: true,
    description:
      'whether invoice-now (`POST /api/v1/billing/invoices/invoice`) may invoice an open period early, cutting it at `asOf`',
  })
  @IfPresent()
  @IsBoolean()
  progressiveBilling?: boolean;
}

/** OpenMeter's `BillingWorkflowPaymentSettings`. */
export class PaymentSettingsDto {
  @ApiPropertyOptional({ enum: COLLECTION_METHODS, default: 'charge_automatically' })
  @IfPresent()
  @IsIn(COLLECTION_METHODS)
  collectionMethod?: CollectionMethod;
}

/** OpenMeter's `BillingWorkflowTaxSettings`: stored, not acted on (Tally computes no tax). */
export class TaxSettingsDto {
  @ApiPropertyOptional({ default: true })
  @IfPresent()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  enforced?: boolean;
}

/** OpenMeter's `BillingWorkflowCreate` / `BillingWorkflow`: every setting optional, defaults filled in. */
export class WorkflowDto {
  @ApiPropertyOptional({ type: CollectionSettingsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => CollectionSettingsDto)
  collection?: CollectionSettingsDto;

  @ApiPropertyOptional({ type: InvoicingSettingsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => InvoicingSettingsDto)
  invoicing?: InvoicingSettingsDto;

  @ApiPropertyOptional({ type: PaymentSettingsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentSettingsDto)
  payment?: PaymentSettingsDto;

  @ApiPropertyOptional({ type: TaxSettingsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => TaxSettingsDto)
  tax?: TaxSettingsDto;
}

/** OpenMeter's `BillingProfileAppsCreate`: app ids, stored and answered, not acted on. */
export class ProfileAppsDto {
  @ApiProperty({ pattern: ULID_PATTERN.source })
  @IsString()
  @Matches(ULID_PATTERN)
  tax!: string;

  @ApiProperty({ pattern: ULID_PATTERN.source })
  @IsString()
  @Matches(ULID_PATTERN)
  invoicing!: string;

  @ApiProperty({ pattern: ULID_PATTERN.source })
  @IsString()
  @Matches(ULID_PATTERN)
  payment!: string;
}

/** The fields a create and a replace share. */
class ProfileFieldsDto {
  @ApiProperty({ example: 'EU entity', minLength: 1, maxLength: 256 })
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

  @ApiProperty({ type: SupplierDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SupplierDto)
  supplier!: SupplierDto;

  @ApiProperty({ description: 'Making a profile the default unsets the previous default' })
  @IsBoolean()
  default!: boolean;
}

/** OpenMeter's `BillingProfileCreate`; `workflow` and `apps` may be left out (defaults; Tally's built-in app). */
export class CreateBillingProfileRequest extends ProfileFieldsDto {
  @ApiPropertyOptional({ type: WorkflowDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkflowDto)
  workflow?: WorkflowDto;

  @ApiPropertyOptional({ type: ProfileAppsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => ProfileAppsDto)
  apps?: ProfileAppsDto;
}

/** OpenMeter's `BillingProfileReplaceUpdateWithWorkflow`: the whole profile but its apps; settings left out take their defaults. */
export class UpdateBillingProfileRequest extends ProfileFieldsDto {
  @ApiProperty({ type: WorkflowDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WorkflowDto)
  workflow!: WorkflowDto;
}
