import type { EntityManager } from 'typeorm';
import type { EventTypeFilter, RecordedEvent } from '../event-store/event-store.port';

/** What a projection may touch while applying a batch: one database transaction, shared with its checkpoint. */
export interface ProjectionTransaction {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  readonly manager: EntityManager;
  /** The physical name of one of the projection's tables (a shadow copy while it is rebuilt). */
  table(name: string): string;
  /**
   * Appends rows to `table` (a physical name) with `COPY … FROM STDIN`, in the transaction: about two
   * thirds of PostgreSQL's work for an INSERT of the same rows, but with no conflict handling — a row
   * that breaks a unique index fails the COPY (and, unless under a savepoint, the transaction).
   * The rows are taken once PostgreSQL asks for them, and sent as they come. Resolves to the rows written.
   */
  copyInto(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly (string | null)[]>,
  ): Promise<number>;
}

/**
 * A read model fed from the log. Named `<readModel>@v<N>`: changing its logic bumps N, and the new
 * name starts from position zero.
 */
export interface Projection {
  readonly name: string;
  /** Event types it applies (a list, or all but some); others only move its checkpoint. */
  readonly handles: readonly string[] | Extract<EventTypeFilter, { except: readonly string[] }>;
  /** The tables it owns, emptied when it is rebuilt. */
  readonly tables: readonly string[];
  /** Applies a batch, in log order. Must be idempotent only per batch: a batch is applied once or not at all. */
  apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void>;
}

export type ProjectionState = 'running' | 'rebuilding' | 'stopped' | 'failed';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: string;
  /** Events in the log after the checkpoint (capped), or null where the store cannot count them. */
  readonly lag: number | null;
  /** How long ago the oldest event it has not applied was written (0 when caught up), or null where unknown. */
  readonly lagSeconds: number | null;
  readonly state: ProjectionState;
  readonly lastError?: string;
}

export function versionOf(projectionName: string): number {
  const match = /@v(\d+)$/.exec(projectionName);
  return match ? Number(match[1]) : 1;
}
