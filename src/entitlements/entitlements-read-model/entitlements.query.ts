import type { DataSource } from 'typeorm';
import { preparedRows } from '../../database/prepared-query';
import { checkpointsColumn, StatementCheckpoints } from '../../projections/checkpoints-in-statement';
import type { EntitlementData, EntitlementType, GrantData } from '../entitlement.decider';
import type { ProvidedEntitlement } from '../from-subscriptions/provided-entitlements';
import { EntitlementTable as T } from './entitlements.projection';

/**
 * Reads of `entitlements@v1`, for callers that have caught it up (`readYourWrites`). Plain
 * functions over a DataSource, shared by the queries and the command handlers that resolve what a
 * request names.
 */

export interface CustomerRecord {
  readonly id: string;
  readonly key?: string;
  readonly subjectKeys: readonly string[];
  readonly deleted: boolean;
}

export interface FeatureRecord {
  readonly id: string;
  readonly key: string;
  readonly meterSlug?: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly archived: boolean;
}

export interface ResetRecord {
  readonly at: string;
  readonly retainAnchor: boolean;
  readonly preserveOverage: boolean;
}

/** An entitlement as stored: created through the API (`EntitlementData`), or provided by a subscription. */
export interface EntitlementRecord {
  readonly namespace: string;
  readonly id: string;
  readonly customerId: string;
  readonly featureKey: string;
  readonly type: EntitlementType;
  readonly subscriptionId?: string;
  readonly data: EntitlementData | ProvidedEntitlement;
  readonly activeFrom: string;
  readonly activeTo?: string;
  readonly deletedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The feature it entitles to: the one it was created for, or (provided ones) the live one of its key. */
  readonly feature?: FeatureRecord;
  readonly resets: readonly ResetRecord[];
  /** Its grants, voided ones included, oldest first. */
  readonly grants: readonly GrantRecord[];
}

export interface GrantRecord {
  readonly data: GrantData;
  readonly voidedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface CustomerRow {
  id: string;
  key: string | null;
  subject_keys: string[];
  deleted_at: Date | null;
}

/** A row that may have found no customer (a left join): every customer column null. */
type OptionalCustomerRow = CustomerRow | { id: null };

const customerOf = (row: CustomerRow): CustomerRecord => ({
  id: row.id,
  ...(row.key !== null && { key: row.key }),
  subjectKeys: row.subject_keys,
  deleted: row.deleted_at !== null,
});

/** The customer `idOrKey` names: by id (deleted ones too), or by key (live ones only). */
export async function customerFor(
  db: DataSource,
  namespace: string,
  idOrKey: string,
): Promise<CustomerRecord | undefined> {
  const [row] = await db.query<CustomerRow[]>(
    `SELECT id, key, subject_keys, deleted_at FROM ${T.customers}
     WHERE namespace = $1 AND (id = $2 OR (key = $2 AND deleted_at IS NULL))
     ORDER BY id = $2 DESC LIMIT 1`,
    [namespace, idOrKey],
  );
  return row && customerOf(row);
}

/** The live customer holding the subject (its key or one of its subject keys), as usage is attributed. */
export async function customerOfSubject(
  db: DataSource,
  namespace: string,
  subject: string,
): Promise<CustomerRecord | undefined> {
  const [row] = await db.query<CustomerRow[]>(
    `SELECT c.id, c.key, c.subject_keys, c.deleted_at
     FROM ${T.customerSubjects} s JOIN ${T.customers} c ON c.namespace = s.namespace AND c.id = s.customer_id
     WHERE s.namespace = $1 AND s.subject_key = $2`,
    [namespace, subject],
  );
  return row && customerOf(row);
}

export async function customersByIds(
  db: DataSource,
  namespace: string,
  ids: readonly string[],
): Promise<Map<string, CustomerRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<CustomerRow[]>(
    `SELECT id, key, subject_keys, deleted_at FROM ${T.customers} WHERE namespace = $1 AND id = ANY($2)`,
    [namespace, [...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, customerOf(row)]));
}

interface FeatureRow {
  id: string;
  key: string;
  meter_slug: string | null;
  meter_group_by_filters: Record<string, string>;
  archived_at: Date | null;
}

