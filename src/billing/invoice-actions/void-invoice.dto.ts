import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../shared/http/is-instant';

/** OpenMeter's `VoidInvoiceLineActionCreate`: the voided usage discarded, or pending again. */
export class VoidLineActionDto {
  @ApiProperty({ enum: ['discard', 'pending'] })
  @IsIn(['discard', 'pending'])
  type!: 'discard' | 'pending';

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'pending only: when the usage is billed again (default: at the next sweep)',
  })
  @IsOptional()
  @IsInstant()
  nextInvoiceAt?: string;
}

/** OpenMeter's `VoidInvoiceActionCreate`. */
export class VoidActionDto {
  @ApiProperty({ description: 'How much of the invoice is voided: Tally voids whole invoices (100)' })
  @Equals(100, { message: 'percentage must be 100: Tally voids whole invoices' })
  percentage!: number;

  @ApiProperty({ type: VoidLineActionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VoidLineActionDto)
  action!: VoidLineActionDto;
}

/** OpenMeter's `VoidInvoiceActionInput`. */
export class VoidInvoiceRequest {
  @ApiProperty({ type: VoidActionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VoidActionDto)
  action!: VoidActionDto;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  reason!: string;

  @ApiPropertyOptional({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        lineId: { type: 'string' },
        action: { type: 'object', properties: { type: { type: 'string', enum: ['discard', 'pending'] } } },
      },
    },
    nullable: true,
    description: 'Per-line actions: not built in Tally (a void acts on the whole invoice); must be empty',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(0, { message: 'overrides are not built in Tally: a void acts on the whole invoice' })
  overrides?: unknown[] | null;
}
