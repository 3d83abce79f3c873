import type { MeterCreatedData, MeterDeletedData, MeterUpdatedData } from '../../catalog';
import { StatementPipeline } from '../../database/statement-pipeline';
import type { ProjectionTransaction } from '../../projections/projection';
import type { MeterDefinition } from '../measurement';
import { UsageAggregator } from '../usage-aggregator';
import { customersOf, subjectKey } from './subject-mirror';
import { ALL_SCOPES, BACKFILL_PAGE, forgetSets, writeAggregates, writeRollups } from './usage-writes';
import { factFromRow, notVoided, RawUsageRow, UsageTable } from './usage-tables';

/**
 * `usage@v3`'s own copy of the catalog's meters. A new meter is a projection over the log: when
 * `MeterCreated` is applied, the meter is filled from the raw usage already stored; an update that
 * changes what it measures empties and refills it; a delete empties it.
 */

export const METER_EVENTS = ['MeterCreated', 'MeterUpdated', 'MeterDeleted'] as const;
export type MeterEvent =
  | { readonly type: 'MeterCreated'; readonly data: MeterCreatedData }
  | { readonly type: 'MeterUpdated'; readonly data: MeterUpdatedData }
  | { readonly type: 'MeterDeleted'; readonly data: MeterDeletedData };

export async function applyMeterEvent(event: MeterEvent, tx: ProjectionTransaction): Promise<void> {
  const meters = tx.table(UsageTable.meters);
  switch (event.type) {
    case 'MeterCreated': {
      const created = await tx.query(
        `INSERT INTO ${meters} (id, namespace, slug, event_type, aggregation, value_property, group_by, event_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        meterParams(event.data),
      );
      if (created.length > 0) await backfill(meterFromEvent(event.data), tx);
      return;
    }
    case 'MeterUpdated': {
      // Only what changes the numbers matters here; names and descriptions are the catalog's.
      const changed = await tx.query(
        `UPDATE ${meters}
         SET namespace = $2, slug = $3, event_type = $4, aggregation = $5, value_property = $6, group_by = $7, event_from = $8
         WHERE id = $1 AND deleted_at IS NULL
           AND (namespace, slug, event_type, aggregation, value_property, group_by, event_from)
               IS DISTINCT FROM ($2, $3, $4, $5, $6, $7::jsonb, $8::timestamptz)
         RETURNING id`,
        meterParams(event.data),
      );
      if (changed.length > 0) {
        await forget(event.data.id, tx);
        await backfill(meterFromEvent(event.data), tx);
      }
      return;
    }
    case 'MeterDeleted': {
      const deleted = await tx.query(
        `UPDATE ${meters} SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
        [event.data.id, event.data.at],
      );
      if (deleted.length > 0) await forget(event.data.id, tx);
      return;
    }
  }
}

/** Counts, into a meter's (empty) aggregates, every stored event it measures. */
async function backfill(meter: MeterDefinition, tx: ProjectionTransaction): Promise<void> {
  let after = { source: '', id: '' };
  for (;;) {
    const rows = await tx.query<RawUsageRow>(
      `SELECT source, id, subject, time, event->'data' AS data, position_commit, position_prepare
       FROM ${tx.table(UsageTable.events)} e
       WHERE namespace = $1 AND type = $2 AND ($3::timestamptz IS NULL OR time >= $3) AND (source, id) > ($4, $5)
         AND ${notVoided('e', tx.table(UsageTable.voids))}
       ORDER BY source, id
       LIMIT ${BACKFILL_PAGE}`,
      [
        meter.namespace,
        meter.eventType,
        meter.eventFrom === undefined ? null : new Date(meter.eventFrom).toISOString(),
        after.source,
        after.id,
      ],
    );
    if (rows.length === 0) return;
    const aggregator = new UsageAggregator();
    const facts = rows.map(factFromRow);
    for (const fact of facts) aggregator.add(meter, fact);
    const owners = await customersOf(
      tx,
      facts.map((fact) => ({ namespace: meter.namespace, subject: fact.subject })),
    );
    const pipeline = new StatementPipeline();
    await writeAggregates(aggregator, tx, pipeline);
    await writeRollups(aggregator, (m) => owners.get(subjectKey(meter.namespace, m.subject)), tx, pipeline);
    await pipeline.settled();
    const last = rows[rows.length - 1];
    after = { source: last.source, id: last.id };
  }
}

async function forget(meterId: string, tx: ProjectionTransaction): Promise<void> {
  await forgetSets([meterId], ALL_SCOPES, tx);
  for (const table of [
    UsageTable.buckets,
    UsageTable.distinctValues,
    UsageTable.distinctCounts,
    UsageTable.unitTotals,
  ]) {
    await tx.query(`DELETE FROM ${tx.table(table)} WHERE meter_id = $1`, [meterId]);
  }
}

function meterFromEvent(data: MeterCreatedData | MeterUpdatedData): MeterDefinition {
  return {
    id: data.id,
    namespace: data.namespace,
    slug: data.slug,
    eventType: data.eventType,
    aggregation: data.aggregation,
    valueProperty: data.valueProperty,
    groupBy: data.groupBy,
    eventFrom: data.eventFrom === undefined ? undefined : Date.parse(data.eventFrom),
  };
}

function meterParams(data: MeterCreatedData | MeterUpdatedData): unknown[] {
  return [
    data.id,
    data.namespace,
    data.slug,
    data.eventType,
    data.aggregation,
    data.valueProperty ?? null,
    JSON.stringify(data.groupBy),
    data.eventFrom ?? null,
  ];
}
