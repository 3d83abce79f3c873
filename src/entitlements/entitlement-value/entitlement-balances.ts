import { Injectable } from '@nestjs/common';
import { CustomerUsage } from '../../metering';
import { conflict } from '../../shared/errors';
import { Decimal } from '../../shared/money';
import { BurnDownResult, planBurnDown, runBurnDown, UsageKind } from '../balance/burn-down';
import { GrantTerms } from '../balance/grants';
import { ceilMinute } from '../balance/minutes';
import { UsageSchedule } from '../balance/usage-period';
import { scheduleOf } from '../entitlement.decider';
import { EntitlementErrorCode } from '../entitlement-errors';
import { activeAt, EntitlementRecord, GrantRecord } from '../entitlements-read-model/entitlements.query';
import type { ValueRead } from './value-read';

/** OpenMeter's `EntitlementValue` (and `V2`, with `grantBalances`), amounts still decimals. */
export interface EntitlementValue {
  readonly hasAccess: boolean;
  readonly config?: string;
  readonly balance?: Decimal;
  readonly usage?: Decimal;
  readonly overage?: Decimal;
  readonly totalAvailableGrantAmount?: Decimal;
  readonly grantBalances?: ReadonlyMap<string, Decimal>;
}

export interface BurnDownOptions {
  /** Where it ends (a whole minute). */
  readonly until: number;
  readonly from?: number;
  readonly cuts?: readonly number[];
}

const KINDS: Record<string, UsageKind> = {
  SUM: 'additive',
  COUNT: 'additive',
  UNIQUE_COUNT: 'distinct',
  LATEST: 'latest',
};

export function grantTerms(grant: GrantRecord): GrantTerms {
  const { data } = grant;
  return {
    id: data.id,
    amount: new Decimal(data.amount),
    priority: data.priority,
    effectiveAt: Date.parse(data.effectiveAt),
    ...(data.expiresAt !== undefined && { expiresAt: Date.parse(data.expiresAt) }),
    ...(grant.voidedAt !== undefined && { voidedAt: Date.parse(grant.voidedAt) }),
    minRollover: new Decimal(data.minRolloverAmount),
    maxRollover: new Decimal(data.maxRolloverAmount),
    ...(data.recurrence !== undefined && {
      recurrence: { interval: data.recurrence.interval, anchor: Date.parse(data.recurrence.anchor) },
    }),
    createdAt: Date.parse(data.createdAt),
  };
}

/** The usage schedule of a metered entitlement, created through the API or provided by a subscription. */
export function scheduleOfRecord(record: EntitlementRecord): UsageSchedule {
  return scheduleOf(record.data, record.resets);
}

/**
 * Values and burn-downs of entitlements: a metered one is burnt down at read time from its grants
 * and metering's per-minute counters (`CustomerUsage`), one statement for all the usage it needs.
 * Callers have caught `entitlements@v1` up; a metered value also waits for usage to catch up, so
 * it reflects every acknowledged event — a boolean or static one does not need usage at all.
 */
@Injectable()
export class EntitlementBalances {
  constructor(private readonly usage: CustomerUsage) {}

  /** `read`: the request's read-your-writes, which has caught `entitlements@v1` up. */
  async value(entitlement: EntitlementRecord, at: string, read: ValueRead): Promise<EntitlementValue> {
    if (!activeAt(entitlement, at)) return { hasAccess: false };
    if (entitlement.type === 'boolean') return { hasAccess: true };
    if (entitlement.type === 'static') return { hasAccess: true, config: entitlement.data.config };
    await read.usage();
    const schedule = scheduleOfRecord(entitlement);
    const result = await this.burnDown(entitlement, {
      until: Math.max(ceilMinute(Date.parse(at)), schedule.measureUsageFrom),
    });
    return {
      hasAccess: entitlement.data.isSoftLimit === true || result.balance.gt(0),
      balance: result.balance,
      usage: result.usageInPeriod,
      overage: result.overage,
      totalAvailableGrantAmount: result.grantUsageInPeriod.plus(result.balance),
      grantBalances: result.balances,
    };
  }

  /** The burn-down of a metered entitlement up to `until`; the caller has caught usage up. */
  async burnDown(entitlement: EntitlementRecord, options: BurnDownOptions): Promise<BurnDownResult> {
    const feature = entitlement.feature;
    if (feature?.meterSlug === undefined)
      throw conflict(
        EntitlementErrorCode.METER_GONE,
        `The feature of entitlement ${entitlement.id} (${entitlement.featureKey}) has no meter to count usage by`,
      );
    const grants = entitlement.grants.map(grantTerms);
    const plan = planBurnDown({ schedule: scheduleOfRecord(entitlement), grants, ...options });
    const answer = await this.usage.inRanges({
      namespace: entitlement.namespace,
      meter: feature.meterSlug,
      customerId: entitlement.customerId,
      filterGroupBy: feature.filters,
      ranges: plan.windows.map((window) => ({ from: new Date(window.from), to: new Date(window.to) })),
    });
    const kind = answer && KINDS[answer.aggregation];
    if (!answer || kind === undefined)
      throw conflict(
        EntitlementErrorCode.METER_GONE,
        `Meter ${feature.meterSlug} of entitlement ${entitlement.id} is gone, or aggregates in a way no entitlement counts`,
      );
    return runBurnDown(
      plan,
      kind,
      answer.values.map((value) => new Decimal(value)),
    );
  }
}
