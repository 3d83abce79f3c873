import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ULID_PATTERN } from '../../shared/http/list-params';

const ID_OR_KEY = /^[a-z0-9]+(?:_[a-z0-9]+)*$|^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;

/** The writes name a plan version and an add-on version by id. */
export class PlanAddonParams {
  @ApiProperty({ description: 'The plan version id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'planId must be a plan id (ULID)' })
  planId!: string;

  @ApiProperty({ description: 'The add-on version id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'planAddonId must be an add-on id (ULID)' })
  planAddonId!: string;
}

export class PlanIdOrKeyOfAddonsParams {
  @ApiProperty({ description: 'The plan version id (ULID), or a plan key for its active version' })
  @IsString()
  @MaxLength(64)
  @Matches(ID_OR_KEY, { message: 'planId must be a plan id (ULID) or key' })
  planId!: string;
}

/** A read takes keys too: the plan key's active version, the add-on by its key. */
export class GetPlanAddonParams extends PlanIdOrKeyOfAddonsParams {
  @ApiProperty({ description: 'The add-on version id (ULID) or the add-on key' })
  @IsString()
  @MaxLength(64)
  @Matches(ID_OR_KEY, { message: 'planAddonId must be an add-on id (ULID) or key' })
  planAddonId!: string;
}
