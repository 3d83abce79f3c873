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
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Ctx, RequestContext } from '../../auth/request-context';
import { Decimal } from '../../shared/money';
import { IsInstant } from '../../shared/http/is-instant';
import { IfPresent } from '../../shared/http/list-params';
import { WINDOW_SIZES, WindowSize } from '../balance/windowed-history';
import { CustomerEntitlementParams, SubjectEntitlementIdParams } from '../entitlement-params';
import { WindowedBalanceHistoryView } from '../entitlement-views';
import { EntitlementHistory, GetEntitlementHistory } from './entitlement-history.query';

export class EntitlementHistoryQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Defaults to the start of the usage period in progress',
  })
  @IfPresent()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now' })
  @IfPresent()
  @IsInstant()
  to?: string;

  @ApiProperty({ enum: WINDOW_SIZES })
  @IsIn(WINDOW_SIZES)
  windowSize!: WindowSize;

  @ApiPropertyOptional({ default: 'UTC', description: 'IANA time zone the windows start in' })
  @IfPresent()
  @IsString()
  @MaxLength(64)
  windowTimeZone?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const n = (value: Decimal) => Number(value.toString());
const sum = (balances: ReadonlyMap<string, Decimal>) =>
  n([...balances.values()].reduce((total, b) => total.plus(b), new Decimal(0)));
const byGrant = (balances: ReadonlyMap<string, Decimal>) =>
  Object.fromEntries([...balances].map(([id, balance]) => [id, n(balance)]));

function historyView({ windows, segments }: EntitlementHistory): WindowedBalanceHistoryView {
  return {
    windowedHistory: windows.map((w) => ({
      period: { from: iso(w.from), to: iso(w.to) },
      usage: n(w.usage),
      balanceAtStart: n(w.balanceAtStart),
    })),
    burndownHistory: segments.map((s) => ({
      period: { from: iso(s.from), to: iso(s.to) },
      usage: n(s.usage),
      overage: n(s.overage),
      balanceAtStart: sum(s.balancesAtStart),
      grantBalancesAtStart: byGrant(s.balancesAtStart),
      balanceAtEnd: sum(s.balancesAtEnd),
      grantBalancesAtEnd: byGrant(s.balancesAtEnd),
      grantUsages: s.grantUsages.map((u) => ({ grantId: u.grantId, usage: n(u.usage) })),
    })),
  };
}

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class EntitlementHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/history')
  @ApiOperation({
    operationId: 'getCustomerEntitlementHistoryV2',
    summary: "A metered entitlement's balance history",
  })
  @ApiOkResponse({ type: WindowedBalanceHistoryView })
  async ofCustomer(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Query() query: EntitlementHistoryQuery,
    @Ctx() ctx: RequestContext,
  ): Promise<WindowedBalanceHistoryView> {
    return historyView(
      await this.queries.execute(
        new GetEntitlementHistory(ctx.namespace, { customerIdOrKey }, entitlementIdOrFeatureKey, query),
      ),
    );
  }

  @Get('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementId/history')
  @ApiOperation({ operationId: 'getEntitlementHistory', summary: "A metered entitlement's balance history" })
  @ApiOkResponse({ type: WindowedBalanceHistoryView })
  async ofSubject(
    @Param() { subjectIdOrKey, entitlementId }: SubjectEntitlementIdParams,
    @Query() query: EntitlementHistoryQuery,
    @Ctx() ctx: RequestContext,
  ): Promise<WindowedBalanceHistoryView> {
    return historyView(
      await this.queries.execute(
        new GetEntitlementHistory(ctx.namespace, { subject: subjectIdOrKey }, entitlementId, query),
      ),
    );
  }
}
