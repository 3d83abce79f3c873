import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { usageCaughtUp } from '../../metering';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { FieldProblem, invalid } from '../../shared/errors';
import { readInstant } from '../../shared/instant';
import { BurnDownSegment } from '../balance/burn-down';
import { ceilMinute, floorMinute } from '../balance/minutes';
import { periodAt } from '../balance/usage-period';
import {
  HistoryWindow,
  isKnownZone,
  MAX_HISTORY_WINDOWS,
  windowBoundaries,
  windowsOf,
  WindowSize,
} from '../balance/windowed-history';
import { EntitlementErrorCode, EntitlementProblemCode } from '../entitlement-errors';
import { Owner, ownedEntitlement, ownerCustomer } from '../entitlement-owners';
import { EntitlementBalances, scheduleOfRecord } from '../entitlement-value/entitlement-balances';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';

export interface HistoryRequest {
  readonly from?: string;
  readonly to?: string;
  readonly windowSize: WindowSize;
  readonly windowTimeZone?: string;
}

export interface EntitlementHistory {
  readonly windows: readonly HistoryWindow[];
  readonly segments: readonly BurnDownSegment[];
}

/**
 * A metered entitlement's usage and balance over `[from, to)` (default: the usage period in
 * progress, up to now), in windows of the zone's hours, days or months, and the burn-down segments
 * behind them. On whole minutes: `from` truncated, `to` rounded up to the end of its minute.
 */
export class GetEntitlementHistory extends Query<EntitlementHistory> {
  constructor(
    readonly namespace: string,
    readonly owner: Owner,
    readonly idOrFeatureKey: string,
    readonly request: HistoryRequest,
  ) {
    super();
  }
}

@QueryHandler(GetEntitlementHistory)
export class GetEntitlementHistoryHandler implements IQueryHandler<GetEntitlementHistory> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    private readonly balances: EntitlementBalances,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    namespace,
    owner,
    idOrFeatureKey,
    request,
  }: GetEntitlementHistory): Promise<EntitlementHistory> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const customer = await ownerCustomer(this.db, namespace, owner);
    const nowMs = this.clock.now().getTime();
    const entitlement = await ownedEntitlement(
      this.db,
      namespace,
      customer,
      idOrFeatureKey,
      new Date(nowMs).toISOString(),
    );
    if (entitlement.type !== 'metered')
      throw invalid(
        EntitlementErrorCode.NOT_METERED,
        `Entitlement ${entitlement.id} is ${entitlement.type}: it has no history`,
      );
    const schedule = scheduleOfRecord(entitlement);
    const ms = (text: string | undefined) =>
      text === undefined ? undefined : (readInstant(text) as { ms: number }).ms;
    const from = floorMinute(ms(request.from) ?? periodAt(schedule, nowMs).from);
    const to = ceilMinute(ms(request.to) ?? nowMs);
    const zone = request.windowTimeZone ?? 'UTC';
    const problems: FieldProblem[] = [];
    if (from < schedule.measureUsageFrom)
      problems.push({
        field: 'from',
        code: EntitlementProblemCode.TOO_EARLY,
        message: `may not be before the start of measurement (${new Date(schedule.measureUsageFrom).toISOString()})`,
      });
    if (to < from)
      problems.push({
        field: 'to',
        code: EntitlementProblemCode.INVALID_VALUE,
        message: 'may not be before from',
      });
    if (!isKnownZone(zone))
      problems.push({
        field: 'windowTimeZone',
        code: EntitlementProblemCode.INVALID_TIME_ZONE,
        message: 'is not a known IANA time zone',
      });
    if (problems.length > 0)
      throw invalid(EntitlementErrorCode.INVALID, 'The history asked for is not valid', problems);
    const boundaries = windowBoundaries(from, to, request.windowSize, zone);
    if (boundaries === undefined)
      throw invalid(EntitlementErrorCode.INVALID, 'The history asked for is not valid', [
        {
          field: 'windowSize',
          code: EntitlementProblemCode.TOO_MANY_WINDOWS,
          message: `makes more than ${MAX_HISTORY_WINDOWS} windows of the range; ask for a larger window or a shorter range`,
        },
      ]);
    await usageCaughtUp(this.projections);
    const result = await this.balances.burnDown(entitlement, {
      until: to,
      from,
      cuts: [from, ...boundaries],
    });
    return {
      windows: windowsOf(result, from, to, boundaries),
      segments: result.segments.filter((segment) => segment.from >= from && segment.to <= to),
    };
  }
}
