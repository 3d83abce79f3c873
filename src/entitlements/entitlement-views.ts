import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Decimal } from '../shared/money';
import { activeAt as grantActiveAt } from './balance/grants';
import { containing, intervalName, periodAt } from './balance/usage-period';
import { ENTITLEMENT_TYPES, EntitlementType, RecurringPeriod } from './entitlement.decider';
import type { EntitlementValue } from './entitlement-value/entitlement-balances';
import { grantTerms, scheduleOfRecord } from './entitlement-value/entitlement-balances';
import type {
  CustomerRecord,
  EntitlementRecord,
  GrantRecord,
} from './entitlements-read-model/entitlements.query';

/**
 * The answers of the entitlement routes, as OpenMeter's schemas shape them (`EntitlementV2`,
 * `Entitlement`, `EntitlementGrantV2`, `EntitlementValue(V2)`, `WindowedBalanceHistory`,
 * `CustomerAccess`). Amounts and balances are JSON numbers, as OpenMeter's are; inside Tally they
 * are decimals until this edge. The classes describe them in the OpenAPI document.
 */

const number = (value: Decimal | string) => Number(value.toString());

export class PeriodView {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;
}

export class RecurringPeriodView {
  @ApiProperty({ description: 'DAY, WEEK, MONTH, YEAR, or the ISO-8601 duration when it is none of them' })
  interval!: string;

  @ApiProperty({ format: 'date-time' })
  anchor!: string;

  @ApiProperty({ format: 'duration' })
  intervalISO!: string;
}

export class IssueAfterResetView {
  @ApiProperty()
  amount!: number;

  @ApiPropertyOptional()
  priority?: number;
}

/** The fields both API versions share. */
class EntitlementViewBase {
  @ApiProperty({ enum: ENTITLEMENT_TYPES })
  type!: EntitlementType;

  @ApiProperty()
  id!: string;

  @ApiProperty()
  featureKey!: string;

  @ApiProperty()
  featureId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  deletedAt?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  metadata?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'subscription.id names the subscription that provides (manages) it',
  })
  annotations?: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  activeFrom!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  activeTo?: string;

  @ApiPropertyOptional({ description: 'Static entitlements: the JSON config' })
  config?: string;

  @ApiPropertyOptional({ description: 'Metered' })
  isSoftLimit?: boolean;

  @ApiPropertyOptional({ description: 'Metered' })
  preserveOverageAtReset?: boolean;

  @ApiPropertyOptional({ description: 'Metered' })
  issueAfterReset?: number;

  @ApiPropertyOptional({ description: 'Metered' })
  issueAfterResetPriority?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Metered: the start of the usage period in progress',
  })
  lastReset?: string;

  @ApiPropertyOptional({ type: PeriodView })
  currentUsagePeriod?: PeriodView;

  @ApiPropertyOptional({ format: 'date-time', description: 'Metered' })
  measureUsageFrom?: string;

  @ApiPropertyOptional({ type: RecurringPeriodView })
  usagePeriod?: RecurringPeriodView;
}

/** OpenMeter's `EntitlementV2`. */
export class EntitlementV2View extends EntitlementViewBase {
  @ApiProperty()
  customerId!: string;

  @ApiPropertyOptional()
  customerKey?: string;

  @ApiPropertyOptional({ type: IssueAfterResetView, description: 'Metered' })
  issue?: IssueAfterResetView;
}

/** OpenMeter's `Entitlement` (v1): the subject it was asked by instead of the customer. */
export class EntitlementV1View extends EntitlementViewBase {
  @ApiProperty()
  subjectKey!: string;

  @ApiPropertyOptional({ description: 'Metered; always false (deprecated, ignored)' })
  isUnlimited?: boolean;
}

export class EntitlementV2PageView {
  @ApiProperty()
  totalCount!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: [EntitlementV2View] })
  items!: EntitlementV2View[];
}

export class EntitlementV1PageView {
  @ApiProperty()
  totalCount!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: [EntitlementV1View] })
  items!: EntitlementV1View[];
}

export class ExpirationView {
  @ApiProperty({ enum: ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] })
  duration!: string;

  @ApiProperty()
  count!: number;
}

