import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { CATALOG_KEY_PATTERN } from '../../catalog-rules';
import { AddonContentDto } from '../addon-content.dto';

/** OpenMeter's `AddonCreate`. A key that has versions already gets its next version. */
export class CreateAddonRequest extends AddonContentDto {
  @ApiProperty({ example: 'extra_seats', pattern: CATALOG_KEY_PATTERN.source, maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  key!: string;

  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency!: string;
}
