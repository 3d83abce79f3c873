import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsInstant } from '../../shared/http/is-instant';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  QueryBoolean,
  SORT_ORDERS,
  SortOrder,
} from '../../shared/http/list-params';
import {
  EXTENDED_STATUS,
  INVOICE_ORDER_BY,
  INVOICE_STATUSES,
  InvoiceOrderBy,
  InvoiceStatusName,
} from './invoice-filter';

/** Repeated query parameters arrive as an array, a single one as a string. */
const asArray = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

export class ListInvoicesQuery {
  @ApiPropertyOptional({ type: [String], description: 'Customer ids or keys' })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 256, { each: true })
  customers?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: ['standard', 'credit_note'],
    description:
      "Only documents of these types: invoices and corrections billing more, or corrections giving back (Tally's filter)",
  })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(['standard', 'credit_note'], { each: true })
  types?: ('standard' | 'credit_note')[];

  @ApiPropertyOptional({
    type: [String],
    enum: INVOICE_STATUSES,
    description: 'Only invoices in these statuses',
  })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @ArrayMaxSize(INVOICE_STATUSES.length)
  @IsIn(INVOICE_STATUSES, { each: true })
  statuses?: InvoiceStatusName[];

  @ApiPropertyOptional({
    type: [String],
    example: ['draft.invalid'],
    description:
      'Only invoices in these extended statuses (a status, refined: `draft.waiting_auto_approval`)',
  })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(EXTENDED_STATUS, {
    each: true,
    message: `extendedStatuses must each be a status (${INVOICE_STATUSES.join(', ')}), optionally refined as status.detail`,
  })
  extendedStatuses?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Issued at or after (inclusive)' })
  @IsOptional()
  @IsInstant()
  issuedAfter?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Issued at or before (inclusive)' })
  @IsOptional()
  @IsInstant()
  issuedBefore?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Period starting at or after (inclusive)' })
  @IsOptional()
  @IsInstant()
  periodStartAfter?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Period starting at or before (inclusive)' })
  @IsOptional()
  @IsInstant()
  periodStartBefore?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after (inclusive)' })
  @IsOptional()
  @IsInstant()
  createdAfter?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or before (inclusive)' })
  @IsOptional()
  @IsInstant()
  createdBefore?: string;

  @ApiPropertyOptional({ description: 'Accepted; Tally deletes no invoice' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'ASC' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;

  @ApiPropertyOptional({
    enum: INVOICE_ORDER_BY,
    description: 'Without it: issued documents by number, then those not issued yet',
  })
  @IsOptional()
  @IsIn(INVOICE_ORDER_BY)
  orderBy?: InvoiceOrderBy;

  @ApiPropertyOptional({ type: [String], enum: ['lines'] })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @IsIn(['lines', 'preceding', 'workflow.apps'], { each: true })
  expand?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
