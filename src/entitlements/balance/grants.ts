import { DateTime } from 'luxon';
import { billingPeriodContaining } from '../../customers/model';
import type { Decimal } from '../../shared/money';

/** OpenMeter's `ExpirationDuration`. */
export const EXPIRATION_DURATIONS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type ExpirationDuration = (typeof EXPIRATION_DURATIONS)[number];

export interface Expiration {
  readonly duration: ExpirationDuration;
  readonly count: number;
}

/** A grant as the burn-down reads it: amounts as decimals, instants as epoch ms on whole minutes. */
export interface GrantTerms {
  readonly id: string;
  readonly amount: Decimal;
  /** 1 burns first. */
  readonly priority: number;
  readonly effectiveAt: number;
  readonly expiresAt?: number;
  readonly voidedAt?: number;
  /** At each reset the balance becomes `min(maxRollover, max(balance, minRollover))`. */
  readonly minRollover: Decimal;
  readonly maxRollover: Decimal;
  /** At each recurrence the balance becomes `amount` again. */
  readonly recurrence?: { readonly interval: string; readonly anchor: number };
  readonly createdAt: number;
}

const EXPIRATION_UNITS: Record<ExpirationDuration, 'hours' | 'days' | 'weeks' | 'months' | 'years'> = {
  HOUR: 'hours',
  DAY: 'days',
  WEEK: 'weeks',
  MONTH: 'months',
  YEAR: 'years',
};

/** When a grant effective at `effectiveAt` expires: `count` units later, along the calendar in UTC. */
export function expiresAt(effectiveAt: number, expiration: Expiration): number {
  return DateTime.fromMillis(effectiveAt, { zone: 'utc' })
    .plus({ [EXPIRATION_UNITS[expiration.duration]]: expiration.count })
    .toMillis();
}

/** The end of the grant's life, exclusive: its expiry or its void, whichever comes first. */
export function endOf(grant: GrantTerms): number {
  const end = Math.min(grant.expiresAt ?? Infinity, grant.voidedAt ?? Infinity);
  return Math.max(end, grant.effectiveAt);
}

export function activeAt(grant: GrantTerms, at: number): boolean {
  return grant.effectiveAt <= at && at < endOf(grant);
}

/** The grant's recurrences in `(after, until]` while it is active, in order. */
export function recurrencesBetween(grant: GrantTerms, after: number, until: number): number[] {
  if (!grant.recurrence) return [];
  const { interval, anchor } = grant.recurrence;
  const times: number[] = [];
  for (let at = Math.max(after, grant.effectiveAt); ;) {
    const next = Date.parse(
      billingPeriodContaining(new Date(anchor).toISOString(), interval, new Date(at).toISOString()).to,
    );
    if (next > until || !activeAt(grant, next)) return times;
    times.push(next);
    at = next;
  }
}

/** Whether the grant recurs exactly at `at`. */
export function recursAt(grant: GrantTerms, at: number): boolean {
  return recurrencesBetween(grant, at - 1, at).length > 0;
}

/**
 * Burn-down order: priority (1 first), then the soonest expiry (none last), then the oldest, then
 * the id, so the order is total and the same on every replay.
 */
export function inBurnDownOrder<G extends GrantTerms>(grants: readonly G[]): G[] {
  return [...grants].sort(
    (a, b) =>
      a.priority - b.priority ||
      (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) ||
      a.createdAt - b.createdAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
