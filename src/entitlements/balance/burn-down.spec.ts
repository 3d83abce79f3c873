import { Decimal } from '../../shared/money';
import { BurnDownInput, planBurnDown, runBurnDown, UsageKind } from './burn-down';
import { expiresAt, GrantTerms } from './grants';
import { UsageSchedule } from './usage-period';
import { windowBoundaries, windowsOf } from './windowed-history';

const t = (iso: string) => Date.parse(iso);
const d = (n: number | string) => new Decimal(n);

const monthly = (overrides: Partial<UsageSchedule> = {}): UsageSchedule => ({
  interval: 'P1M',
  anchor: t('2026-01-01T00:00:00Z'),
  measureUsageFrom: t('2026-01-01T00:00:00Z'),
  preserveOverageAtReset: false,
  resets: [],
  ...overrides,
});

const grant = (id: string, amount: number, overrides: Partial<GrantTerms> = {}): GrantTerms => ({
  id,
  amount: d(amount),
  priority: 1,
  effectiveAt: t('2026-01-01T00:00:00Z'),
  minRollover: d(0),
  maxRollover: d(amount),
  createdAt: t('2026-01-01T00:00:00Z'),
  ...overrides,
});

type Event = { at: string; value: number | string };

/** Usage of the events in `[from, to)` as the meter counts it: a sum, or distinct values. */
function meter(kind: UsageKind, events: readonly Event[]) {
  return (from: number, to: number): Decimal => {
    const inside = events.filter((e) => t(e.at) >= from && t(e.at) < to);
    if (kind === 'distinct') return d(new Set(inside.map((e) => String(e.value))).size);
    if (kind === 'latest') return inside.length ? d(inside[inside.length - 1].value) : d(0);
    return inside.reduce((sum, e) => sum.plus(e.value), d(0));
  };
}

function burn(
  { kind = 'additive', ...input }: BurnDownInput & { kind?: UsageKind },
  events: readonly Event[],
) {
  const plan = planBurnDown(input);
  const usage = meter(kind, events);
  return {
    plan,
    result: runBurnDown(
      plan,
      kind,
      plan.windows.map((w) => usage(w.from, w.to)),
    ),
  };
}

const balances = (map: ReadonlyMap<string, Decimal>) =>
  Object.fromEntries([...map].map(([id, b]) => [id, b.toNumber()]));