const featureOf = (row: FeatureRow): FeatureRecord => ({
  id: row.id,
  key: row.key,
  ...(row.meter_slug !== null && { meterSlug: row.meter_slug }),
  filters: row.meter_group_by_filters,
  archived: row.archived_at !== null,
});

/** A live feature by id or key. */
export async function liveFeature(
  db: DataSource,
  namespace: string,
  by: { readonly id?: string; readonly key?: string },
): Promise<FeatureRecord | undefined> {
  const [row] = await db.query<FeatureRow[]>(
    `SELECT id, key, meter_slug, meter_group_by_filters, archived_at FROM ${T.features}
     WHERE namespace = $1 AND archived_at IS NULL AND ($2::text IS NULL OR id = $2) AND ($3::text IS NULL OR key = $3)
     ORDER BY created_at DESC LIMIT 1`,
    [namespace, by.id ?? null, by.key ?? null],
  );
  return row && featureOf(row);
}

interface EntitlementRow {
  namespace: string;
  id: string;
  customer_id: string;
  feature_key: string;
  subscription_id: string | null;
  type: EntitlementType;
  entitlement: EntitlementData | ProvidedEntitlement;
  active_from: Date;
  active_to: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  feature: FeatureRow | null;
  resets: { at: string; retain_anchor: boolean; preserve_overage: boolean }[];
  grants: { terms: GrantData; voided_at: string | null; created_at: string; updated_at: string }[];
}

/**
 * The select list of an entitlement with its feature (the one it was created for; for a provided one,
 * the live feature of its key, else the latest), its manual resets and its grants, in order: all a
 * value needs, in one statement.
 */
const ENTITLEMENT_SELECT = `
  SELECT e.namespace, e.id, e.customer_id, e.feature_key, e.subscription_id, e.type, e.entitlement, e.active_from,
         e.active_to, e.deleted_at, e.created_at, e.updated_at,
         (SELECT to_jsonb(f) FROM (
            SELECT id, key, meter_slug, meter_group_by_filters, archived_at FROM ${T.features} f
            WHERE f.namespace = e.namespace
              AND (f.id = e.feature_id OR (e.feature_id IS NULL AND f.key = e.feature_key))
            ORDER BY (f.archived_at IS NULL) DESC, f.created_at DESC LIMIT 1) f) AS feature,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('at', r.reset_at, 'retain_anchor', r.retain_anchor,
                   'preserve_overage', r.preserve_overage) ORDER BY r.reset_at), '[]')
            FROM ${T.resets} r WHERE r.namespace = e.namespace AND r.entitlement_id = e.id) AS resets,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('terms', g.terms, 'voided_at', g.voided_at,
                   'created_at', g.created_at, 'updated_at', g.updated_at) ORDER BY g.created_at, g.id), '[]')
            FROM ${T.grants} g WHERE g.namespace = e.namespace AND g.entitlement_id = e.id) AS grants
  FROM ${T.entitlements} e`;

function entitlementOf(row: EntitlementRow): EntitlementRecord {
  const feature = row.feature && {
    ...row.feature,
    archived_at: row.feature.archived_at === null ? null : new Date(row.feature.archived_at),
  };
  return {
    namespace: row.namespace,
    id: row.id,
    customerId: row.customer_id,
    featureKey: row.feature_key,
    type: row.type,
    ...(row.subscription_id !== null && { subscriptionId: row.subscription_id }),
    data: row.entitlement,
    activeFrom: row.active_from.toISOString(),
    ...(row.active_to !== null && { activeTo: row.active_to.toISOString() }),
    ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(feature && { feature: featureOf(feature) }),
    resets: row.resets.map((r) => ({
      at: new Date(r.at).toISOString(),
      retainAnchor: r.retain_anchor,
      preserveOverage: r.preserve_overage,
    })),
    grants: row.grants.map((g) =>
      grantOf({
        terms: g.terms,
        voided_at: g.voided_at === null ? null : new Date(g.voided_at),
        created_at: new Date(g.created_at),
        updated_at: new Date(g.updated_at),
      }),
    ),
  };
}