/** OpenMeter's `EntitlementGrantV2` (and `EntitlementGrant`). */
export class GrantView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  entitlementId!: string;

  @ApiProperty()
  amount!: number;

  @ApiProperty()
  priority!: number;

  @ApiProperty({ format: 'date-time' })
  effectiveAt!: string;

  @ApiPropertyOptional({ type: ExpirationView })
  expiration?: ExpirationView;

  @ApiPropertyOptional({ format: 'date-time' })
  expiresAt?: string;

  @ApiProperty()
  minRolloverAmount!: number;

  @ApiProperty()
  maxRolloverAmount!: number;

  @ApiPropertyOptional({ type: RecurringPeriodView })
  recurrence?: RecurringPeriodView;

  @ApiPropertyOptional({ format: 'date-time' })
  nextRecurrence?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  voidedAt?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  annotations?: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class GrantPageView {
  @ApiProperty()
  totalCount!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: [GrantView] })
  items!: GrantView[];
}

/** OpenMeter's `EntitlementValue`. */
export class EntitlementValueView {
  @ApiProperty()
  hasAccess!: boolean;

  @ApiPropertyOptional({ description: 'Metered: what the active grants have left; never negative' })
  balance?: number;

  @ApiPropertyOptional({ description: 'Metered: usage in the usage period in progress' })
  usage?: number;

  @ApiPropertyOptional({ description: 'Metered: usage no grant covered' })
  overage?: number;

  @ApiPropertyOptional({ description: 'Metered: what grants covered in the period, plus the balance' })
  totalAvailableGrantAmount?: number;

  @ApiPropertyOptional({ description: 'Static: the JSON config' })
  config?: string;
}

/** OpenMeter's `EntitlementValueV2`. */
export class EntitlementValueV2View extends EntitlementValueView {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Metered: each active grant and its balance',
  })
  grantBalances?: Record<string, number>;
}

export class BalanceHistoryWindowView {
  @ApiProperty({ type: PeriodView })
  period!: PeriodView;

  @ApiProperty()
  usage!: number;

  @ApiProperty()
  balanceAtStart!: number;
}

export class GrantUsageRecordView {
  @ApiProperty()
  grantId!: string;

  @ApiProperty()
  usage!: number;
}

export class GrantBurnDownHistorySegmentView {
  @ApiProperty({ type: PeriodView })
  period!: PeriodView;

  @ApiProperty()
  usage!: number;

  @ApiProperty()
  overage!: number;

  @ApiProperty()
  balanceAtStart!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  grantBalancesAtStart!: Record<string, number>;

  @ApiProperty()
  balanceAtEnd!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  grantBalancesAtEnd!: Record<string, number>;

  @ApiProperty({ type: [GrantUsageRecordView] })
  grantUsages!: GrantUsageRecordView[];
}

/** OpenMeter's `WindowedBalanceHistory`. */
export class WindowedBalanceHistoryView {
  @ApiProperty({ type: [BalanceHistoryWindowView] })
  windowedHistory!: BalanceHistoryWindowView[];

  @ApiProperty({ type: [GrantBurnDownHistorySegmentView] })
  burndownHistory!: GrantBurnDownHistorySegmentView[];
}

/** OpenMeter's `CustomerAccess`. */
export class CustomerAccessView {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/EntitlementValueView' },
    description: 'Each feature the customer has an entitlement to now, by key, and its value',
  })
  entitlements!: Record<string, EntitlementValueView>;
}

function recurringView(period: RecurringPeriod): RecurringPeriodView {
  return { interval: intervalName(period.interval), anchor: period.anchor, intervalISO: period.interval };
}

const iso = (ms: number) => new Date(ms).toISOString();

function entitlementFields(e: EntitlementRecord, now: string): EntitlementViewBase {
  const data = e.data;
  const common: EntitlementViewBase = {
    type: e.type,
    id: e.id,
    featureKey: e.featureKey,
    featureId: e.feature?.id ?? ('featureId' in data ? data.featureId : ''),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    ...(e.deletedAt !== undefined && { deletedAt: e.deletedAt }),
    ...(data.metadata !== undefined && { metadata: { ...data.metadata } }),
    ...('annotations' in data && { annotations: { ...data.annotations } }),
    activeFrom: e.activeFrom,
    ...(e.activeTo !== undefined && { activeTo: e.activeTo }),
    ...(data.usagePeriod !== undefined && { usagePeriod: recurringView(data.usagePeriod) }),
  };
  if (e.type === 'static') return { ...common, config: data.config, ...staticPeriod(data.usagePeriod, now) };
  if (e.type === 'boolean') return { ...common, ...staticPeriod(data.usagePeriod, now) };
  const period = periodAt(scheduleOfRecord(e), Date.parse(now));
  return {
    ...common,
    isSoftLimit: data.isSoftLimit ?? false,
    preserveOverageAtReset: data.preserveOverageAtReset ?? false,
    ...(data.issueAfterReset !== undefined && {
      issueAfterReset: number(data.issueAfterReset.amount),
      issueAfterResetPriority: data.issueAfterReset.priority,
    }),
    lastReset: iso(period.from),
    currentUsagePeriod: { from: iso(period.from), to: iso(period.to) },
    measureUsageFrom: data.measureUsageFrom!,
  };
}

