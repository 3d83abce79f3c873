import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { CATALOG_KEY_PATTERN } from '../catalog';
import { ULID_PATTERN } from '../shared/http/list-params';
import { MAX_ATTRIBUTE_LENGTH } from '../shared/limits';

/** The path parameters of the entitlement routes, as OpenMeter's spec bounds them. */

const ID_OR_FEATURE_KEY = new RegExp(`${CATALOG_KEY_PATTERN.source}|${ULID_PATTERN.source}`);

export class CustomerParams {
  @ApiProperty({ description: 'The customer id (ULID) or key' })
  @IsString()
  @Length(1, 256)
  customerIdOrKey!: string;
}

export class CustomerEntitlementParams extends CustomerParams {
  @ApiProperty({ description: 'The entitlement id (ULID) or its feature key', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(ID_OR_FEATURE_KEY, {
    message: 'entitlementIdOrFeatureKey must be an entitlement id (ULID) or a feature key',
  })
  entitlementIdOrFeatureKey!: string;
}

/** A v1 route's subject: a key (or subject key) of the customer usage is attributed to. */
export class SubjectParams {
  @ApiProperty({ description: "A subject key: a customer's key or one of its subject keys" })
  @IsString()
  @Length(1, MAX_ATTRIBUTE_LENGTH)
  subjectIdOrKey!: string;
}

export class SubjectEntitlementParams extends SubjectParams {
  @ApiProperty({ description: 'The entitlement id (ULID) or its feature key', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(ID_OR_FEATURE_KEY, {
    message: 'entitlementIdOrFeatureKey must be an entitlement id (ULID) or a feature key',
  })
  entitlementIdOrFeatureKey!: string;
}

/** OpenMeter's v1 routes name an entitlement by id here, with no pattern: a feature key finds the one in force too. */
export class SubjectEntitlementIdParams extends SubjectParams {
  @ApiProperty({ description: 'The entitlement id (ULID)', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  entitlementId!: string;
}

export class EntitlementIdParams {
  @ApiProperty({ description: 'The entitlement id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'entitlementId must be a ULID' })
  entitlementId!: string;
}

export class GrantIdParams {
  @ApiProperty({ description: 'The grant id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'grantId must be a ULID' })
  grantId!: string;
}
