import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IfPresent, IsStringMap } from '../../shared/http/list-params';
import { PaymentSettingsDto, SupplierDto } from '../profiles/billing-profile.dto';

const DURATION = { type: 'string', format: 'ISO8601' } as const;

/** OpenMeter's `InvoiceWorkflowInvoicingSettingsReplaceUpdate`, as far as Tally has it. */
export class InvoiceInvoicingEditDto {
  @ApiPropertyOptional({ description: 'false: the draft waits for approval' })
  @IfPresent()
  @IsBoolean()
  autoAdvance?: boolean;

  @ApiPropertyOptional({
    ...DURATION,
    example: 'P1D',
    description: 'Counted from when the draft was drafted',
  })
  @IfPresent()
  @IsString()
  draftPeriod?: string;

  @ApiPropertyOptional({
    ...DURATION,
    example: 'P30D',
    description: 'The issued invoice is due this long after issue',
  })
  @IfPresent()
  @IsString()
  dueAfter?: string;
}

/** OpenMeter's `InvoiceWorkflowSettingsReplaceUpdate`. */
export class InvoiceWorkflowSettingsEditDto {
  @ApiPropertyOptional({ type: InvoiceInvoicingEditDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => InvoiceInvoicingEditDto)
  invoicing?: InvoiceInvoicingEditDto;

  @ApiPropertyOptional({ type: PaymentSettingsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentSettingsDto)
  payment?: PaymentSettingsDto;
}

/** OpenMeter's `InvoiceWorkflowReplaceUpdate`. */
export class InvoiceWorkflowEditDto {
  @ApiProperty({ type: InvoiceWorkflowSettingsEditDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => InvoiceWorkflowSettingsEditDto)
  workflow!: InvoiceWorkflowSettingsEditDto;
}

/**
 * OpenMeter's `InvoiceReplaceUpdate`. `lines` must be the invoice's lines as they stand (a client
 * sends them back as read): they follow the meters, so any change is refused, each named.
 */
export class UpdateInvoiceRequest {
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
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SupplierDto)
  supplier!: SupplierDto;

  @ApiProperty({ type: SupplierDto, description: "The customer's key, if given, must be the invoice's" })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SupplierDto)
  customer!: SupplierDto;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: "The invoice's lines as they stand: lines cannot be edited (one-off charges: pending-lines)",
  })
  @IsArray()
  @IsObject({ each: true })
  lines!: Record<string, unknown>[];

  @ApiProperty({ type: InvoiceWorkflowEditDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => InvoiceWorkflowEditDto)
  workflow!: InvoiceWorkflowEditDto;
}