/** Whether the entitlement is in force at `at`: started, not ended, not deleted. */
export function activeAt(entitlement: EntitlementRecord, at: string): boolean {
  const ms = Date.parse(at);
  return (
    Date.parse(entitlement.activeFrom) <= ms &&
    (entitlement.activeTo === undefined || ms < Date.parse(entitlement.activeTo)) &&
    (entitlement.deletedAt === undefined || ms < Date.parse(entitlement.deletedAt))
  );
}

/** One entitlement of the namespace by id. */
export async function entitlementById(
  db: DataSource,
  namespace: string,
  id: string,
): Promise<EntitlementRecord | undefined> {
  const [row] = await db.query<EntitlementRow[]>(
    `${ENTITLEMENT_SELECT} WHERE e.namespace = $1 AND e.id = $2`,
    [namespace, id],
  );
  return row && entitlementOf(row);
}

/**
 * The customer's entitlement `idOrFeatureKey` names: by id, else the one to that feature in force
 * at `at` — one created through the API before one a subscription provides (a manual entitlement
 * wins for as long as it is in force).
 */
export async function customerEntitlement(
  db: DataSource,
  namespace: string,
  customerId: string,
  idOrFeatureKey: string,
  at: string,
): Promise<EntitlementRecord | undefined> {
  const rows = await db.query<EntitlementRow[]>(
    `${ENTITLEMENT_SELECT}
     WHERE e.namespace = $1 AND e.customer_id = $2 AND (e.id = $3 OR (e.feature_key = $3
       AND e.active_from <= $4 AND (e.active_to IS NULL OR e.active_to > $4)
       AND (e.deleted_at IS NULL OR e.deleted_at > $4)))
     ORDER BY e.id = $3 DESC, (e.subscription_id IS NULL) DESC, e.active_from DESC
     LIMIT 1`,
    [namespace, customerId, idOrFeatureKey, at],
  );
  return rows[0] && entitlementOf(rows[0]);
}

/**
 * The customer `customerIdOrKey` names (as `customerFor`) and its entitlement `idOrFeatureKey` in
 * force at `at` (as `customerEntitlement`), in one statement: the hot path of a value.
 */
export async function customerAndEntitlement(
  db: DataSource,
  namespace: string,
  customerIdOrKey: string,
  idOrFeatureKey: string,
  at: string,
  projections: readonly string[],
): Promise<{
  customer?: CustomerRecord;
  entitlement?: EntitlementRecord;
  checkpoints: StatementCheckpoints;
}> {
  // Prepared: planning this statement cost PostgreSQL more than running it (BENCHMARKS.md). Always
  // one row, so that the checkpoints come back even when no customer does.
  const [row] = await preparedRows<
    OptionalCustomerRow & { found: EntitlementRow | null; checkpoints: StatementCheckpoints }
  >(
    db,
    `WITH c AS (
       SELECT id, key, subject_keys, deleted_at FROM ${T.customers}
       WHERE namespace = $1 AND (id = $2 OR (key = $2 AND deleted_at IS NULL))
       ORDER BY id = $2 DESC LIMIT 1)
     SELECT c.*, (SELECT to_jsonb(found) FROM (${ENTITLEMENT_SELECT}
         WHERE e.namespace = $1 AND e.customer_id = c.id AND (e.id = $3 OR (e.feature_key = $3
           AND e.active_from <= $4 AND (e.active_to IS NULL OR e.active_to > $4)
           AND (e.deleted_at IS NULL OR e.deleted_at > $4)))
         ORDER BY e.id = $3 DESC, (e.subscription_id IS NULL) DESC, e.active_from DESC
         LIMIT 1) found) AS found, ${checkpointsColumn('$5')} AS checkpoints
     FROM (SELECT 1) one LEFT JOIN c ON true`,
    [namespace, customerIdOrKey, idOrFeatureKey, at, projections],
  );
  const { checkpoints } = row;
  if (row.id === null) return { checkpoints };
  return {
    customer: customerOf(row),
    ...(row.found && { entitlement: entitlementOfJson(row.found) }),
    checkpoints,
  };
}

