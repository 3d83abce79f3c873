import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Ctx, RequestContext } from '../../auth/request-context';
import { CATALOG_KEY_PATTERN } from '../../catalog';
import { notFound } from '../../shared/errors';
import { IsInstant } from '../../shared/http/is-instant';
import { CustomerErrors } from '../../customers';
import { EntitlementAccess } from '../entitlement-access';
import { GetEntitlementValue } from './entitlement-value.query';

export class EntitlementValueParams {
  @ApiProperty({ description: 'The customer id (ULID) or key' })
  @IsString()
  @Length(1, 256)
  customerIdOrKey!: string;

  @ApiProperty({ pattern: CATALOG_KEY_PATTERN.source })
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  featureKey!: string;
}

export class EntitlementValueQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now' })
  @IsOptional()
  @IsInstant()
  time?: string;
}

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class EntitlementValueController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * `{ hasAccess }` from the rate cards of the customer's running subscription: boolean and static
   * entitlement templates grant access (static ones with their `config`). Metered entitlements are
   * not evaluated yet and answer `hasAccess: false`.
   */
  @Get(':customerIdOrKey/entitlements/:featureKey/value')
  @ApiOperation({ operationId: 'getCustomerEntitlementValue' })
  async value(
    @Param() { customerIdOrKey, featureKey }: EntitlementValueParams,
    @Query() { time }: EntitlementValueQuery,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementAccess> {
    const value = await this.queries.execute(
      new GetEntitlementValue(ctx.namespace, customerIdOrKey, featureKey, time),
    );
    if (value === undefined) throw notFound(CustomerErrors.notFound, `Customer ${customerIdOrKey} not found`);
    return value;
  }
}