describe('grant burn-down', () => {
  it('burns the priority-1 grant first: 50 + 100 granted, 120 used → 30 left, all of it the 100-grant', () => {
    const { result } = burn(
      {
        schedule: monthly(),
        grants: [
          grant('monthly', 100, {
            priority: 5,
            recurrence: { interval: 'P1M', anchor: t('2026-01-01T00:00:00Z') },
          }),
          grant('topup', 50, { priority: 1 }),
        ],
        until: t('2026-01-20T00:00:00Z'),
      },
      [
        { at: '2026-01-05T10:00:00Z', value: 80 },
        { at: '2026-01-12T10:00:00Z', value: 40 },
      ],
    );
    expect(result.usageInPeriod.toNumber()).toBe(120);
    expect(balances(result.balances)).toEqual({ monthly: 30, topup: 0 });
    expect(result.balance.toNumber()).toBe(30);
    expect(result.overage.toNumber()).toBe(0);
    expect(result.grantUsageInPeriod.toNumber()).toBe(120);
  });

  it('orders equal priorities by the soonest expiry, then the oldest', () => {
    const { result } = burn(
      {
        schedule: monthly(),
        grants: [
          grant('older', 10, { createdAt: t('2026-01-01T00:00:00Z') }),
          grant('newer', 10, { createdAt: t('2026-01-02T00:00:00Z') }),
          grant('expiring', 10, { expiresAt: t('2026-03-01T00:00:00Z') }),
        ],
        until: t('2026-01-20T00:00:00Z'),
      },
      [{ at: '2026-01-05T10:00:00Z', value: 15 }],
    );
    expect(balances(result.balances)).toEqual({ expiring: 0, older: 5, newer: 10 });
  });

  it('answers usage beyond the grants as overage, and a balance never below zero', () => {
    const { result } = burn(
      { schedule: monthly(), grants: [grant('g', 100)], until: t('2026-01-20T00:00:00Z') },
      [{ at: '2026-01-05T10:00:00Z', value: 130 }],
    );
    expect([result.balance.toNumber(), result.overage.toNumber(), result.usageInPeriod.toNumber()]).toEqual([
      0, 30, 130,
    ]);
  });

  it('burns overage first from a grant that takes effect later in the period', () => {
    const { result } = burn(
      {
        schedule: monthly(),
        grants: [grant('late', 50, { effectiveAt: t('2026-01-10T00:00:00Z') })],
        until: t('2026-01-20T00:00:00Z'),
      },
      [
        { at: '2026-01-05T10:00:00Z', value: 20 },
        { at: '2026-01-15T10:00:00Z', value: 5 },
      ],
    );
    expect([
      result.balance.toNumber(),
      result.overage.toNumber(),
      result.grantUsageInPeriod.toNumber(),
    ]).toEqual([25, 0, 25]);
  });

  it('rolls at most maxRolloverAmount over a reset: 30 left, maxRolloverAmount 20 → 20', () => {
    const input = {
      schedule: monthly(),
      grants: [grant('g', 100, { maxRollover: d(20) })],
    };
    const events = [{ at: '2026-01-05T10:00:00Z', value: 70 }];
    expect(burn({ ...input, until: t('2026-01-31T23:59:00Z') }, events).result.balance.toNumber()).toBe(30);
    const next = burn({ ...input, until: t('2026-02-01T00:00:00Z') }, events).result;
    expect([next.balance.toNumber(), next.usageInPeriod.toNumber(), next.periodStart]).toEqual([
      20,
      0,
      t('2026-02-01T00:00:00Z'),
    ]);
  });

  it('restores at least minRolloverAmount at a reset, and forgives the overage unless it is preserved', () => {
    const schedule = monthly();
    const grants = [grant('g', 10, { minRollover: d(10), maxRollover: d(10) })];
    const events = [{ at: '2026-01-05T10:00:00Z', value: 25 }];
    const forgiven = burn({ schedule, grants, until: t('2026-02-02T00:00:00Z') }, events).result;
    expect([forgiven.balance.toNumber(), forgiven.overage.toNumber()]).toEqual([10, 0]);
    const preserved = burn(
      { schedule: { ...schedule, preserveOverageAtReset: true }, grants, until: t('2026-02-02T00:00:00Z') },
      events,
    ).result;
    // 15 of overage carried into February, burnt from the 10 the grant starts it with: 5 left over.
    expect([
      preserved.balance.toNumber(),
      preserved.overage.toNumber(),
      preserved.usageInPeriod.toNumber(),
    ]).toEqual([0, 5, 0]);
    expect(preserved.grantUsageInPeriod.toNumber()).toBe(10);
  });

  it('stops counting an expired grant at its expiry: usage after it goes to the others, or is overage', () => {
    const effectiveAt = t('2026-01-01T00:00:00Z');
    const shortLived = grant('day', 50, {
      effectiveAt,
      expiresAt: expiresAt(effectiveAt, { duration: 'DAY', count: 1 }),
    });
    const events = [
      { at: '2026-01-01T10:00:00Z', value: 20 },
      { at: '2026-01-03T10:00:00Z', value: 5 },
    ];
    const before = burn(
      { schedule: monthly(), grants: [shortLived], until: t('2026-01-01T23:00:00Z') },
      events,
    );
    expect(before.result.balance.toNumber()).toBe(30);
    const after = burn(
      { schedule: monthly(), grants: [shortLived], until: t('2026-01-05T00:00:00Z') },
      events,
    );
    expect([after.result.balance.toNumber(), after.result.overage.toNumber()]).toEqual([0, 5]);
    // The 30 left at expiry still counts as available: what grants covered (20) plus their balance (0).
    expect(after.result.grantUsageInPeriod.toNumber()).toBe(20);
  });

  it('counts UNIQUE_COUNT usage as U(period start → t₂) − U(period start → t₁), never as a sum of windows', () => {
    const events = [
      { at: '2026-01-02T10:00:00Z', value: 'alice' },
      { at: '2026-01-03T10:00:00Z', value: 'bob' },
      { at: '2026-01-04T10:00:00Z', value: 'carol' },
      { at: '2026-01-05T10:00:00Z', value: 'alice' },
    ];
    // A grant taking effect mid-period splits the period into two phases: alice is not counted twice.
    const { result } = burn(
      {
        kind: 'distinct',
        schedule: monthly(),
        grants: [grant('seats', 3), grant('late', 0.5, { effectiveAt: t('2026-01-04T12:00:00Z') })],
        until: t('2026-01-20T00:00:00Z'),
      },
      events,
    );
    expect([result.usageInPeriod.toNumber(), result.balance.toNumber()]).toEqual([3, 0.5]);
    expect(result.segments.filter((s) => !s.reset).map((s) => s.usage.toNumber())).toEqual([3, 0]);
  });

  it('gives a recurring grant its amount back at each recurrence', () => {
    const { result } = burn(
      {
        schedule: monthly({ interval: 'P1Y' }),
        grants: [grant('weekly', 10, { recurrence: { interval: 'P1W', anchor: t('2026-01-01T00:00:00Z') } })],
        until: t('2026-01-10T00:00:00Z'),
      },
      [
        { at: '2026-01-02T00:00:00Z', value: 8 },
        { at: '2026-01-09T00:00:00Z', value: 3 },
      ],
    );
    expect(result.balance.toNumber()).toBe(7);
  });

  it('starts from the period in progress when no balance depends on earlier periods', () => {
    const events = Array.from({ length: 24 }, (_, m) => ({
      at: new Date(Date.UTC(2026, m, 3)).toISOString(),
      value: 1,
    }));
    const restarting = burn(
      {
        schedule: monthly(),
        grants: [grant('issued', 5, { minRollover: d(5), maxRollover: d(5) })],
        until: t('2027-12-20T00:00:00Z'),
      },
      events,
    );
    expect(restarting.plan.start).toBe(t('2027-12-01T00:00:00Z'));
    expect(restarting.result.balance.toNumber()).toBe(4);
    // A grant that carries its balance over makes the burn-down start where it took effect.
    const carrying = burn(
      { schedule: monthly(), grants: [grant('credits', 100)], until: t('2027-12-20T00:00:00Z') },
      events,
    );
    expect(carrying.plan.start).toBe(t('2026-01-01T00:00:00Z'));
    expect(carrying.result.balance.toNumber()).toBe(76);
  });

  it('treats LATEST usage as a level: each phase burns the latest value from the full amounts', () => {
    const { result } = burn(
      {
        kind: 'latest',
        schedule: monthly(),
        grants: [grant('limit', 10)],
        until: t('2026-01-20T00:00:00Z'),
      },
      [
        { at: '2026-01-02T00:00:00Z', value: 8 },
        { at: '2026-01-03T00:00:00Z', value: 4 },
      ],
    );
    expect(result.balance.toNumber()).toBe(6);
  });

  it('keeps decimals exact', () => {
    const { result } = burn(
      { schedule: monthly(), grants: [grant('g', 0.3)], until: t('2026-01-20T00:00:00Z') },
      [
        { at: '2026-01-02T00:00:00Z', value: '0.1' },
        { at: '2026-01-03T00:00:00Z', value: '0.1' },
      ],
    );
    expect(result.balance.toFixed()).toBe('0.1');
  });

  it('splits a history into windows whose usage adds up to the period’s', () => {
    const from = t('2026-01-01T00:00:00Z');
    const to = t('2026-01-04T00:00:00Z');
    const boundaries = windowBoundaries(from, to, 'DAY', 'UTC')!;
    const { result } = burn(
      { schedule: monthly(), grants: [grant('g', 10)], until: to, from, cuts: boundaries },
      [
        { at: '2026-01-01T10:00:00Z', value: 4 },
        { at: '2026-01-03T10:00:00Z', value: 3 },
      ],
    );
    expect(
      windowsOf(result, from, to, boundaries).map((w) => [w.usage.toNumber(), w.balanceAtStart.toNumber()]),
    ).toEqual([
      [4, 10],
      [0, 6],
      [3, 6],
    ]);
  });

  it('cuts windows at the local midnights of windowTimeZone, through a DST change', () => {
    // Europe/Budapest: UTC+1 until 03-29 01:00Z, UTC+2 after, so midnights at 23:00Z then 22:00Z.
    const from = t('2026-03-28T12:00:00Z');
    const to = t('2026-03-31T12:00:00Z');
    expect(
      windowBoundaries(from, to, 'DAY', 'Europe/Budapest')!.map((b) => new Date(b).toISOString()),
    ).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z']);
    // Asia/Kolkata (UTC+5:30): hours start at half past in UTC.
    expect(
      windowBoundaries(t('2026-02-01T00:00:00Z'), t('2026-02-01T02:00:00Z'), 'HOUR', 'Asia/Kolkata')!.map(
        (b) => new Date(b).toISOString(),
      ),
    ).toEqual(['2026-02-01T00:30:00.000Z', '2026-02-01T01:30:00.000Z']);
    expect(windowBoundaries(from, from + 6000 * 60_000, 'MINUTE', 'UTC')).toBeUndefined();
  });
});
