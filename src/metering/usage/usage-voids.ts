import { StatementPipeline } from '../../database/statement-pipeline';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { UsageVoidedData } from '../../ingestion';
import type { ProjectionTransaction } from '../../projections/projection';
import { CounterUnit, METER_SCOPE, unitEnd, unitStart } from './distinct-counters';
import { customersOf, subjectKey } from './subject-mirror';
import { HourChanges } from './usage-hours';
import {
  factFromRow,
  meterFromRow,
  MeterRow,
  METER_COLUMNS,
  notVoided,
  RawUsageRow,
  UsageTable,
} from './usage-tables';
import { aggregate, writeAggregates } from './usage-writes';
import type { MeterDefinition } from '../measurement';

/**
 * `usage@v3`'s voids. A voided event stays in the raw table and is recorded in the void table; every
 * read of raw usage leaves it out from then on. Its aggregates cannot be decremented — a minimum, a
 * maximum, a latest value or a distinct user does not know what it was before — so they are
 * recomputed: the minute buckets and distinct values it fell in, from the raw events left; then the
 * per-unit totals above them, each from the level below (hour from minutes, day from hours, …);
 * and for UNIQUE_COUNT, each value the minute lost leaves a unit's set only once no part of the unit
 * has it any more. A unit's first and last event times are left as they were: wider bounds only
 * send a query to the scan, and replaying the log redoes the same steps in the same order.
 */

const MINUTE_MS = 60_000;
/** The per-unit levels of the whole meter, finest first; a customer's are only month and all time. */
const METER_LEVELS: readonly CounterUnit[] = ['hour', 'day', 'month', 'all'];
const CUSTOMER_LEVELS: readonly CounterUnit[] = ['month', 'all'];
/** The level each unit is rebuilt from, for the whole meter's units above the hour. */
const BELOW: Partial<Record<CounterUnit, CounterUnit>> = { day: 'hour', month: 'day', all: 'month' };

interface VoidedUsage extends RawUsageRow {
  namespace: string;
  type: string;
  void_commit: string;
  void_prepare: string;
}

/** One unit of one meter's scope: the key of a per-unit total or distinct set. */
interface Unit {
  readonly namespace: string;
  readonly meterId: string;
  readonly scope: string;
  readonly unit: CounterUnit;
  readonly start: number;
}

export async function applyVoids(run: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
  const voids = run.map((recorded) => ({
    ...(recorded.data as UsageVoidedData),
    position: recorded.position,
  }));
  // A void delivered again (or an event voided twice) finds its row and changes nothing.
  const recorded = await tx.query<{ namespace: string; source: string; id: string }>(
    `INSERT INTO ${tx.table(UsageTable.voids)}
       (namespace, source, id, reason, actor_id, actor_name, voided_at, position_commit, position_prepare)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::timestamptz[], $8::numeric[], $9::numeric[])
     ON CONFLICT DO NOTHING
     RETURNING namespace, source, id`,
    [
      voids.map((v) => v.namespace),
      voids.map((v) => v.source),
      voids.map((v) => v.id),
      voids.map((v) => v.reason),
      voids.map((v) => v.actor.id),
      voids.map((v) => v.actor.name),
      voids.map((v) => v.voidedAt),
      voids.map((v) => v.position.commit.toString()),
      voids.map((v) => v.position.prepare.toString()),
    ],
  );
  if (recorded.length === 0) return;
  const voided = await tx.query<VoidedUsage>(
    `SELECT e.namespace, e.source, e.id, e.type, e.subject, e.time, e.event->'data' AS data,
            e.position_commit, e.position_prepare, v.position_commit AS void_commit, v.position_prepare AS void_prepare
     FROM unnest($1::text[], $2::text[], $3::text[]) AS k(namespace, source, id)
     JOIN ${tx.table(UsageTable.events)} e USING (namespace, source, id)
     JOIN ${tx.table(UsageTable.voids)} v USING (namespace, source, id)`,
    [recorded.map((r) => r.namespace), recorded.map((r) => r.source), recorded.map((r) => r.id)],
  );
  const hours = new HourChanges();
  for (const usage of voided) {
    hours.add(usage.namespace, usage.time.getTime(), {
      commit: BigInt(usage.void_commit),
      prepare: BigInt(usage.void_prepare),
    });
  }
  await hours.write(tx);
  await recount(voided, tx);
}

