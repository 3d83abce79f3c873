import { Decimal } from '../../shared/money';
import { activeAt, endOf, GrantTerms, inBurnDownOrder, recurrencesBetween, recursAt } from './grants';
import { periodAt, preservesOverageAt, ResetPoint, resetsBetween, UsageSchedule } from './usage-period';

/**
 * The grant burn-down of a metered entitlement (OpenMeter's credit engine, on decimals): usage is
 * burnt from the active grants in burn-down order, phase by phase, where a phase ends wherever the
 * set of active grants or their balances change otherwise — a grant taking effect, expiring, being
 * voided or recurring — and at every reset, where balances roll over within each grant's bounds and
 * the overage carries on or is forgiven. Usage nothing covers is overage, burnt first from whatever
 * balance appears next in the same period.
 *
 * Pure: `planBurnDown` names the meter ranges the burn-down may read (those of every kind of
 * meter, so it can be planned before the meter is looked up); the caller reads them all at once
 * (from metering's per-minute counters) and `runBurnDown` burns, by the meter's kind.
 */

/** How a meter's aggregation turns into usage between two instants. */
export type UsageKind =
  /** SUM, COUNT: the meter's value over the phase. */
  | 'additive'
  /** UNIQUE_COUNT: `U(periodStart → phase end) − U(periodStart → phase start)`, never a sum of windows. */
  | 'distinct'
  /** LATEST: a level, not a flow; grants are limits, each phase burns the latest value from their full amounts. */
  | 'latest';

export interface UsageWindow {
  readonly from: number;
  readonly to: number;
}

export interface BurnDownInput {
  readonly schedule: UsageSchedule;
  readonly grants: readonly GrantTerms[];
  /** Where the burn-down ends: a whole minute, the instant a value is read at. */
  readonly until: number;
  /** Start no later than this (a history's `from`). */
  readonly from?: number;
  /** Instants to end phases at besides the timeline's own (a history's window boundaries). */
  readonly cuts?: readonly number[];
}

export interface GrantUsage {
  readonly grantId: string;
  readonly usage: Decimal;
}

export interface BurnDownSegment {
  readonly from: number;
  readonly to: number;
  /** A reset: no usage of its own, only the preserved overage burnt from the new period's balances. */
  readonly reset: boolean;
  readonly usage: Decimal;
  readonly overageAtStart: Decimal;
  readonly overage: Decimal;
  /** Balances of the grants active in the segment. */
  readonly balancesAtStart: ReadonlyMap<string, Decimal>;
  readonly balancesAtEnd: ReadonlyMap<string, Decimal>;
  readonly grantUsages: readonly GrantUsage[];
}

export interface BurnDownResult {
  readonly at: number;
  /** The start of the usage period `at` is in (its last reset). */
  readonly periodStart: number;
  /** Each grant active at `at` and its balance. */
  readonly balances: ReadonlyMap<string, Decimal>;
  readonly balance: Decimal;
  readonly overage: Decimal;
  /** Usage since `periodStart`. */
  readonly usageInPeriod: Decimal;
  /** What grants covered since `periodStart`, preserved overage included. */
  readonly grantUsageInPeriod: Decimal;
  readonly segments: readonly BurnDownSegment[];
}

export interface BurnDownPlan {
  readonly input: BurnDownInput;
  readonly start: number;
  /** The instants in `(start, until]` where a phase ends, in order; the last is `until`. */
  readonly points: readonly number[];
  /** The meter ranges `runBurnDown` needs the values of, in the order it expects them. */
  readonly windows: readonly UsageWindow[];
  /** The resets in `(start, until]` (calendar arithmetic: worked out once, for the plan and the run). */
  readonly resets: readonly ResetPoint[];
}

const ZERO = new Decimal(0);

/**
 * Where the burn-down can start without reading anything earlier: the latest reset at or before the
 * requested start after which no balance depends on the past. A reset is such a start unless it
 * carries overage over, or a grant active across it (effective before it) keeps a balance that
 * depends on its past (`minRollover ≠ maxRollover`, and it does not recur right there). Grants
 * whose rollover bounds are equal (the `issueAfterReset` grant) restart every period, so a value
 * usually reads only the period in progress.
 */
function startOf(input: BurnDownInput): number {
  const { schedule, grants } = input;
  let at = periodAt(schedule, Math.min(input.until, input.from ?? input.until)).from;
  while (at > schedule.measureUsageFrom) {
    if (preservesOverageAt(schedule, at)) {
      at = periodAt(schedule, at - 1).from;
      continue;
    }
    const reset = at;
    const dependent = grants.filter(
      (grant) =>
        grant.effectiveAt < reset &&
        activeAt(grant, reset) &&
        !grant.minRollover.eq(grant.maxRollover) &&
        !recursAt(grant, reset),
    );
    if (dependent.length === 0) break;
    at = periodAt(schedule, Math.min(...dependent.map((grant) => grant.effectiveAt))).from;
  }
  return at;
}

