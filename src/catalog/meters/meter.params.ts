import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A meter's id or slug, as OpenMeter's `meterIdOrSlug` path parameter. */
export class MeterParams {
  @ApiProperty({ description: 'The meter id (ULID) or slug', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(?:_[a-z0-9]+)*$|^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/, {
    message: 'meterIdOrSlug must be a meter id (ULID) or slug',
  })
  meterIdOrSlug!: string;
}
