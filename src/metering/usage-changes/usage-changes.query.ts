import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LogPosition } from '../../event-store/event-store.port';
import { ProjectionsService } from '../../projections/projections.service';
import { usageCaughtUp } from '../usage/usage-caught-up';
import { UsageTable } from '../usage/usage-tables';

const HOUR_MS = 3_600_000;

/** A namespace's hour of event time, and the log position of the latest change to its usage. */
export interface ChangedHour {
  readonly namespace: string;
  readonly hour: Date;
  readonly last: LogPosition;
}

export interface ChangesRequest {
  readonly namespace: string;
  /** The meters whose usage counts (their event types). */
  readonly meterSlugs: readonly string[];
  /** The subjects whose usage counts (a customer's key and subject keys). */
  readonly subjects: readonly string[];
  readonly window: { readonly from: string; readonly to: string };
  /** The log position something was counted as of (what a document billed). */
  readonly after: LogPosition;
  /** Only these hours of the window need looking at (the others did not change): all when absent. */
  readonly hours?: readonly Date[];
}

export interface Changes {
  /** Usage events stored after the position (and not voided), and events counted then and voided since. */
  readonly count: number;
  /** When Tally accepted the first of them (an event's ingestion time, a void's time). */
  readonly firstAt?: Date;
}

/**
 * What changed in the usage after a log position — for whoever billed usage as of one (the invoice
 * issuer, finding late events and voids of issued periods). The hours come from `usage@v3`'s note of
 * the latest change to each hour; the exact changes from the raw usage and the voids.
 */
@Injectable()
export class UsageChanges {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  /** Every namespace's hours whose usage changed after `after`. */
  async hoursChangedAfter(after: LogPosition): Promise<ChangedHour[]> {
    await usageCaughtUp(this.projections);
    const rows = await this.db.query<
      { namespace: string; hour: Date; last_commit: string; last_prepare: string }[]
    >(
      `SELECT namespace, hour, last_commit, last_prepare FROM ${UsageTable.hours}
       WHERE (last_commit, last_prepare) > ($1::numeric, $2::numeric)
       ORDER BY namespace, hour`,
      [after.commit.toString(), after.prepare.toString()],
    );
    return rows.map((r) => ({
      namespace: r.namespace,
      hour: r.hour,
      last: { commit: BigInt(r.last_commit), prepare: BigInt(r.last_prepare) },
    }));
  }

  /** A namespace's hours of event time in `[from, to)` with any usage, and their latest change. */
  async hoursIn(
    namespace: string,
    range: { readonly from: Date; readonly to: Date },
  ): Promise<ChangedHour[]> {
    await usageCaughtUp(this.projections);
    const rows = await this.db.query<{ hour: Date; last_commit: string; last_prepare: string }[]>(
      `SELECT hour, last_commit, last_prepare FROM ${UsageTable.hours}
       WHERE namespace = $1 AND hour > $2::timestamptz - interval '1 hour' AND hour < $3 ORDER BY hour`,
      [namespace, range.from, range.to],
    );
    return rows.map((r) => ({
      namespace,
      hour: r.hour,
      last: { commit: BigInt(r.last_commit), prepare: BigInt(r.last_prepare) },
    }));
  }

  /** Exactly what changed in a window after a position; the caller has caught up with usage. */
  async changesAfter(request: ChangesRequest): Promise<Changes> {
    const from = Date.parse(request.window.from);
    const to = Date.parse(request.window.to);
    const ranges = (request.hours ?? [new Date(from)]).map((hour) =>
      request.hours
        ? { from: Math.max(from, hour.getTime()), to: Math.min(to, hour.getTime() + HOUR_MS) }
        : { from, to },
    );
    const scanned = ranges.filter((r) => r.from < r.to);
    if (scanned.length === 0 || request.subjects.length === 0 || request.meterSlugs.length === 0)
      return { count: 0 };
    const [row] = await this.db.query<{ count: string; first_at: Date | null }[]>(
      `WITH r AS (
         SELECT * FROM unnest($4::timestamptz[], $5::timestamptz[]) AS r(starts, ends)
       ), changed AS (
         SELECT CASE WHEN v.voided_at IS NULL THEN e.ingested_at ELSE v.voided_at END AS at
         FROM r
         JOIN ${UsageTable.events} e ON e.namespace = $1 AND e.time >= r.starts AND e.time < r.ends
         LEFT JOIN ${UsageTable.voids} v ON v.namespace = e.namespace AND v.source = e.source AND v.id = e.id
         WHERE e.type IN (SELECT event_type FROM ${UsageTable.meters}
                          WHERE namespace = $1 AND slug = ANY($2) AND deleted_at IS NULL)
           AND e.subject = ANY($3)
           AND CASE WHEN (e.position_commit, e.position_prepare) > ($6::numeric, $7::numeric)
                 THEN v.namespace IS NULL
                 ELSE (v.position_commit, v.position_prepare) > ($6::numeric, $7::numeric) END
       )
       SELECT count(*) AS count, min(at) AS first_at FROM changed`,
      [
        request.namespace,
        [...request.meterSlugs],
        [...request.subjects],
        scanned.map((r) => new Date(r.from).toISOString()),
        scanned.map((r) => new Date(r.to).toISOString()),
        request.after.commit.toString(),
        request.after.prepare.toString(),
      ],
    );
    const count = Number(row.count);
    return count === 0 ? { count } : { count, firstAt: row.first_at! };
  }
}
