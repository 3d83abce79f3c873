import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ULID_PATTERN } from '../../shared/http/list-params';

const ID_OR_KEY = /^[a-z0-9]+(?:_[a-z0-9]+)*$|^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;

/** A plan version's id (ULID): the routes that act on one version. */
export class PlanIdParams {
  @ApiProperty({ description: 'The plan version id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'planId must be a plan id (ULID)' })
  planId!: string;
}

/** `GET /plans/{planId}` also takes a plan key: the key's active version. */
export class PlanIdOrKeyParams {
  @ApiProperty({ description: 'The plan version id (ULID) or the plan key' })
  @IsString()
  @MaxLength(64)
  @Matches(ID_OR_KEY, { message: 'planId must be a plan id (ULID) or key' })
  planId!: string;
}

export class NextPlanParams {
  @ApiProperty({
    description: 'A published plan version id (ULID), or a plan key for its latest published version',
  })
  @IsString()
  @MaxLength(64)
  @Matches(ID_OR_KEY, { message: 'planIdOrKey must be a plan id (ULID) or key' })
  planIdOrKey!: string;
}