/** Recomputes every aggregate the voided events had been counted in. */
async function recount(voided: readonly VoidedUsage[], tx: ProjectionTransaction): Promise<void> {
  if (voided.length === 0) return;
  const meters = (
    await tx.query<MeterRow>(
      `SELECT ${METER_COLUMNS} FROM ${tx.table(UsageTable.meters)}
       WHERE deleted_at IS NULL AND namespace = ANY($1) AND event_type = ANY($2)`,
      [[...new Set(voided.map((u) => u.namespace))], [...new Set(voided.map((u) => u.type))]],
    )
  ).map(meterFromRow);
  if (meters.length === 0) return;
  const metersOf = (namespace: string, type: string) =>
    meters.filter((m) => m.namespace === namespace && m.eventType === type);

  // The minutes the voided events fell in, for every meter of their type.
  const minutes = new Map<string, { namespace: string; type: string; subject: string; minuteMs: number }>();
  for (const usage of voided) {
    const minuteMs = Math.floor(usage.time.getTime() / MINUTE_MS) * MINUTE_MS;
    minutes.set(JSON.stringify([usage.namespace, usage.type, usage.subject, minuteMs]), {
      namespace: usage.namespace,
      type: usage.type,
      subject: usage.subject,
      minuteMs,
    });
  }
  const touched = [...minutes.values()].flatMap((minute) =>
    metersOf(minute.namespace, minute.type).map((meter) => ({ ...minute, meter })),
  );
  if (touched.length === 0) return;
  const owners = await customersOf(tx, touched);

  const lost = await recountMinutes(touched, tx);

  const totals = new Set<string>();
  const sets: { unit: Unit; value: string }[] = [];
  for (const { meter, namespace, subject, minuteMs } of touched) {
    const owner = owners.get(subjectKey(namespace, subject));
    const units = unitsOf(meter, owner, minuteMs);
    if (meter.aggregation !== 'UNIQUE_COUNT') {
      for (const unit of units) totals.add(JSON.stringify(unit));
      continue;
    }
    for (const value of lost.get(JSON.stringify([meter.id, subject, minuteMs])) ?? [])
      for (const unit of units.filter(
        (u) => u.unit === 'hour' || (u.scope !== METER_SCOPE && u.unit === 'month'),
      ))
        sets.push({ unit, value });
  }
  const totalUnits = [...totals].map((text) => JSON.parse(text) as Unit);
  for (const scope of ['meter', 'customer'] as const) {
    for (const level of scope === 'meter' ? METER_LEVELS : CUSTOMER_LEVELS) {
      const units = totalUnits.filter(
        (u) => u.unit === level && (u.scope === METER_SCOPE) === (scope === 'meter'),
      );
      if (units.length > 0) await recomputeTotals(units, tx);
    }
  }
  await forgetLostValues(sets, tx);
}

/**
 * Recounts whole minutes of whole subjects from the raw events left, for the meters given with them,
 * and says which distinct values each (meter, subject, minute) lost.
 */
