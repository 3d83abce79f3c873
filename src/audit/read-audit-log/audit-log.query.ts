import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { StreamCategory } from '../../event-store/stream-names';
import { notFound } from '../../shared/errors';
import { AUDIT_LOG_PROJECTION } from '../audit-log/audit-log.projection';

export interface AuditFilter {
  readonly namespace: string;
  readonly stream?: string;
  readonly entityType?: string;
  readonly entityId?: string;
  readonly type?: string;
  readonly from?: string;
  readonly to?: string;
  readonly afterPosition?: string;
  readonly actor?: string;
  readonly correlationId?: string;
  readonly limit?: number;
}

export interface AuditEntry {
  readonly position: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly entityType: string;
  readonly entityId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: {
    readonly actor?: { readonly id: string; readonly name: string };
    readonly correlationId?: string;
    readonly causationId?: string;
  };
  readonly recordedAt: string;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  /** Pass as `afterPosition` for the next page; absent on the last page. */
  readonly nextAfterPosition?: string;
}

interface AuditRow {
  position_commit: string;
  position_prepare: string;
  stream_id: string;
  stream_version: string;
  entity_type: string;
  entity_id: string;
  type: string;
  data: unknown;
  actor_id: string | null;
  actor_name: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  recorded_at: Date;
}

/** The natural key each entity's events carry, so history can be asked for by key as well as by id. */
const NATURAL_KEY: Partial<Record<string, string>> = {
  [StreamCategory.meter]: 'slug',
  [StreamCategory.feature]: 'key',
  [StreamCategory.plan]: 'key',
  [StreamCategory.customer]: 'key',
};

@Injectable()
export class AuditLogQuery {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async read(filter: AuditFilter): Promise<AuditPage> {
    await this.projections.readYourWrites([AUDIT_LOG_PROJECTION]);
    const conditions = ['namespace = $1'];
    const params: unknown[] = [filter.namespace];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.stream) where('stream_id = ?', filter.stream);
    if (filter.entityType) where('entity_type = ?', filter.entityType);
    if (filter.entityId) where('entity_id = ?', filter.entityId);
    if (filter.type) where('type = ?', filter.type);
    if (filter.from) where('recorded_at >= ?', filter.from);
    if (filter.to) where('recorded_at < ?', filter.to);
    if (filter.actor) where('actor_id = ?', filter.actor);
    if (filter.correlationId) where('correlation_id = ?', filter.correlationId);
    if (filter.afterPosition) {
      const [commit, prepare] = filter.afterPosition.split('/');
      params.push(commit, prepare);
      conditions.push(
        `(position_commit, position_prepare) > ($${params.length - 1}::numeric, $${params.length}::numeric)`,
      );
    }
    const limit = filter.limit ?? 100;
    params.push(limit + 1);
    const rows = await this.db.query<AuditRow[]>(
      `SELECT * FROM audit_log WHERE ${conditions.join(' AND ')}
       ORDER BY position_commit, position_prepare LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(toEntry);
    return rows.length > limit ? { items, nextAfterPosition: items[items.length - 1].position } : { items };
  }

  /** One entity's events, found by id or (for meters, features, plans, customers) by key. */
  async history(namespace: string, entityType: string, idOrKey: string, limit = 1000): Promise<AuditPage> {
    await this.projections.readYourWrites([AUDIT_LOG_PROJECTION]);
    const key = NATURAL_KEY[entityType];
    const streams = await this.db.query<{ stream_id: string }[]>(
      `SELECT DISTINCT stream_id FROM audit_log
       WHERE namespace = $1 AND entity_type = $2 AND (entity_id = $3 ${key ? `OR data->>'${key}' = $3` : ''})`,
      [namespace, entityType, idOrKey],
    );
    if (streams.length === 0) throw notFound('AUDIT.ENTITY_NOT_FOUND', `no ${entityType} ${idOrKey}`);
    const rows = await this.db.query<AuditRow[]>(
      `SELECT * FROM audit_log WHERE namespace = $1 AND stream_id = ANY($2)
       ORDER BY position_commit, position_prepare LIMIT $3`,
      [namespace, streams.map((s) => s.stream_id), limit],
    );
    return { items: rows.map(toEntry) };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    position: `${row.position_commit}/${row.position_prepare}`,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    entityType: row.entity_type,
    entityId: row.entity_id,
    type: row.type,
    data: row.data,
    metadata: {
      ...(row.actor_id ? { actor: { id: row.actor_id, name: row.actor_name ?? '' } } : {}),
      ...(row.correlation_id ? { correlationId: row.correlation_id } : {}),
      ...(row.causation_id ? { causationId: row.causation_id } : {}),
    },
    recordedAt: row.recorded_at.toISOString(),
  };
}
