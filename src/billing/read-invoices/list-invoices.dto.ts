import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

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

  @ApiPropertyOptional({ type: [String], enum: ['lines'] })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @IsIn(['lines', 'preceding', 'workflow.apps'], { each: true })
  expand?: string[];

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;
}
