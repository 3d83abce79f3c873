import { DateTime } from 'luxon';
import { Decimal } from '../../shared/money';
import type { BurnDownResult } from './burn-down';

/** OpenMeter's `WindowSize`. */
export const WINDOW_SIZES = ['MINUTE', 'HOUR', 'DAY', 'MONTH'] as const;
export type WindowSize = (typeof WINDOW_SIZES)[number];

/** A history's windows end its phases, and a phase reads the meter: more than this is refused. */
export const MAX_HISTORY_WINDOWS = 5000;

const UNITS: Record<WindowSize, 'minute' | 'hour' | 'day' | 'month'> = {
  MINUTE: 'minute',
  HOUR: 'hour',
  DAY: 'day',
  MONTH: 'month',
};

/** Whether luxon knows the IANA zone. */
export function isKnownZone(zone: string): boolean {
  return DateTime.fromMillis(0, { zone }).isValid;
}

/**
 * The window boundaries strictly inside `(from, to)`: the starts of the window-sized units of the
 * zone (midnights of `Europe/Budapest` for DAY), so the windows are `[from, b₁), [b₁, b₂), …, [bₙ, to)`
 * — the first and the last clipped to the range asked. Undefined when there would be more than
 * `MAX_HISTORY_WINDOWS` windows.
 */
export function windowBoundaries(
  from: number,
  to: number,
  size: WindowSize,
  zone: string,
): number[] | undefined {
  const unit = UNITS[size];
  const boundaries: number[] = [];
  let at = DateTime.fromMillis(from, { zone })
    .startOf(unit)
    .plus({ [`${unit}s`]: 1 });
  while (at.toMillis() < to) {
    if (boundaries.length >= MAX_HISTORY_WINDOWS) return undefined;
    boundaries.push(at.toMillis());
    at = at.plus({ [`${unit}s`]: 1 });
  }
  return boundaries;
}

export interface HistoryWindow {
  readonly from: number;
  readonly to: number;
  /** The usage the burn-down counted in the window (for UNIQUE_COUNT, the new distinct values since the period start). */
  readonly usage: Decimal;
  readonly balanceAtStart: Decimal;
}

const sum = (balances: ReadonlyMap<string, Decimal>) =>
  [...balances.values()].reduce((total, b) => total.plus(b), new Decimal(0));

/**
 * The windows of `[from, to)` from a burn-down that was cut at `from` and at every boundary: each
 * window's usage is its phases' usage, its balance the entitlement's when it starts (after any
 * reset there). The windows' usage adds up to the range's, as the burn-down counts it.
 */
export function windowsOf(
  result: BurnDownResult,
  from: number,
  to: number,
  boundaries: readonly number[],
): HistoryWindow[] {
  const edges = [from, ...boundaries, to];
  const windows: HistoryWindow[] = [];
  const phases = result.segments.filter((s) => !s.reset);
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i], edges[i + 1]];
    if (start >= end) continue;
    const inside = phases.filter((s) => s.from >= start && s.to <= end);
    windows.push({
      from: start,
      to: end,
      usage: inside.reduce((total, s) => total.plus(s.usage), new Decimal(0)),
      balanceAtStart: inside.length > 0 ? sum(inside[0].balancesAtStart) : sum(result.balances),
    });
  }
  return windows;
}
