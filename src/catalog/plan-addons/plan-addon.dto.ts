import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { Metadata } from '../catalog-rules';
import { IfPresent, IsStringMap, ULID_PATTERN } from '../../shared/http/list-params';

/** OpenMeter's `PlanAddonReplaceUpdate`. */
export class PlanAddonTermsDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsStringMap()
  metadata?: Metadata | null;

  @ApiProperty({
    example: 'default',
    description: 'The key of the plan phase from which the add-on is offered',
  })
  @IsString()
  @MaxLength(64)
  fromPlanPhase!: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Only for a multiple-instance add-on; absent: no limit' })
  @IfPresent()
  @IsInt()
  @Min(1)
  maxQuantity?: number;
}

/** OpenMeter's `PlanAddonCreate`. */
export class PlanAddonCreateRequest extends PlanAddonTermsDto {
  @ApiProperty({ description: 'A published add-on version id (ULID)', pattern: ULID_PATTERN.source })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'addonId must be an add-on id (ULID)' })
  addonId!: string;
}
