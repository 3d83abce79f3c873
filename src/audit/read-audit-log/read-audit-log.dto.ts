import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../../shared/http/is-instant';

export class ReadAuditLogQuery {
  @ApiPropertyOptional({ description: 'Exact stream name, e.g. meter-01J…' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  stream?: string;

  @ApiPropertyOptional({ example: 'customer' })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 512)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Event type, e.g. CustomerCreated' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.]{1,128}$/)
  type?: string;

  @ApiPropertyOptional({ description: 'Recorded at or after (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded before (RFC 3339)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({
    description: 'Only events after this log position ("commit/prepare", from a previous page)',
  })
  @IsOptional()
  @Matches(/^\d{1,20}\/\d{1,20}$/)
  afterPosition?: string;

  @ApiPropertyOptional({ description: 'Token id of the actor' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  actor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 256)
  correlationId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
