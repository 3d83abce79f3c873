import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CATALOG_KEY_PATTERN } from '../../catalog';
import {
  DEFAULT_PAGE_SIZE,
  MAX_OFFSET,
  MAX_PAGE_SIZE,
  PageParams,
  QueryArray,
  QueryBoolean,
  ULID_PATTERN,
} from '../../shared/http/list-params';
import { MAX_ATTRIBUTE_LENGTH } from '../../shared/limits';
import { ENTITLEMENT_TYPES, EntitlementType } from '../entitlement.decider';

/** The query strings of the entitlement and grant lists, as OpenMeter's spec bounds them. */

export const ENTITLEMENT_ORDER_BY = ['createdAt', 'updatedAt'] as const;
export const GRANT_ORDER_BY = ['id', 'createdAt', 'updatedAt'] as const;
/** Values of one array parameter at most. */
const MAX_VALUES = 100;

export class IncludeDeletedParams {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

/** `page`/`pageSize`, or (deprecated) `offset`/`limit`: a page, when given, takes precedence. */
export class PageOrOffsetParams extends PageParams {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** Where a page starts and how long it is; `page` (1 by default) unless only `offset`/`limit` are given. */
export function windowOf(params: PageOrOffsetParams): {
  limit: number;
  offset: number;
  page: number;
  pageSize: number;
} {
  if (
    params.page === undefined &&
    params.pageSize === undefined &&
    (params.offset ?? params.limit) !== undefined
  ) {
    const limit = params.limit ?? DEFAULT_PAGE_SIZE;
    const offset = params.offset ?? 0;
    return { limit, offset, page: Math.floor(offset / limit) + 1, pageSize: limit };
  }
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? DEFAULT_PAGE_SIZE;
  return { limit: pageSize, offset: (page - 1) * pageSize, page, pageSize };
}

export class CustomerEntitlementListParams extends PageParams {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ enum: ENTITLEMENT_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(ENTITLEMENT_ORDER_BY)
  orderBy?: (typeof ENTITLEMENT_ORDER_BY)[number];
}

class EntitlementFilterParams extends PageOrOffsetParams {
  @ApiPropertyOptional({ type: [String], description: 'Feature keys' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @Matches(CATALOG_KEY_PATTERN, { each: true })
  feature?: string[];

  @ApiPropertyOptional({ enum: ENTITLEMENT_TYPES, isArray: true })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(ENTITLEMENT_TYPES, { each: true })
  entitlementType?: EntitlementType[];

  @ApiPropertyOptional({ default: false, description: 'Only the entitlements in force now' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  excludeInactive?: boolean;

  @ApiPropertyOptional({ enum: ENTITLEMENT_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(ENTITLEMENT_ORDER_BY)
  orderBy?: (typeof ENTITLEMENT_ORDER_BY)[number];
}

export class EntitlementListParamsV1 extends EntitlementFilterParams {
  @ApiPropertyOptional({ type: [String], description: 'Subject keys' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @Length(1, MAX_ATTRIBUTE_LENGTH, { each: true })
  subject?: string[];
}

export class EntitlementListParamsV2 extends EntitlementFilterParams {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @Length(1, 256, { each: true })
  customerKeys?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @Matches(ULID_PATTERN, { each: true })
  customerIds?: string[];
}

export class GrantListParamsV1 extends PageOrOffsetParams {
  @ApiPropertyOptional({ type: [String], description: 'Feature keys' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @Matches(CATALOG_KEY_PATTERN, { each: true })
  feature?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Subject keys' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @Length(1, MAX_ATTRIBUTE_LENGTH, { each: true })
  subject?: string[];

  @ApiPropertyOptional({ default: false, description: 'Voided grants, and those of deleted entitlements' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ enum: GRANT_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(GRANT_ORDER_BY)
  orderBy?: (typeof GRANT_ORDER_BY)[number];
}

export class GrantListParamsV2 extends PageOrOffsetParams {
  @ApiPropertyOptional({ type: [String], description: 'Feature keys' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @Matches(CATALOG_KEY_PATTERN, { each: true })
  feature?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Customer ids or keys' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @Length(1, 256, { each: true })
  customer?: string[];

  @ApiPropertyOptional({ default: false, description: 'Voided grants, and those of deleted entitlements' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ enum: GRANT_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(GRANT_ORDER_BY)
  orderBy?: (typeof GRANT_ORDER_BY)[number];
}

/** The grants of one entitlement: v2 pages them, v1 answers them all. */
export class EntitlementGrantListParams extends PageOrOffsetParams {
  @ApiPropertyOptional({ default: false, description: 'Voided grants too' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ enum: GRANT_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(GRANT_ORDER_BY)
  orderBy?: (typeof GRANT_ORDER_BY)[number];
}

export class EntitlementGrantListParamsV1 {
  @ApiPropertyOptional({ default: false, description: 'Voided grants too' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ enum: GRANT_ORDER_BY, default: 'updatedAt' })
  @IsOptional()
  @IsIn(GRANT_ORDER_BY)
  orderBy?: (typeof GRANT_ORDER_BY)[number];
}
