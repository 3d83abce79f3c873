import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SupplierDto, WorkflowDto } from '../profiles/billing-profile.dto';

/**
 * OpenMeter's `Invoice` as Tally answers it, for the API document: the shapes `draftInvoice` and the
 * ledger produce (`invoices/draft-invoice.ts` is the source of truth).
 */

class PeriodAnswer {
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
}

class TotalsAnswer {
  @ApiProperty({ example: '3' }) amount!: string;
  @ApiProperty() chargesTotal!: string;
  @ApiProperty() discountsTotal!: string;
  @ApiProperty() creditsTotal!: string;
  @ApiProperty() taxesInclusiveTotal!: string;
  @ApiProperty() taxesExclusiveTotal!: string;
  @ApiProperty() taxesTotal!: string;
  @ApiProperty({ example: '3' }) total!: string;
}

class StatusDetailsAnswer {
  @ApiProperty() immutable!: boolean;
  @ApiProperty() failed!: boolean;
  @ApiProperty({ example: 'issued' }) extendedStatus!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) availableActions!: Record<string, never>;
}

class InvoiceLineAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['flat_fee', 'usage_based'] }) type!: string;
  @ApiProperty({ enum: ['subscription', 'manual'] }) managedBy!: string;
  @ApiProperty() status!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: PeriodAnswer }) period!: PeriodAnswer;
  @ApiProperty({ format: 'date-time' }) invoiceAt!: string;
  @ApiPropertyOptional() featureKey?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The catalog price model' })
  price!: Record<string, unknown>;
  @ApiProperty({ example: '3' }) quantity!: string;
  @ApiProperty() meteredQuantity!: string;
  @ApiProperty({ type: TotalsAnswer }) totals!: TotalsAnswer;
}

class InvoiceCustomerAnswer {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() key?: string;
  @ApiProperty() name!: string;
}

class InvoiceWorkflowAnswer {
  @ApiPropertyOptional() sourceBillingProfileId?: string;
  @ApiProperty({ type: WorkflowDto }) workflow!: WorkflowDto;
}

export class InvoiceAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['standard', 'credit_note'] }) type!: string;
  @ApiProperty({ example: 'INV-000001' }) number!: string;
  @ApiProperty({ enum: ['gathering', 'draft', 'issued'] }) status!: string;
  @ApiProperty({ type: StatusDetailsAnswer }) statusDetails!: StatusDetailsAnswer;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) issuedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'issuedAt + the workflow’s dueAfter' })
  dueAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Period end + the workflow’s collection interval',
  })
  collectionAt?: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: PeriodAnswer }) period!: PeriodAnswer;
  @ApiProperty({ type: SupplierDto }) supplier!: SupplierDto;
  @ApiProperty({ type: InvoiceCustomerAnswer }) customer!: InvoiceCustomerAnswer;
  @ApiProperty({ type: InvoiceWorkflowAnswer }) workflow!: InvoiceWorkflowAnswer;
  @ApiProperty({ type: TotalsAnswer }) totals!: TotalsAnswer;
  @ApiPropertyOptional({ type: [InvoiceLineAnswer], description: 'With expand=lines in lists' })
  lines?: InvoiceLineAnswer[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) validationIssues!: unknown[];
}

/** OpenMeter's `InvoicePaginatedResponse`. */
export class InvoicePageAnswer {
  @ApiProperty() totalCount!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [InvoiceAnswer] }) items!: InvoiceAnswer[];
}