export function planBurnDown(input: BurnDownInput): BurnDownPlan {
  const start = startOf(input);
  const { until } = input;
  const instants = new Set<number>([until]);
  const within = (at: number) => at > start && at <= until;
  const resetPoints = resetsBetween(input.schedule, start, until);
  for (const reset of resetPoints) instants.add(reset.at);
  for (const grant of input.grants) {
    if (within(grant.effectiveAt)) instants.add(grant.effectiveAt);
    const end = endOf(grant);
    if (Number.isFinite(end) && within(end)) instants.add(end);
    for (const at of recurrencesBetween(grant, start, until)) instants.add(at);
  }
  for (const at of input.cuts ?? []) if (within(at)) instants.add(at);
  const points = [...instants].filter(within).sort((a, b) => a - b);

  const windows: UsageWindow[] = [];
  const seen = new Set<string>();
  const need = (from: number, to: number) => {
    const key = `${from}/${to}`;
    if (from >= to || seen.has(key)) return;
    seen.add(key);
    windows.push({ from, to });
  };
  const resets = new Set(resetPoints.map((reset) => reset.at));
  let periodStart = start;
  let from = start;
  for (const to of points) {
    need(from, to);
    need(periodStart, from);
    need(periodStart, to);
    if (resets.has(to)) periodStart = to;
    from = to;
  }
  return { input, start, points, windows, resets: resetPoints };
}

/** Burns the usage the plan's windows hold (`usage[i]` is the meter's value over `plan.windows[i]`). */
export function runBurnDown(plan: BurnDownPlan, kind: UsageKind, usage: readonly Decimal[]): BurnDownResult {
  const { input, start } = plan;
  const { schedule } = input;
  const values = new Map(plan.windows.map((w, i) => [`${w.from}/${w.to}`, usage[i] ?? ZERO]));
  const valueOf = (from: number, to: number) => (from >= to ? ZERO : values.get(`${from}/${to}`)!);
  const order = inBurnDownOrder(input.grants);
  const resets = new Map(plan.resets.map((r) => [r.at, r.preserveOverage]));

  // The balances at the start: a grant that took effect before a reset and restarts there holds its
  // rollover bound (`startOf` chose a start where that is all it can hold), any other its amount.
  const balances = new Map<string, Decimal>();
  for (const grant of order) {
    if (!activeAt(grant, start)) continue;
    const fresh = start === schedule.measureUsageFrom || grant.effectiveAt >= start || recursAt(grant, start);
    balances.set(grant.id, fresh ? grant.amount : grant.minRollover);
  }
  let overage = ZERO;
  let periodStart = start;
  let usageInPeriod = ZERO;
  let grantUsageInPeriod = ZERO;
  const segments: BurnDownSegment[] = [];

  /** Burns `amount` from the active grants in order; what they cannot cover is the new overage. */
  const burn = (amount: Decimal, at: number): GrantUsage[] => {
    const used: GrantUsage[] = [];
    let left = amount;
    for (const grant of order) {
      const balance = balances.get(grant.id);
      if (balance === undefined || !activeAt(grant, at)) continue;
      if (left.isNegative()) {
        // Usage going down (a SUM meter's refunds) gives back to the first grant in order.
        balances.set(grant.id, balance.minus(left));
        used.push({ grantId: grant.id, usage: left });
        left = ZERO;
        break;
      }
      if (left.isZero()) break;
      if (balance.lte(0)) continue;
      const taken = Decimal.min(balance, left);
      balances.set(grant.id, balance.minus(taken));
      used.push({ grantId: grant.id, usage: taken });
      left = left.minus(taken);
    }
    overage = Decimal.max(left, ZERO);
    for (const { usage: taken } of used) grantUsageInPeriod = grantUsageInPeriod.plus(taken);
    return used;
  };
  const activeBalances = (at: number) =>
    new Map(
      order.filter((g) => balances.has(g.id) && activeAt(g, at)).map((g) => [g.id, balances.get(g.id)!]),
    );

  /** What happens at an instant, in this order: the reset, recurrences, grants taking effect or ending. */
  const arrive = (at: number) => {
    const preserve = resets.get(at);
    if (preserve !== undefined) {
      for (const grant of order) {
        const balance = balances.get(grant.id);
        if (balance !== undefined && activeAt(grant, at))
          balances.set(grant.id, Decimal.min(grant.maxRollover, Decimal.max(balance, grant.minRollover)));
      }
      periodStart = at;
      usageInPeriod = ZERO;
      grantUsageInPeriod = ZERO;
      if (!preserve) overage = ZERO;
    }
    for (const grant of order) {
      if (!activeAt(grant, at)) balances.delete(grant.id);
      else if (grant.effectiveAt === at || recursAt(grant, at)) balances.set(grant.id, grant.amount);
    }
    // Preserved overage is burnt once the new period's balances are all in place.
    if (preserve !== undefined) {
      const carried = overage;
      const balancesAtStart = activeBalances(at);
      const grantUsages = carried.isZero() ? [] : burn(carried, at);
      segments.push({
        from: at,
        to: at,
        reset: true,
        usage: ZERO,
        overageAtStart: carried,
        overage,
        balancesAtStart,
        balancesAtEnd: activeBalances(at),
        grantUsages,
      });
    }
  };

  let from = start;
  for (const to of plan.points) {
    if (kind === 'latest') {
      for (const grant of order) if (balances.has(grant.id)) balances.set(grant.id, grant.amount);
    }
    const usage =
      kind === 'distinct' ? valueOf(periodStart, to).minus(valueOf(periodStart, from)) : valueOf(from, to);
    const overageAtStart = overage;
    const balancesAtStart = activeBalances(from);
    const grantUsages = burn(usage.plus(overage), from);
    usageInPeriod = usageInPeriod.plus(usage);
    segments.push({
      from,
      to,
      reset: false,
      usage,
      overageAtStart,
      overage,
      balancesAtStart,
      balancesAtEnd: activeBalances(from),
      grantUsages,
    });
    arrive(to);
    from = to;
  }

  const final = activeBalances(input.until);
  return {
    at: input.until,
    periodStart,
    balances: final,
    balance: [...final.values()].reduce((sum, b) => sum.plus(b), ZERO),
    overage,
    usageInPeriod,
    grantUsageInPeriod,
    segments,
  };
}
