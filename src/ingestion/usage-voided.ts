/**
 * The stored contract of a void: `UsageVoided`, one event per usage event voided, appended to the
 * namespace's void stream. The usage event itself stays in the log (its identity stays consumed: a
 * resend is still a duplicate); from the void's position on it counts nowhere.
 */
export const USAGE_VOIDED = 'UsageVoided';

export interface UsageVoidedData {
  readonly namespace: string;
  /** The voided usage event's identity (with the namespace). */
  readonly source: string;
  readonly id: string;
  readonly reason: string;
  /** When Tally accepted the void (its clock). */
  readonly voidedAt: string;
  /** Who voided it (the token), kept in the data so a repeated void answers with the first one's. */
  readonly actor: { readonly id: string; readonly name: string };
}
