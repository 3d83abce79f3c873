import type { DataSource } from 'typeorm';
import type { Subscription } from '../../customers/subscriptions/subscription.decider';
import type {
  BilledMeter,
  BilledUsageWindow,
  BillingPeriodCount,
  IntakeDay,
  RecordedSubscription,
  TimeRange,
  UsageDay,
} from './reconciliation';

/**
 * Everything reconciliation reads, in one place: the intake counters the event store keeps, and the
 * read models of other contexts (usage, customers, billing's view of subscriptions and features).
 * Those belong to their projections and may change shape; only this object knows their columns.
 */
export class ReconciliationReadModels {
  constructor(private readonly db: DataSource) {}

  /** Sums the sharded per-hour counters into UTC days. */
  async intakeByDay(namespace: string, range: TimeRange): Promise<IntakeDay[]> {
    const rows = await this.db.query<{ day: Date; accepted: string; stored: string }[]>(
      `SELECT date_trunc('day', hour, 'UTC') AS day, sum(accepted) AS accepted, sum(stored) AS stored
       FROM reconciliation_intake
       WHERE namespace = $1 AND hour >= $2 AND hour < $3
       GROUP BY 1`,
      [namespace, range.from, range.to],
    );
    return rows.map((r) => ({ day: r.day, accepted: Number(r.accepted), stored: Number(r.stored) }));
  }

  /** Subscriptions active at some instant of the range, with their recorded terms. */
  async subscriptions(namespace: string, range: TimeRange): Promise<RecordedSubscription[]> {
    const rows = await this.db.query<{ subscription: Subscription; active_to: Date | null }[]>(
      `SELECT subscription, active_to FROM billing_subscriptions
       WHERE namespace = $1 AND active_from < $3 AND (active_to IS NULL OR active_to > $2)
       ORDER BY id`,
      [namespace, range.from, range.to],
    );
    return rows.map((r) => ({
      subscription: r.subscription,
      ...(r.active_to ? { activeTo: r.active_to } : {}),
    }));
  }

  /** Feature key → the live meter it reads, chosen as the invoice preview chooses the feature. */
  async billedMeters(namespace: string): Promise<Map<string, BilledMeter>> {
    const rows = await this.db.query<{ key: string; event_type: string; event_from: Date | null }[]>(
      `SELECT f.key, m.event_type, m.event_from
       FROM (SELECT DISTINCT ON (key) key, meter_slug FROM billing_features
             WHERE namespace = $1 ORDER BY key, archived, id DESC) f
       JOIN usage_meters m ON m.namespace = $1 AND m.slug = f.meter_slug AND m.deleted_at IS NULL`,
      [namespace],
    );
    return new Map(
      rows.map((r) => [
        r.key,
        { eventType: r.event_type, ...(r.event_from ? { eventFrom: r.event_from } : {}) },
      ]),
    );
  }

  /** Per UTC day: events in the usage read model, and how many are metered, attributed, billed. */
  async usageByDay(
    namespace: string,
    range: TimeRange,
    windows: readonly BilledUsageWindow[],
  ): Promise<UsageDay[]> {
    const [rows, billed] = await Promise.all([
      this.db.query<{ day: Date; projected: string; metered: string; attributed: string }[]>(
        `SELECT date_trunc('day', e.time, 'UTC') AS day,
           count(*) AS projected,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM usage_meters m
             WHERE m.namespace = e.namespace AND m.event_type = e.type AND m.deleted_at IS NULL
               AND (m.event_from IS NULL OR e.time >= m.event_from))) AS metered,
           count(cs.customer_id) AS attributed
         FROM usage_events e
         LEFT JOIN customer_subjects cs ON cs.namespace = e.namespace AND cs.subject_key = e.subject
         WHERE e.namespace = $1 AND e.time >= $2 AND e.time < $3
         GROUP BY 1`,
        [namespace, range.from, range.to],
      ),
      this.billedByDay(namespace, windows),
    ]);
    return rows.map((r) => ({
      day: r.day,
      projected: Number(r.projected),
      metered: Number(r.metered),
      attributed: Number(r.attributed),
      billed: billed.get(r.day.getTime()) ?? 0,
    }));
  }

  /**
   * Billed events per UTC day, each once however many windows bill it. A join on (subject, type)
   * rather than a per-event search of the windows: one pass over the events, whatever their number.
   */
  private async billedByDay(
    namespace: string,
    windows: readonly BilledUsageWindow[],
  ): Promise<Map<number, number>> {
    if (windows.length === 0) return new Map();
    const rows = await this.db.query<{ day: Date; billed: string }[]>(
      `WITH windows AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
           AS w(customer_id, event_type, starts, ends)
       )
       SELECT day, count(*) AS billed FROM (
         SELECT DISTINCT date_trunc('day', e.time, 'UTC') AS day, e.source, e.id
         FROM windows w
         JOIN customer_subjects cs ON cs.namespace = $1 AND cs.customer_id = w.customer_id
         JOIN usage_events e ON e.namespace = $1 AND e.subject = cs.subject_key AND e.type = w.event_type
           AND e.time >= w.starts AND e.time < w.ends
       ) AS billed
       GROUP BY day`,
      [namespace, ...windowColumns(windows)],
    );
    return new Map(rows.map((r) => [r.day.getTime(), Number(r.billed)]));
  }

  /** Billed events per subscription billing period (an event billed by two rate cards counts once). */
  async billedByPeriod(
    namespace: string,
    windows: readonly BilledUsageWindow[],
  ): Promise<BillingPeriodCount[]> {
    if (windows.length === 0) return [];
    const rows = await this.db.query<{ subscription_id: string; period_from: Date; billed: string }[]>(
      `WITH windows AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::timestamptz[])
           AS w(customer_id, event_type, starts, ends, subscription_id, period_from)
       )
       SELECT w.subscription_id, w.period_from, count(DISTINCT (e.source, e.id)) AS billed
       FROM windows w
       JOIN customer_subjects cs ON cs.namespace = $1 AND cs.customer_id = w.customer_id
       JOIN usage_events e ON e.namespace = $1 AND e.subject = cs.subject_key AND e.type = w.event_type
         AND e.time >= w.starts AND e.time < w.ends
       GROUP BY 1, 2`,
      [
        namespace,
        ...windowColumns(windows),
        windows.map((w) => w.subscriptionId),
        windows.map((w) => w.periodFrom),
      ],
    );
    const billed = new Map(
      rows.map((r) => [`${r.subscription_id}@${r.period_from.getTime()}`, Number(r.billed)]),
    );
    const periods = new Map<string, BillingPeriodCount>();
    for (const w of windows) {
      const key = `${w.subscriptionId}@${w.periodFrom.getTime()}`;
      if (periods.has(key)) continue;
      periods.set(key, {
        subscriptionId: w.subscriptionId,
        customerId: w.customerId,
        from: w.periodFrom,
        to: w.periodTo,
        billed: billed.get(key) ?? 0,
      });
    }
    return [...periods.values()].sort(
      (a, b) => a.subscriptionId.localeCompare(b.subscriptionId) || a.from.getTime() - b.from.getTime(),
    );
  }
}

function windowColumns(windows: readonly BilledUsageWindow[]): unknown[] {
  return [
    windows.map((w) => w.customerId),
    windows.map((w) => w.eventType),
    windows.map((w) => w.from),
    windows.map((w) => w.to),
  ];
}
