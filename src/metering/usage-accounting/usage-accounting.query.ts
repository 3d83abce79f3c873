import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LogPosition } from '../../event-store/event-store.port';
import { ProjectionsService } from '../../projections/projections.service';
import { usageCaughtUp } from '../usage/usage-caught-up';
import { notVoided, UsageTable } from '../usage/usage-tables';

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
  /**
   * Where the period is issued: the log position its documents billed through — they bill the events
   * stored at or before it and not voided at or before it — and whether its usage changed since in a
   * way that alters its figures (a correction will bill the change).
   */
  readonly issued?: { readonly billedThrough: LogPosition; readonly correctionPending: boolean };
}

/** Usage events counted per UTC day. */
export interface UsageDay {
  readonly day: Date;
  /** Events in the usage read model: stored where the log does not count (it dedups by key). */
  readonly projected: number;
  readonly voided: number;
  readonly metered: number;
  readonly attributed: number;
  readonly billable: number;
  readonly billed: number;
  readonly pendingCorrection: number;
}

export interface BillingPeriodCount {
  readonly subscriptionId: string;
  readonly customerId: string;
  /** The whole billing period; only its part inside the requested range is counted. */
  readonly from: Date;
  readonly to: Date;
  readonly issued: boolean;
  readonly billable: number;
  readonly billed: number;
  readonly pendingCorrection: number;
}

/** A window's events as billing counts them (each once, however many windows): see `BilledCounts`. */
interface BilledCounts {
  billable: number;
  billed: number;
  pendingCorrection: number;
}

/**
 * Per window's event: `billable` (not voided), `billed` (on the period's documents: stored at or
 * before their position, not voided at or before it), `pending_correction` (changed since: stored
 * after, not voided; or voided after, having been billed) where a correction is pending.
 */
const BILLED_COUNTS = `
  count(DISTINCT (e.source, e.id)) FILTER (WHERE v.namespace IS NULL) AS billable,
  count(DISTINCT (e.source, e.id)) FILTER (WHERE w.billed_commit IS NOT NULL
    AND (e.position_commit, e.position_prepare) <= (w.billed_commit, w.billed_prepare)
    AND (v.namespace IS NULL OR (v.position_commit, v.position_prepare) > (w.billed_commit, w.billed_prepare))) AS billed,
  count(DISTINCT (e.source, e.id)) FILTER (WHERE w.pending AND CASE
    WHEN (e.position_commit, e.position_prepare) > (w.billed_commit, w.billed_prepare) THEN v.namespace IS NULL
    ELSE (v.position_commit, v.position_prepare) > (w.billed_commit, w.billed_prepare) END) AS pending_correction`;

