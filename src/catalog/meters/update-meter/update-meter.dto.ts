import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IfPresent, IsStringMap } from '../../../shared/http/list-params';

/**
 * OpenMeter's `MeterUpdate`: only these fields can change. A PUT replaces them, so a field left out
 * is reset (the name to the slug, group-by and metadata to none).
 */
export class UpdateMeterRequest {
  @ApiPropertyOptional({ description: 'Defaults to the slug', minLength: 1, maxLength: 256 })
  @IfPresent()
  @IsString()
  @Length(1, 256)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IfPresent()
  @IsStringMap()
  groupBy?: Record<string, string>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  @IsOptional()
  @IsStringMap()
  metadata?: Record<string, string> | null;
}
