import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Ctx, RequestContext } from '../../auth/request-context';
import { CATALOG_KEY_PATTERN } from '../../catalog';
import { IsInstant } from '../../shared/http/is-instant';
import { IfPresent } from '../../shared/http/list-params';
import { CustomerEntitlementParams, CustomerParams, SubjectEntitlementParams } from '../entitlement-params';
import {
  CustomerAccessView,
  EntitlementValueV2View,
  EntitlementValueView,
  valueV2View,
  valueView,
} from '../entitlement-views';
import { GetCustomerAccess, GetEntitlementValue } from './entitlement-value.query';

export class CustomerFeatureParams extends CustomerParams {
  @ApiProperty({ pattern: CATALOG_KEY_PATTERN.source })
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN)
  featureKey!: string;
}

export class EntitlementValueQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now; read at the end of its minute' })
  @IfPresent()
  @IsInstant()
  time?: string;
}

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class EntitlementValueController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * Whether the customer may use the feature, and a metered entitlement's balance, usage and
   * overage, burnt down from its grants over the usage period in progress. `hasAccess: false`
   * where the customer has no entitlement to the feature.
   */
  @Get('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/value')
  @ApiOperation({
    operationId: 'getCustomerEntitlementValueV2',
    summary: 'The value of a customer entitlement',
  })
  @ApiOkResponse({ type: EntitlementValueV2View })
  async valueV2(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Query() { time }: EntitlementValueQuery,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementValueV2View> {
    return valueV2View(
      await this.queries.execute(
        new GetEntitlementValue(
          ctx.namespace,
          { customerIdOrKey },
          entitlementIdOrFeatureKey,
          time,
          'no-access',
        ),
      ),
    );
  }

  @Get('api/v1/customers/:customerIdOrKey/entitlements/:featureKey/value')
  @ApiOperation({
    operationId: 'getCustomerEntitlementValue',
    summary: 'The value of a customer entitlement',
  })
  @ApiOkResponse({ type: EntitlementValueView })
  async valueOfCustomer(
    @Param() { customerIdOrKey, featureKey }: CustomerFeatureParams,
    @Query() { time }: EntitlementValueQuery,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementValueView> {
    return valueView(
      await this.queries.execute(
        new GetEntitlementValue(ctx.namespace, { customerIdOrKey }, featureKey, time, 'no-access'),
      ),
    );
  }

  @Get('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/value')
  @ApiOperation({
    operationId: 'getEntitlementValue',
    summary: "The value of a subject's customer's entitlement",
  })
  @ApiOkResponse({ type: EntitlementValueView })
  async valueOfSubject(
    @Param() { subjectIdOrKey, entitlementIdOrFeatureKey }: SubjectEntitlementParams,
    @Query() { time }: EntitlementValueQuery,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementValueView> {
    return valueView(
      await this.queries.execute(
        new GetEntitlementValue(
          ctx.namespace,
          { subject: subjectIdOrKey },
          entitlementIdOrFeatureKey,
          time,
          'not-found',
        ),
      ),
    );
  }

  /** Every feature the customer has an entitlement to now, by key, with its value. */
  @Get('api/v1/customers/:customerIdOrKey/access')
  @ApiOperation({ operationId: 'getCustomerAccess', summary: "A customer's access to every feature at once" })
  @ApiOkResponse({ type: CustomerAccessView })
  async access(
    @Param() { customerIdOrKey }: CustomerParams,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerAccessView> {
    const access = await this.queries.execute(new GetCustomerAccess(ctx.namespace, customerIdOrKey));
    return {
      entitlements: Object.fromEntries([...access].map(([feature, value]) => [feature, valueView(value)])),
    };
  }
}
