import { createHash } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from './data-source';

const names = new Map<string, string>();

/**
 * Rows of a read on a request's hot path, as a named prepared statement on the pg pool: each
 * connection parses it once, and PostgreSQL keeps its plan (a generic one once it costs no more than
 * planning each call), where `DataSource.query` parses and plans every call. The name is the text's
 * digest, so one name never stands for two texts; for a fixed set of texts only (each connection
 * keeps every one it has prepared). A statement whose tables are swapped by a rebuild
 * is planned again by PostgreSQL. See BENCHMARKS.md, "Entitlement value".
 */
export async function preparedRows<Row extends QueryResultRow>(
  db: DataSource,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  let name = names.get(text);
  if (name === undefined) {
    name = `tally_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    names.set(text, name);
  }
  const { rows } = await poolOf(db).query<Row>({ name, text, values: [...values] });
  return rows;
}
