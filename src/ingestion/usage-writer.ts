import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { TallyConfig } from '../config/config';
import { TALLY_CONFIG } from '../config/config.module';
import { ProjectionsService } from '../projections/projections.service';
import { EVENT_STORE, EventStore, UsageIntake, UsageRecord } from '../event-store/event-store.port';
import { usageStream } from '../event-store/stream-names';
import { Metrics } from '../telemetry/metrics';
import { traced } from '../telemetry/tracing';
import { GroupCommit } from './group-commit';

/**
 * Makes usage durable. A batch request is one `recordUsage` call, so one transaction; single-event
 * requests are group-committed per namespace (all usage of a namespace is one stream). Either way
 * the caller's promise resolves only after the commit, so nothing is acknowledged before it is durable.
 *
 * Where exactly-once is enforced depends on the adapter. PostgreSQL: the log's unique index on the
 * dedup key, in the very insert that stores the event, so a failed write leaves no claim. EventStoreDB
 * (`deduplicatesUsage` false): the log may hold a key twice, and the usage projection counts it once,
 * by the primary key (namespace, source, id) of its raw usage table, in the same transaction as the
 * aggregates and its checkpoint.
 */
@Injectable()
export class UsageWriter implements BeforeApplicationShutdown {
  private readonly singles: GroupCommit<UsageRecord>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    @Inject(TALLY_CONFIG) config: TallyConfig,
    private readonly metrics: Metrics,
  ) {
    // One commit at a time: whatever arrives meanwhile forms the next group. Groups grow with the load,
    // and PostgreSQL's cost per event falls with them, at a latency still well inside a request's
    // (BENCHMARKS.md, "Figures behind the code").
    this.singles = new GroupCommit((namespace, records) => this.write(namespace, records), {
      maxInFlight: 1,
      maxGroupSize: config.maxBatchEvents,
      onCommit: (events, waitedMs) => metrics.groupCommitted(events, waitedMs / 1000),
    });
  }

  recordOne(namespace: string, record: UsageRecord): Promise<void> {
    this.metrics.ingestionRequest(1);
    return traced('ingestion.record', { 'tally.namespace': namespace, 'tally.events': 1 }, () =>
      this.singles.submit(namespace, record),
    );
  }

  recordBatch(namespace: string, records: readonly UsageRecord[]): Promise<void> {
    this.metrics.ingestionRequest(records.length);
    return traced('ingestion.record', { 'tally.namespace': namespace, 'tally.events': records.length }, () =>
      this.write(namespace, records),
    );
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.singles.idle();
  }

  private async write(namespace: string, records: readonly UsageRecord[]): Promise<void> {
    const { storedKeys } = await this.store.recordUsage(
      usageStream(namespace),
      firstOfEachKey(records),
      acceptedIntake(records),
    );
    this.metrics.usageWritten(namespace, records.length, storedKeys.size);
    this.projections.nudge();
  }
}

/**
 * Repeats of a key (a client retrying into the same group, or duplicates inside a batch) are dropped
 * before the write: the first occurrence is the one stored, whichever adapter is in use.
 */
function firstOfEachKey(records: readonly UsageRecord[]): readonly UsageRecord[] {
  const seen = new Set<string>();
  const unique: UsageRecord[] = [];
  for (const record of records) {
    if (seen.has(record.dedupKey)) continue;
    seen.add(record.dedupKey);
    unique.push(record);
  }
  return unique.length === records.length ? records : unique;
}

/** Reconciliation counts every record as accepted, the repeats `firstOfEachKey` drops included. */
function acceptedIntake(records: readonly UsageRecord[]): UsageIntake {
  return { acceptedAt: records.flatMap((r) => (r.occurredAt ? [r.occurredAt] : [])) };
}
