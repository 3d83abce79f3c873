/**
 * Entitlements work at whole minutes, as OpenMeter does and as usage is kept (per-minute counters):
 * every instant an entitlement is given — a usage period's anchor, `measureUsageFrom`, a grant's
 * `effectiveAt` and recurrence anchor, a reset, a void — is truncated to its minute, and a value or
 * history asked at an instant `t` is read at the end of the minute `t` falls in (`ceilMinute(t)`), so
 * usage stamped earlier in that minute counts. Expirations and period boundaries follow from those
 * whole-minute instants by calendar arithmetic, so they are whole minutes too.
 */
export const MINUTE_MS = 60_000;

export function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

export function ceilMinute(ms: number): number {
  return Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
}
