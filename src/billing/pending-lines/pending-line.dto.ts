import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { SimulationLineDto } from '../simulate-invoice/simulate-invoice.dto';

export const MAX_PENDING_LINES = 100;

/**
 * OpenMeter's `InvoicePendingLineCreate`: a simulation line without its quantity — a flat price bills
 * once, a usage price its feature's meter value for the customer over the line's `period`.
 */
export class PendingLineDto extends OmitType(SimulationLineDto, [
  'id',
  'quantity',
  'preLinePeriodQuantity',
] as const) {}

/** OpenMeter's `InvoicePendingLineCreateInput`. */
export class CreatePendingLinesRequest {
  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency!: string;

  @ApiProperty({ type: [PendingLineDto], minItems: 1, maxItems: MAX_PENDING_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PENDING_LINES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PendingLineDto)
  lines!: PendingLineDto[];
}