async function recountMinutes(
  touched: readonly {
    meter: MeterDefinition;
    namespace: string;
    type: string;
    subject: string;
    minuteMs: number;
  }[],
  tx: ProjectionTransaction,
): Promise<Map<string, Set<string>>> {
  const keys = [
    touched.map((t) => t.meter.id),
    touched.map((t) => t.subject),
    touched.map((t) => new Date(t.minuteMs).toISOString()),
  ];
  await tx.query(
    `DELETE FROM ${tx.table(UsageTable.buckets)} b USING unnest($1::text[], $2::text[], $3::timestamptz[]) AS k(meter_id, subject, minute)
     WHERE b.meter_id = k.meter_id AND b.subject = k.subject AND b.minute = k.minute`,
    keys,
  );
  // As a SELECT of the deleted rows: TypeORM answers a bare DELETE with [rows, count].
  const before = await tx.query<{ meter_id: string; subject: string; minute: Date; value: string }>(
    `WITH deleted AS (
       DELETE FROM ${tx.table(UsageTable.distinctValues)} d USING unnest($1::text[], $2::text[], $3::timestamptz[]) AS k(meter_id, subject, minute)
       WHERE d.meter_id = k.meter_id AND d.subject = k.subject AND d.minute = k.minute
       RETURNING d.meter_id, d.subject, d.minute, d.value)
     SELECT * FROM deleted`,
    keys,
  );
  const minutes = new Map<string, (typeof touched)[number]>();
  for (const t of touched) minutes.set(JSON.stringify([t.namespace, t.type, t.subject, t.minuteMs]), t);
  const distinctMinutes = [...minutes.values()];
  const rows = await tx.query<RawUsageRow & { namespace: string; type: string }>(
    `SELECT e.namespace, e.type, e.source, e.id, e.subject, e.time, e.event->'data' AS data,
            e.position_commit, e.position_prepare
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS k(namespace, type, subject, minute)
     JOIN ${tx.table(UsageTable.events)} e ON e.namespace = k.namespace AND e.type = k.type AND e.subject = k.subject
       AND e.time >= k.minute AND e.time < k.minute + interval '1 minute'
     WHERE ${notVoided('e', tx.table(UsageTable.voids))}`,
    [
      distinctMinutes.map((m) => m.namespace),
      distinctMinutes.map((m) => m.type),
      distinctMinutes.map((m) => m.subject),
      distinctMinutes.map((m) => new Date(m.minuteMs).toISOString()),
    ],
  );
  const meters = [...new Map(touched.map((t) => [t.meter.id, t.meter])).values()];
  const aggregator = aggregate(
    rows.map((row) => ({ ...factFromRow(row), namespace: row.namespace, type: row.type })),
    meters,
  );
  const pipeline = new StatementPipeline();
  await writeAggregates(aggregator, tx, pipeline);
  await pipeline.settled();

  const kept = new Set(
    aggregator.distinctValues.map((d) => JSON.stringify([d.meterId, d.subject, d.minuteMs, d.value])),
  );
  const lost = new Map<string, Set<string>>();
  for (const row of before) {
    const minuteMs = row.minute.getTime();
    if (kept.has(JSON.stringify([row.meter_id, row.subject, minuteMs, row.value]))) continue;
    const key = JSON.stringify([row.meter_id, row.subject, minuteMs]);
    lost.set(key, (lost.get(key) ?? new Set()).add(row.value));
  }
  return lost;
}

/** The per-unit rows holding a minute: the whole meter's hour, day, month and all time; its customer's month and all time. */
function unitsOf(meter: MeterDefinition, customer: string | undefined, minuteMs: number): Unit[] {
  const unit = (scope: string, level: CounterUnit): Unit => ({
    namespace: meter.namespace,
    meterId: meter.id,
    scope,
    unit: level,
    start: unitStart(level, minuteMs),
  });
  return [
    ...METER_LEVELS.map((level) => unit(METER_SCOPE, level)),
    ...(customer === undefined ? [] : CUSTOMER_LEVELS.map((level) => unit(customer, level))),
  ];
}

/** `'infinity'` for all time, whose unit never ends. */
function endOf(unit: Unit): string {
  const end = unitEnd(unit.unit, unit.start);
  return Number.isFinite(end) ? new Date(end).toISOString() : 'infinity';
}

/**
 * Rebuilds the unit totals of `units` (all of one level and kind of scope) from the level below:
 * an hour (or a customer's month) from the minute buckets, a longer unit from the totals of the
 * unit below it. A group left with nothing is deleted; the others keep their first and last times.
 */
