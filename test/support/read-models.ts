import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Rows as they are compared where a table holds numbers given on first use (surrogate keys), which
 * differ between two histories with the same contents: such a number is replaced by what it stands for.
 */
const COMPARED_AS: Readonly<Record<string, (physical: (table: string) => string) => string>> = {
  usage_distinct_counts: (t) =>
    `SELECT meter_id, scope, unit, unit_start, values_seen, first_time, last_time FROM ${t('usage_distinct_counts')}`,
  usage_distinct_slot_values: (t) => `SELECT c.meter_id, c.scope, c.unit, c.unit_start, v.value
    FROM ${t('usage_distinct_slot_values')} v JOIN ${t('usage_distinct_counts')} c USING (slot)`,
};

/**
 * A table's rows as they are compared (see `COMPARED_AS`): all its columns unless it holds such
 * numbers. `physical` names the tables read (copies of them, say).
 */
export function comparedRows(table: string, physical: (table: string) => string = (t) => t): string {
  return COMPARED_AS[table]?.(physical) ?? `SELECT * FROM "${physical(table)}"`;
}

/**
 * Every read model, table by table: its row count and a digest of all its rows as JSON in a stable
 * order — equal digests mean equal contents, byte for byte, and a difference names its table.
 */
export async function readModels(db: DataSource): Promise<Record<string, { rows: number; sha256: string }>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT LIKE 'tally\\_%' AND table_name NOT LIKE '%\\_\\_rebuild' AND table_name <> 'migrations'
     ORDER BY 1`,
  );
  const dump: Record<string, { rows: number; sha256: string }> = {};
  for (const { name } of tables) {
    const [{ rows, text }] = await db.query(
      `SELECT count(*)::int AS rows, coalesce(jsonb_agg(r ORDER BY r::text), '[]')::text AS text
       FROM (SELECT to_jsonb(t) AS r FROM (${comparedRows(name)}) t) s`,
    );
    dump[name] = { rows, sha256: createHash('sha256').update(text).digest('hex') };
  }
  return dump;
}