/** A static or boolean entitlement's period, when it was given one. */
function staticPeriod(period: RecurringPeriod | undefined, now: string): Partial<EntitlementViewBase> {
  if (period === undefined) return {};
  const current = containing(Date.parse(period.anchor), period.interval, Date.parse(now));
  return { currentUsagePeriod: { from: iso(current.from), to: iso(current.to) } };
}

export function entitlementV2View(
  e: EntitlementRecord,
  customer: CustomerRecord | undefined,
  now: string,
): EntitlementV2View {
  const fields = entitlementFields(e, now);
  const issue = e.data.issueAfterReset;
  return {
    ...fields,
    customerId: e.customerId,
    ...(customer?.key !== undefined && { customerKey: customer.key }),
    ...(issue !== undefined && { issue: { amount: number(issue.amount), priority: issue.priority } }),
  };
}

export function entitlementV1View(e: EntitlementRecord, subjectKey: string, now: string): EntitlementV1View {
  const fields = entitlementFields(e, now);
  return { ...fields, subjectKey, ...(e.type === 'metered' && { isUnlimited: false }) };
}

/** The subject a v1 answer names a customer's entitlement by: the one asked for, else its first. */
export function subjectKeyOf(customer: CustomerRecord | undefined, asked?: string): string {
  return asked ?? customer?.subjectKeys[0] ?? customer?.key ?? customer?.id ?? '';
}

export function grantView(grant: GrantRecord, now: string): GrantView {
  const data = grant.data;
  const nowMs = Date.parse(now);
  const recurrence = grantTerms(grant).recurrence;
  const next = recurrence && containing(recurrence.anchor, recurrence.interval, nowMs).to;
  const recurs = next !== undefined && grantActiveAt(grantTerms(grant), next);
  return {
    id: data.id,
    entitlementId: data.entitlementId,
    amount: number(data.amount),
    priority: data.priority,
    effectiveAt: data.effectiveAt,
    ...(data.expiration !== undefined && { expiration: { ...data.expiration } }),
    ...(data.expiresAt !== undefined && { expiresAt: data.expiresAt }),
    minRolloverAmount: number(data.minRolloverAmount),
    maxRolloverAmount: number(data.maxRolloverAmount),
    ...(data.recurrence !== undefined && { recurrence: recurringView(data.recurrence) }),
    ...(recurs && { nextRecurrence: iso(next) }),
    ...(grant.voidedAt !== undefined && { voidedAt: grant.voidedAt }),
    ...(data.metadata !== undefined && { metadata: { ...data.metadata } }),
    ...(data.annotations !== undefined && { annotations: { ...data.annotations } }),
    createdAt: grant.createdAt,
    updatedAt: grant.updatedAt,
  };
}

export function valueView(value: EntitlementValue): EntitlementValueView {
  return {
    hasAccess: value.hasAccess,
    ...(value.balance !== undefined && { balance: number(value.balance) }),
    ...(value.usage !== undefined && { usage: number(value.usage) }),
    ...(value.overage !== undefined && { overage: number(value.overage) }),
    ...(value.totalAvailableGrantAmount !== undefined && {
      totalAvailableGrantAmount: number(value.totalAvailableGrantAmount),
    }),
    ...(value.config !== undefined && { config: value.config }),
  };
}

export function valueV2View(value: EntitlementValue): EntitlementValueV2View {
  return {
    ...valueView(value),
    ...(value.grantBalances !== undefined && {
      grantBalances: Object.fromEntries(
        [...value.grantBalances].map(([id, balance]) => [id, number(balance)]),
      ),
    }),
  };
}
