import type { Pool } from 'pg';
import { EsdbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';

export interface EventStoreConfig {
  /** `EVENTSTORE_URL`: when set, the log lives in EventStoreDB; otherwise in the read models' PostgreSQL. */
  readonly eventStoreUrl?: string;
  readonly pool: Pool;
}

export function createEventStore(config: EventStoreConfig): EventStore {
  return config.eventStoreUrl
    ? new EsdbEventStore(config.eventStoreUrl)
    : new PostgresEventStore(config.pool);
}
