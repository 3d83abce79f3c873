import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '../../shared/http/list-params';

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
