import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IfPresent, PageParams, QueryArray, QueryBoolean, ULID_PATTERN } from '../../shared/http/list-params';
import { WorkflowDto } from './billing-profile.dto';

/** The customer path parameter: its id, or (Tally's convenience) its key. */
export class CustomerOverrideParams {
  @ApiProperty({ description: "The customer's id (or key)", example: '01G65Z755AFWAKHE12NY0CQ9FH' })
  @IsString()
  @Length(1, 256)
  customerId!: string;
}

/**
 * OpenMeter's `BillingProfileCustomerOverrideCreate` (`billingProfileId`, else the default profile),
 * plus Tally's `workflow`: settings that override the profile's for this customer alone.
 */
export class UpsertCustomerOverrideRequest {
  @ApiPropertyOptional({
    pattern: ULID_PATTERN.source,
    description: 'Pin this profile; else the default applies',
  })
  @IfPresent()
  @IsString()
  @Matches(ULID_PATTERN, { message: 'billingProfileId must be a ULID' })
  billingProfileId?: string;

  @ApiPropertyOptional({
    type: WorkflowDto,
    description: "Tally's: settings over the profile's, for this customer",
  })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkflowDto)
  workflow?: WorkflowDto;
}

export const CUSTOMER_OVERRIDE_EXPANDS = ['apps', 'customer'] as const;
export const CUSTOMER_OVERRIDE_ORDER_BY = [
  'customerId',
  'customerName',
  'customerKey',
  'customerPrimaryEmail',
  'customerCreatedAt',
] as const;
export type CustomerOverrideOrderBy = (typeof CUSTOMER_OVERRIDE_ORDER_BY)[number];

export class GetCustomerOverrideParams {
  @ApiPropertyOptional({ type: [String], enum: CUSTOMER_OVERRIDE_EXPANDS })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(CUSTOMER_OVERRIDE_EXPANDS, { each: true })
  expand?: string[];
}

/** OpenMeter's `listBillingProfileCustomerOverrides` parameters. */
export class ListCustomerOverridesParams extends PageParams {
  @ApiPropertyOptional({ type: [String], description: 'Only customers billed under these profiles' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @Matches(ULID_PATTERN, { each: true, message: 'billingProfile must hold ULIDs' })
  billingProfile?: string[];

  @ApiPropertyOptional({ description: 'Only customers with no pinned profile (implies includeAllCustomers)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  customersWithoutPinnedProfile?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Customers without an override too' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeAllCustomers?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsString({ each: true })
  @Length(1, 256, { each: true })
  customerId?: string[];

  @ApiPropertyOptional({ description: 'Case-insensitive, partial' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  customerName?: string;

  @ApiPropertyOptional({ description: 'Exact' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  customerKey?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive, partial' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  customerPrimaryEmail?: string;

  @ApiPropertyOptional({ type: [String], enum: CUSTOMER_OVERRIDE_EXPANDS })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(CUSTOMER_OVERRIDE_EXPANDS, { each: true })
  expand?: string[];

  @ApiPropertyOptional({ enum: CUSTOMER_OVERRIDE_ORDER_BY, default: 'customerId' })
  @IsOptional()
  @IsIn(CUSTOMER_OVERRIDE_ORDER_BY)
  orderBy?: CustomerOverrideOrderBy;
}