async function recomputeTotals(units: readonly Unit[], tx: ProjectionTransaction): Promise<void> {
  const level = units[0].unit;
  const customer = units[0].scope !== METER_SCOPE;
  const totals = tx.table(UsageTable.unitTotals);
  const fromBuckets = level === 'hour' || (customer && level === 'month');
  const children = fromBuckets
    ? `SELECT k.meter_id, k.scope, k.unit_start, b.group_key, b.count, b.sum, b.min, b.max,
              b.latest_value, b.latest_time, b.latest_commit, b.latest_prepare
       FROM k ${
         customer
           ? `JOIN ${tx.table(UsageTable.customerSubjects)} cs ON cs.namespace = k.namespace AND cs.customer_id = k.scope
              JOIN ${tx.table(UsageTable.buckets)} b ON b.meter_id = k.meter_id AND b.subject = cs.subject_key`
           : `JOIN ${tx.table(UsageTable.buckets)} b ON b.meter_id = k.meter_id`
       }
         AND b.minute >= k.unit_start AND b.minute < k.unit_end`
    : `SELECT k.meter_id, k.scope, k.unit_start, c.group_key, c.count, c.sum, c.min, c.max,
              c.latest_value, c.latest_time, c.latest_commit, c.latest_prepare
       FROM k JOIN ${totals} c ON c.meter_id = k.meter_id AND c.scope = k.scope AND c.unit = '${customer ? 'month' : BELOW[level]}'
         AND c.unit_start >= k.unit_start AND c.unit_start < k.unit_end`;
  await tx.query(
    `WITH k AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
         AS k(namespace, meter_id, scope, unit_start, unit_end)
     ), children AS MATERIALIZED (${children}
     ), fresh AS (
       SELECT meter_id, scope, unit_start, group_key, sum(count) AS count, trim_scale(sum(sum)) AS sum,
              min(min) AS min, max(max) AS max
       FROM children GROUP BY 1, 2, 3, 4
     ), latest AS (
       SELECT DISTINCT ON (meter_id, scope, unit_start, group_key)
              meter_id, scope, unit_start, group_key, latest_value, latest_time, latest_commit, latest_prepare
       FROM children WHERE latest_time IS NOT NULL
       ORDER BY meter_id, scope, unit_start, group_key, latest_time DESC, latest_commit DESC, latest_prepare DESC
     ), emptied AS (
       DELETE FROM ${totals} t USING k
       WHERE t.meter_id = k.meter_id AND t.scope = k.scope AND t.unit = $6 AND t.unit_start = k.unit_start
         AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.meter_id = t.meter_id AND f.scope = t.scope
                           AND f.unit_start = t.unit_start AND f.group_key = t.group_key)
     )
     UPDATE ${totals} t SET count = f.count, sum = f.sum, min = f.min, max = f.max,
       latest_value = l.latest_value, latest_time = l.latest_time, latest_commit = l.latest_commit,
       latest_prepare = l.latest_prepare
     FROM fresh f LEFT JOIN latest l USING (meter_id, scope, unit_start, group_key)
     WHERE t.meter_id = f.meter_id AND t.scope = f.scope AND t.unit = $6 AND t.unit_start = f.unit_start
       AND t.group_key = f.group_key`,
    [
      units.map((u) => u.namespace),
      units.map((u) => u.meterId),
      units.map((u) => u.scope),
      units.map((u) => new Date(u.start).toISOString()),
      units.map(endOf),
      level,
    ],
  );
}

/**
 * Takes each value a minute lost out of the distinct sets holding that minute, level by level, as
 * long as no other part of the set's unit still has it: the whole meter's hour (from its minutes),
 * then its day, month and all time; a customer's month (from the minutes of its subjects), then its
 * all time. A counter drops by the values its set lost.
 */
async function forgetLostValues(
  candidates: readonly { unit: Unit; value: string }[],
  tx: ProjectionTransaction,
): Promise<void> {
  await climb(dedupe(candidates.filter((c) => c.unit.scope === METER_SCOPE)), METER_LEVELS, tx);
  await climb(dedupe(candidates.filter((c) => c.unit.scope !== METER_SCOPE)), CUSTOMER_LEVELS, tx);
}

