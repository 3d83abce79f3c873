import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { usageCaughtUp } from '../usage/usage-caught-up';
import { UsageTable } from '../usage/usage-tables';

export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

/** A live meter, as far as counting billed events needs it. */
export interface CountedMeter {
  readonly eventType: string;
  readonly eventFrom?: Date;
}

/**
 * When a customer's events of a type are billed, inside one billing period: `[from, to)` is that
 * period clipped to the range asked about, to the subscription's active span and phase, and to the
 * meter's eventFrom.
 */
export interface BilledUsageWindow {
  readonly subscriptionId: string;
  readonly customerId: string;
  readonly periodFrom: Date;
  readonly periodTo: Date;
  readonly from: Date;
  readonly to: Date;
  readonly eventType: string;
}

/** Usage events counted per UTC day. */
export interface UsageDay {
  readonly day: Date;
  /** Events in the usage read model: stored where the log does not count (it dedups by key). */
  readonly projected: number;
  readonly metered: number;
  readonly attributed: number;
  readonly billed: number;
}

export interface BillingPeriodCount {
  readonly subscriptionId: string;
  readonly customerId: string;
  /** The whole billing period; only its part inside the requested range is counted. */
  readonly from: Date;
  readonly to: Date;
  readonly billed: number;
}

/**
 * Usage as reconciliation counts it, from `usage@v2` (waited for here): what the usage read model
 * holds of a range, how much of it live meters read and customers own, and how much falls in the
 * windows a caller says are billed.
 */
@Injectable()
export class UsageAccounting {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  /** Live meters by slug. */
  async liveMeters(namespace: string): Promise<Map<string, CountedMeter>> {
    await usageCaughtUp(this.projections);
    const rows = await this.db.query<{ slug: string; event_type: string; event_from: Date | null }[]>(
      `SELECT slug, event_type, event_from FROM ${UsageTable.meters} WHERE namespace = $1 AND deleted_at IS NULL`,
      [namespace],
    );
    return new Map(
      rows.map((r) => [
        r.slug,
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
    await usageCaughtUp(this.projections);
    const [rows, billed] = await Promise.all([
      this.db.query<{ day: Date; projected: string; metered: string; attributed: string }[]>(
        `SELECT date_trunc('day', e.time, 'UTC') AS day,
           count(*) AS projected,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM ${UsageTable.meters} m
             WHERE m.namespace = e.namespace AND m.event_type = e.type AND m.deleted_at IS NULL
               AND (m.event_from IS NULL OR e.time >= m.event_from))) AS metered,
           count(cs.customer_id) AS attributed
         FROM ${UsageTable.events} e
         LEFT JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = e.namespace AND cs.subject_key = e.subject
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
         JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = $1 AND cs.customer_id = w.customer_id
         JOIN ${UsageTable.events} e ON e.namespace = $1 AND e.subject = cs.subject_key AND e.type = w.event_type
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
    await usageCaughtUp(this.projections);
    const rows = await this.db.query<{ subscription_id: string; period_from: Date; billed: string }[]>(
      `WITH windows AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::timestamptz[])
           AS w(customer_id, event_type, starts, ends, subscription_id, period_from)
       )
       SELECT w.subscription_id, w.period_from, count(DISTINCT (e.source, e.id)) AS billed
       FROM windows w
       JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = $1 AND cs.customer_id = w.customer_id
       JOIN ${UsageTable.events} e ON e.namespace = $1 AND e.subject = cs.subject_key AND e.type = w.event_type
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
