import { comparePositions, type LogPosition } from '../../event-store/event-store.port';
import type { ProjectionTransaction } from '../../projections/projection';
import { UsageTable } from './usage-tables';

const HOUR_MS = 3_600_000;

/**
 * `usage@v3`'s note, per namespace and UTC hour of event time, of the latest log position that
 * changed that hour's usage: an event stored, or voided. Whoever billed an hour as of some position
 * learns whether anything changed there since from one row, not from the usage itself. Kept only at
 * the hour's grain, so it costs the intake one small upsert per run.
 */
export class HourChanges {
  private readonly latest = new Map<string, { namespace: string; hourMs: number; position: LogPosition }>();

  add(namespace: string, timeMs: number, position: LogPosition): void {
    const hourMs = Math.floor(timeMs / HOUR_MS) * HOUR_MS;
    const key = `${namespace}\u0000${hourMs}`;
    const known = this.latest.get(key);
    if (!known || comparePositions(position, known.position) > 0)
      this.latest.set(key, { namespace, hourMs, position });
  }

  async write(tx: ProjectionTransaction): Promise<void> {
    if (this.latest.size === 0) return;
    const rows = [...this.latest.values()];
    const hours = tx.table(UsageTable.hours);
    // Positions only move forward, so a change delivered again finds its position there already.
    await tx.query(
      `INSERT INTO ${hours} AS h (namespace, hour, last_commit, last_prepare)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::numeric[], $4::numeric[])
       ON CONFLICT (namespace, hour) DO UPDATE SET last_commit = excluded.last_commit, last_prepare = excluded.last_prepare
       WHERE (excluded.last_commit, excluded.last_prepare) > (h.last_commit, h.last_prepare)`,
      [
        rows.map((r) => r.namespace),
        rows.map((r) => new Date(r.hourMs).toISOString()),
        rows.map((r) => r.position.commit.toString()),
        rows.map((r) => r.position.prepare.toString()),
      ],
    );
  }
}
