import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;
/**
 * The largest item offset a list takes. Past it a JavaScript number no longer counts items exactly,
 * and from 1e21 on it reaches PostgreSQL as `1e+21`, which is no bigint (a 500).
 */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER;
/** The largest page: its first item's offset stays within `MAX_OFFSET` at the largest page size. */
export const MAX_PAGE = Math.floor(MAX_OFFSET / MAX_PAGE_SIZE) + 1;

/** OpenMeter's ULID pattern, for `…Id` parameters. */
export const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;

export const SORT_ORDERS = ['ASC', 'DESC'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** `{ totalCount, page, pageSize, items }`, OpenMeter's paginated response. */
export interface Page<Item> {
  readonly totalCount: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly Item[];
}

/** `page` and `pageSize` (at most 1000) of OpenMeter's page-based lists. */
export class PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'ASC' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}

/** The page asked for, with OpenMeter's defaults. */
export function pageOf(params: { readonly page?: number; readonly pageSize?: number }): {
  page: number;
  pageSize: number;
  offset: number;
} {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Array query parameters repeat their name (`key=a&key=b`); a single value is a one-element array. */
export const QueryArray = () =>
  Transform(({ value }: { value: unknown }) =>
    value === undefined || Array.isArray(value) ? value : [value],
  );

/** `true` and `false` as query strings; anything else is left for `@IsBoolean` to refuse. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** OpenMeter's `Metadata`: an object whose values are all strings. */
export function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringMap',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((entry) => typeof entry === 'string'),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an object whose values are strings`,
      },
    },
    options,
  );
}

/**
 * Validates the property only when it is present: unlike `@IsOptional`, an explicit `null` is still
 * checked (and refused), as the spec allows null only where it says `nullable`.
 */
export const IfPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** For a required property that may be `null` (`price`, `duration`): present, and checked unless null. */
export const RequiredOrNull = () => ValidateIf((_object: object, value: unknown) => value !== null);
