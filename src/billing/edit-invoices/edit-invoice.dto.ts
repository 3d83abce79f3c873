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
 * OpenMeter's `InvoiceReplaceUpdate`. `lines` replace the draft's (`InvoiceLineReplaceUpdate`): a
 * line with a known `id` is kept and updated, one without is added, one left out is removed; each
 * line is read and checked by `lineEditsOf`, each bad field named.
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
    items: {
      type: 'object',
      // Read by `lineEditsOf`, which names each bad field; read-only fields sent back are ignored.
      additionalProperties: true,
      properties: {
        id: { type: 'string', description: 'A line of the draft; absent: a line added' },
        name: { type: 'string', minLength: 1, maxLength: 256 },
        description: { type: 'string', maxLength: 1024 },
        metadata: { type: 'object', additionalProperties: { type: 'string' }, nullable: true },
        period: {
          type: 'object',
          properties: {
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
          },
        },
        invoiceAt: { type: 'string', format: 'date-time' },
        rateCard: {
          type: 'object',
          properties: {
            featureKey: { type: 'string' },
            price: { type: 'object', additionalProperties: true },
            discounts: { type: 'object', additionalProperties: true },
          },
        },
        price: { type: 'object', additionalProperties: true, deprecated: true },
        featureKey: { type: 'string', deprecated: true },
      },
    },
    description:
      "OpenMeter's InvoiceLineReplaceUpdate: the draft's lines as they should be — a known id updates " +
      'its line (name, description, metadata, rateCard.price and discounts, a usage line’s period), a line ' +
      'without id is added, a subscription line left out is waived',
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