/** One kind of scope's climb: `level` holds candidates of one unit, the finest of `levels`. */
async function climb(
  level: readonly { unit: Unit; value: string }[],
  levels: readonly CounterUnit[],
  tx: ProjectionTransaction,
): Promise<void> {
  const counts = tx.table(UsageTable.distinctCounts);
  const setValues = tx.table(UsageTable.distinctSlotValues);
  while (level.length > 0) {
    const kind = level[0].unit.unit;
    const customer = level[0].unit.scope !== METER_SCOPE;
    // Still somewhere in the unit: in a minute of it (of the customer's subjects), or in a set below it.
    const stillThere =
      kind === levels[0]
        ? `SELECT 1 FROM ${
            customer
              ? `${tx.table(UsageTable.customerSubjects)} cs JOIN ${tx.table(UsageTable.distinctValues)} d
                   ON d.subject = cs.subject_key WHERE cs.namespace = g.namespace AND cs.customer_id = g.scope AND`
              : `${tx.table(UsageTable.distinctValues)} d WHERE`
          } d.meter_id = g.meter_id AND d.minute >= g.unit_start AND d.minute < g.unit_end AND d.value = g.value`
        : `SELECT 1 FROM ${counts} c JOIN ${setValues} sv ON sv.slot = c.slot
           WHERE c.meter_id = g.meter_id AND c.scope = g.scope AND c.unit = '${levels[levels.indexOf(kind) - 1]}'
             AND c.unit_start >= g.unit_start AND c.unit_start < g.unit_end AND sv.value = g.value`;
    const gone = await tx.query<{ index: string }>(
      `SELECT g.n - 1 AS index
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[])
         WITH ORDINALITY AS g(namespace, meter_id, scope, unit_start, unit_end, value, n)
       WHERE NOT EXISTS (${stillThere})`,
      [
        level.map((c) => c.unit.namespace),
        level.map((c) => c.unit.meterId),
        level.map((c) => c.unit.scope),
        level.map((c) => new Date(c.unit.start).toISOString()),
        level.map((c) => endOf(c.unit)),
        level.map((c) => c.value),
      ],
    );
    const lost = gone.map((row) => level[Number(row.index)]);
    if (lost.length > 0) {
      const emptied = await tx.query<{ slot: string }>(
        `WITH g AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])
             AS g(meter_id, scope, unit_start, value)
         ), removed AS (
           DELETE FROM ${setValues} sv USING ${counts} c, g
           WHERE c.meter_id = g.meter_id AND c.scope = g.scope AND c.unit = $5 AND c.unit_start = g.unit_start
             AND sv.slot = c.slot AND sv.value = g.value
           RETURNING sv.slot
         ), counted AS (
           UPDATE ${counts} c SET values_seen = c.values_seen - r.lost
           FROM (SELECT slot, count(*) AS lost FROM removed GROUP BY slot) r WHERE c.slot = r.slot
           RETURNING c.slot, c.values_seen
         )
         SELECT slot FROM counted WHERE values_seen = 0`,
        [
          lost.map((c) => c.unit.meterId),
          lost.map((c) => c.unit.scope),
          lost.map((c) => new Date(c.unit.start).toISOString()),
          lost.map((c) => c.value),
          kind,
        ],
      );
      // A unit left with no value has no usage: its counter goes, as if it had never been counted.
      if (emptied.length > 0)
        await tx.query(`DELETE FROM ${counts} WHERE slot = ANY($1::bigint[])`, [emptied.map((e) => e.slot)]);
    }
    const next = levels[levels.indexOf(kind) + 1];
    level = next
      ? dedupe(
          lost.map(({ unit, value }) => ({
            unit: { ...unit, unit: next, start: unitStart(next, unit.start) },
            value,
          })),
        )
      : [];
  }
}

function dedupe(candidates: readonly { unit: Unit; value: string }[]): { unit: Unit; value: string }[] {
  return [...new Map(candidates.map((c) => [JSON.stringify([c.unit, c.value]), c])).values()];
}
