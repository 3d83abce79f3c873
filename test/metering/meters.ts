import { ulid } from 'ulid';
import type { Meter, MeterAggregation } from '../../src/catalog/meters/meter.decider';
import { ExpectedVersion } from '../../src/event-store/event-store.port';
import { streamName, StreamCategory } from '../../src/event-store/stream-names';
import type { TestApp } from '../support/test-app';

export interface MeterSpec {
  readonly slug: string;
  readonly eventType: string;
  readonly aggregation: MeterAggregation;
  readonly valueProperty?: string;
  readonly groupBy?: Record<string, string>;
  readonly eventFrom?: string;
}

/**
 * Meters enter metering only through the catalog's events; these append them to the log as the
 * catalog's handlers do, so the specs do not depend on the catalog's HTTP routes.
 */
export async function createMeter(app: TestApp, spec: MeterSpec): Promise<Meter> {
  const meter: Meter = {
    id: ulid(),
    namespace: 'default',
    name: spec.slug,
    slug: spec.slug,
    eventType: spec.eventType,
    aggregation: spec.aggregation,
    ...(spec.valueProperty === undefined ? {} : { valueProperty: spec.valueProperty }),
    groupBy: spec.groupBy ?? {},
    ...(spec.eventFrom === undefined ? {} : { eventFrom: spec.eventFrom }),
    metadata: {},
  };
  await appendMeterEvent(
    app,
    meter.id,
    'MeterCreated',
    { ...meter, at: new Date().toISOString() },
    ExpectedVersion.noStream,
  );
  return meter;
}

export async function updateMeter(app: TestApp, meter: Meter): Promise<void> {
  await appendMeterEvent(
    app,
    meter.id,
    'MeterUpdated',
    { ...meter, at: new Date().toISOString() },
    ExpectedVersion.streamExists,
  );
}

export async function deleteMeter(app: TestApp, meter: Meter): Promise<void> {
  await appendMeterEvent(
    app,
    meter.id,
    'MeterDeleted',
    { id: meter.id, namespace: meter.namespace, slug: meter.slug, at: new Date().toISOString() },
    ExpectedVersion.streamExists,
  );
}

async function appendMeterEvent(
  app: TestApp,
  id: string,
  type: string,
  data: unknown,
  expected: ExpectedVersion,
): Promise<void> {
  await app.tally.eventStore.append(
    streamName(StreamCategory.meter, id),
    [{ type, data, metadata: { namespace: 'default', correlationId: ulid() } }],
    expected,
  );
}

/** A customer claiming subject keys, through the customers context's route; returns its id. */
export async function createCustomer(
  app: TestApp,
  key: string,
  subjectKeys: readonly string[],
): Promise<string> {
  const answer = await app.request('POST', '/api/v1/customers', {
    body: { name: key, key, usageAttribution: { subjectKeys } },
  });
  if (answer.status !== 201) throw new Error(`could not create customer ${key}: ${answer.text}`);
  return answer.body.id;
}

export async function usageEventCount(app: TestApp): Promise<number> {
  const [{ n }] = await app.db.dataSource.query(
    `SELECT count(*)::int AS n FROM tally_events WHERE type = 'UsageRecorded'`,
  );
  return n;
}