/** An entitlement row that came back as JSON (`to_jsonb`): its times are strings there. */
function entitlementOfJson(found: EntitlementRow): EntitlementRecord {
  return entitlementOf({
    ...found,
    active_from: new Date(found.active_from),
    active_to: found.active_to === null ? null : new Date(found.active_to),
    deleted_at: found.deleted_at === null ? null : new Date(found.deleted_at),
    created_at: new Date(found.created_at),
    updated_at: new Date(found.updated_at),
  });
}

/**
 * The customer `customerIdOrKey` names (as `customerFor`) and its entitlements in force at `at` (one per
 * feature, a manual one first), in one statement: the hot path of a customer's access.
 */
export async function customerAndEntitlementsInForce(
  db: DataSource,
  namespace: string,
  customerIdOrKey: string,
  at: string,
  projections: readonly string[],
): Promise<{
  customer?: CustomerRecord;
  entitlements: EntitlementRecord[];
  checkpoints: StatementCheckpoints;
}> {
  const [row] = await preparedRows<
    OptionalCustomerRow & { found: EntitlementRow[]; checkpoints: StatementCheckpoints }
  >(
    db,
    `WITH c AS (
       SELECT id, key, subject_keys, deleted_at FROM ${T.customers}
       WHERE namespace = $1 AND (id = $2 OR (key = $2 AND deleted_at IS NULL))
       ORDER BY id = $2 DESC LIMIT 1)
     SELECT c.*, (SELECT coalesce(jsonb_agg(to_jsonb(found) ORDER BY found.feature_key,
                    (found.subscription_id IS NULL) DESC, found.active_from DESC), '[]') FROM (${ENTITLEMENT_SELECT}
         WHERE e.namespace = $1 AND e.customer_id = c.id
           AND e.active_from <= $3 AND (e.active_to IS NULL OR e.active_to > $3)
           AND (e.deleted_at IS NULL OR e.deleted_at > $3)) found) AS found,
       ${checkpointsColumn('$4')} AS checkpoints
     FROM (SELECT 1) one LEFT JOIN c ON true`,
    [namespace, customerIdOrKey, at, projections],
  );
  const { checkpoints } = row;
  if (row.id === null) return { entitlements: [], checkpoints };
  return {
    customer: customerOf(row),
    entitlements: oneByFeature(row.found.map(entitlementOfJson)),
    checkpoints,
  };
}

/** The first of each feature's entitlements (ordered by feature, a manual one first). */
function oneByFeature(entitlements: readonly EntitlementRecord[]): EntitlementRecord[] {
  const byFeature = new Map<string, EntitlementRecord>();
  for (const entitlement of entitlements)
    if (!byFeature.has(entitlement.featureKey)) byFeature.set(entitlement.featureKey, entitlement);
  return [...byFeature.values()];
}

/** An active or scheduled entitlement a subscription provides to the customer for the feature. */
export async function providedEntitlementOf(
  db: DataSource,
  namespace: string,
  customerId: string,
  featureKey: string,
  now: string,
): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }[]>(
    `SELECT id FROM ${T.entitlements}
     WHERE namespace = $1 AND customer_id = $2 AND feature_key = $3 AND subscription_id IS NOT NULL
       AND deleted_at IS NULL AND (active_to IS NULL OR active_to > $4)
     ORDER BY active_from LIMIT 1`,
    [namespace, customerId, featureKey, now],
  );
  return row?.id;
}

export interface EntitlementFilter {
  readonly customerIds?: readonly string[];
  readonly featureKeys?: readonly string[];
  readonly types?: readonly EntitlementType[];
  readonly includeDeleted?: boolean;
  /** Only those in force at this instant. */
  readonly activeAt?: string;
  readonly orderBy?: 'createdAt' | 'updatedAt';
  readonly order?: 'ASC' | 'DESC';
  readonly limit: number;
  readonly offset: number;
}

