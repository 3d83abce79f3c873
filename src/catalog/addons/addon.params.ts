import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ULID_PATTERN } from '../../shared/http/list-params';

const ID_OR_KEY = /^[a-z0-9]+(?:_[a-z0-9]+)*$|^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;

/** An add-on version's id (ULID): the routes that act on one version. */
export class AddonIdParams {
  @ApiProperty({ description: 'The add-on version id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'addonId must be an add-on id (ULID)' })
  addonId!: string;
}

/** `GET /addons/{addonId}` also takes a key: the key's active version. */
export class AddonIdOrKeyParams {
  @ApiProperty({ description: 'The add-on version id (ULID) or the add-on key' })
  @IsString()
  @MaxLength(64)
  @Matches(ID_OR_KEY, { message: 'addonId must be an add-on id (ULID) or key' })
  addonId!: string;
}