/**
 * Usage as reconciliation counts it, from `usage@v3` (waited for here): what the usage read model
 * holds of a range, how much of it is voided, how much of the rest live meters read and customers
 * own, and how much falls in the windows a caller says are billed — and, where a window's period is
 * issued, how much its documents billed and how much changed since.
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
      this.db.query<{ day: Date; projected: string; voided: string; metered: string; attributed: string }[]>(
        `SELECT date_trunc('day', e.time, 'UTC') AS day,
           count(*) AS projected,
           count(*) FILTER (WHERE NOT ${notVoided('e')}) AS voided,
           count(*) FILTER (WHERE ${notVoided('e')} AND EXISTS (
             SELECT 1 FROM ${UsageTable.meters} m
             WHERE m.namespace = e.namespace AND m.event_type = e.type AND m.deleted_at IS NULL
               AND (m.event_from IS NULL OR e.time >= m.event_from))) AS metered,
           count(cs.customer_id) FILTER (WHERE ${notVoided('e')}) AS attributed
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
      voided: Number(r.voided),
      metered: Number(r.metered),
      attributed: Number(r.attributed),
      ...(billed.get(r.day.getTime()) ?? { billable: 0, billed: 0, pendingCorrection: 0 }),
    }));
  }

  /**
   * Billable, billed and pending events per UTC day, each once however many windows bill it. A join
   * on (subject, type) rather than a per-event search of the windows: one pass over the events,
   * whatever their number.
   */
  private async billedByDay(
    namespace: string,
    windows: readonly BilledUsageWindow[],
  ): Promise<Map<number, BilledCounts>> {
    if (windows.length === 0) return new Map();
    const rows = await this.db.query<
      { day: Date; billable: string; billed: string; pending_correction: string }[]
    >(
      `WITH windows AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::numeric[],
                              $7::numeric[], $8::boolean[])
           AS w(customer_id, event_type, starts, ends, billed_commit, billed_prepare, pending)
       )
       SELECT date_trunc('day', e.time, 'UTC') AS day, ${BILLED_COUNTS}
       FROM windows w
       JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = $1 AND cs.customer_id = w.customer_id
       JOIN ${UsageTable.events} e ON e.namespace = $1 AND e.subject = cs.subject_key AND e.type = w.event_type
         AND e.time >= w.starts AND e.time < w.ends
       LEFT JOIN ${UsageTable.voids} v ON v.namespace = e.namespace AND v.source = e.source AND v.id = e.id
       GROUP BY 1`,
      [namespace, ...windowColumns(windows)],
    );
    return new Map(rows.map((r) => [r.day.getTime(), countsOf(r)]));
  }

  /** Billed events per subscription billing period (an event billed by two rate cards counts once). */
  async billedByPeriod(
    namespace: string,
    windows: readonly BilledUsageWindow[],
  ): Promise<BillingPeriodCount[]> {
    if (windows.length === 0) return [];
    await usageCaughtUp(this.projections);
    const rows = await this.db.query<
      {
        subscription_id: string;
        period_from: Date;
        billable: string;
        billed: string;
        pending_correction: string;
      }[]
    >(
      `WITH windows AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::numeric[],
                              $7::numeric[], $8::boolean[], $9::text[], $10::timestamptz[])
           AS w(customer_id, event_type, starts, ends, billed_commit, billed_prepare, pending, subscription_id, period_from)
       )
       SELECT w.subscription_id, w.period_from, ${BILLED_COUNTS}
       FROM windows w
       JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = $1 AND cs.customer_id = w.customer_id
       JOIN ${UsageTable.events} e ON e.namespace = $1 AND e.subject = cs.subject_key AND e.type = w.event_type
         AND e.time >= w.starts AND e.time < w.ends
       LEFT JOIN ${UsageTable.voids} v ON v.namespace = e.namespace AND v.source = e.source AND v.id = e.id
       GROUP BY 1, 2`,
      [
        namespace,
        ...windowColumns(windows),
        windows.map((w) => w.subscriptionId),
        windows.map((w) => w.periodFrom),
      ],
    );
    const billed = new Map(rows.map((r) => [`${r.subscription_id}@${r.period_from.getTime()}`, countsOf(r)]));
    const periods = new Map<string, BillingPeriodCount>();
    for (const w of windows) {
      const key = `${w.subscriptionId}@${w.periodFrom.getTime()}`;
      if (periods.has(key)) continue;
      periods.set(key, {
        subscriptionId: w.subscriptionId,
        customerId: w.customerId,
        from: w.periodFrom,
        to: w.periodTo,
        issued: w.issued !== undefined,
        ...(billed.get(key) ?? { billable: 0, billed: 0, pendingCorrection: 0 }),
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
    windows.map((w) => w.issued?.billedThrough.commit.toString() ?? null),
    windows.map((w) => w.issued?.billedThrough.prepare.toString() ?? null),
    windows.map((w) => w.issued?.correctionPending ?? false),
  ];
}

function countsOf(row: { billable: string; billed: string; pending_correction: string }): BilledCounts {
  return {
    billable: Number(row.billable),
    billed: Number(row.billed),
    pendingCorrection: Number(row.pending_correction),
  };
}