export async function listEntitlements(
  db: DataSource,
  namespace: string,
  filter: EntitlementFilter,
): Promise<{ totalCount: number; items: EntitlementRecord[] }> {
  const where = `e.namespace = $1
    AND ($2::text[] IS NULL OR e.customer_id = ANY($2))
    AND ($3::text[] IS NULL OR e.feature_key = ANY($3))
    AND ($4::text[] IS NULL OR e.type = ANY($4))
    AND ($5 OR e.deleted_at IS NULL)
    AND ($6::timestamptz IS NULL OR (e.active_from <= $6 AND (e.active_to IS NULL OR e.active_to > $6)
         AND (e.deleted_at IS NULL OR e.deleted_at > $6)))`;
  const params = [
    namespace,
    filter.customerIds ?? null,
    filter.featureKeys ?? null,
    filter.types ?? null,
    filter.includeDeleted ?? false,
    filter.activeAt ?? null,
  ];
  const column = filter.orderBy === 'updatedAt' ? 'e.updated_at' : 'e.created_at';
  const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
  const rows = await db.query<EntitlementRow[]>(
    `${ENTITLEMENT_SELECT} WHERE ${where} ORDER BY ${column} ${direction}, e.id ${direction} LIMIT $7 OFFSET $8`,
    [...params, filter.limit, filter.offset],
  );
  const [{ count }] = await db.query<{ count: string }[]>(
    `SELECT count(*) FROM ${T.entitlements} e WHERE ${where}`,
    params,
  );
  return { totalCount: Number(count), items: rows.map(entitlementOf) };
}

interface GrantRow {
  terms: GrantData;
  voided_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const grantOf = (row: GrantRow): GrantRecord => ({
  data: row.terms,
  ...(row.voided_at !== null && { voidedAt: row.voided_at.toISOString() }),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function grantById(
  db: DataSource,
  namespace: string,
  id: string,
): Promise<(GrantRecord & { entitlementId: string }) | undefined> {
  const [row] = await db.query<(GrantRow & { entitlement_id: string })[]>(
    `SELECT terms, voided_at, created_at, updated_at, entitlement_id FROM ${T.grants} WHERE namespace = $1 AND id = $2`,
    [namespace, id],
  );
  return row && { ...grantOf(row), entitlementId: row.entitlement_id };
}

export interface GrantFilter {
  readonly entitlementIds?: readonly string[];
  readonly customerIds?: readonly string[];
  readonly featureKeys?: readonly string[];
  /** Voided grants, and (unless `entitlementIds` names the entitlements) grants of deleted entitlements. */
  readonly includeDeleted?: boolean;
  readonly orderBy?: 'id' | 'createdAt' | 'updatedAt';
  readonly order?: 'ASC' | 'DESC';
  readonly limit: number;
  readonly offset: number;
}

export async function listGrants(
  db: DataSource,
  namespace: string,
  filter: GrantFilter,
): Promise<{ totalCount: number; items: (GrantRecord & { customerId: string; featureKey: string })[] }> {
  const where = `g.namespace = $1
    AND ($2::text[] IS NULL OR g.entitlement_id = ANY($2))
    AND ($3::text[] IS NULL OR e.customer_id = ANY($3))
    AND ($4::text[] IS NULL OR e.feature_key = ANY($4))
    AND ($5 OR (g.voided_at IS NULL AND ($2::text[] IS NOT NULL OR e.deleted_at IS NULL)))`;
  const params = [
    namespace,
    filter.entitlementIds ?? null,
    filter.customerIds ?? null,
    filter.featureKeys ?? null,
    filter.includeDeleted ?? false,
  ];
  const column = { id: 'g.id', createdAt: 'g.created_at', updatedAt: 'g.updated_at' }[
    filter.orderBy ?? 'createdAt'
  ];
  const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
  const from = `${T.grants} g JOIN ${T.entitlements} e ON e.namespace = g.namespace AND e.id = g.entitlement_id`;
  const rows = await db.query<(GrantRow & { customer_id: string; feature_key: string })[]>(
    `SELECT g.terms, g.voided_at, g.created_at, g.updated_at, e.customer_id, e.feature_key FROM ${from}
     WHERE ${where} ORDER BY ${column} ${direction}, g.id ${direction} LIMIT $6 OFFSET $7`,
    [...params, filter.limit, filter.offset],
  );
  const [{ count }] = await db.query<{ count: string }[]>(
    `SELECT count(*) FROM ${from} WHERE ${where}`,
    params,
  );
  return {
    totalCount: Number(count),
    items: rows.map((row) => ({ ...grantOf(row), customerId: row.customer_id, featureKey: row.feature_key })),
  };
}
