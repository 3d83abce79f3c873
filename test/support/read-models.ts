import type { DataSource } from 'typeorm';

/** Every read model, as text: each table's rows as JSON, in a stable order. */
export async function readModels(db: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT LIKE 'tally\\_%' AND table_name NOT LIKE '%\\_\\_rebuild' AND table_name <> 'migrations'
     ORDER BY 1`,
  );
  const dump: Record<string, string> = {};
  for (const { name } of tables) {
    const [{ rows }] = await db.query(`SELECT coalesce(jsonb_agg(r ORDER BY r::text), '[]')::text AS rows FROM (SELECT to_jsonb(t) AS r FROM "${name}" t) s`);
    dump[name] = rows;
  }
  return dump;
}

