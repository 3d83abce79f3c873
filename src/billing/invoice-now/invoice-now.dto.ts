import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../shared/http/is-instant';

/** OpenMeter's `InvoicePendingLinesActionFiltersInput`. */
export class InvoicePendingLinesFiltersDto {
  @ApiPropertyOptional({
    type: [String],
    description: "Not built in Tally (a customer's pending lines are invoiced together): must be empty",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(0, {
    message: "lineIds are not built in Tally: a customer's pending lines are invoiced together",
  })
  lineIds?: string[];
}

/** OpenMeter's `InvoicePendingLinesActionInput`. */
export class InvoicePendingLinesRequest {
  @ApiProperty({ description: "The customer's id (or key)", example: '01G65Z755AFWAKHE12NY0CQ9FH' })
  @IsString()
  @Length(1, 256)
  customerId!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Invoice the usage up to this instant (default now; never in the future)',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ type: InvoicePendingLinesFiltersDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InvoicePendingLinesFiltersDto)
  filters?: InvoicePendingLinesFiltersDto;

  @ApiPropertyOptional({
    description:
      "true: the open period is cut at asOf and its usage so far invoiced; false: only what is invoicable (periods over, one-off lines due). Left out, the customer's workflow (invoicing.progressiveBilling) decides",
  })
  @IsOptional()
  @IsBoolean()
  progressiveBillingOverride?: boolean;
}
