import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import { Customer, CustomerEvent, claimedKeysOf } from '../customer.decider';

export const CUSTOMERS_PROJECTION = 'customers@v1';

/**
 * Customers (deleted ones kept), and `customer_subjects`: each live customer's key and subject keys
 * → its id, the index metering attributes usage by. Changes are guarded by the stream version, so an
 * event delivered twice changes nothing.
 */
export const customersProjection: Projection = {
  name: CUSTOMERS_PROJECTION,
  handles: ['CustomerCreated', 'CustomerUpdated', 'CustomerDeleted'],
  tables: ['customers', 'customer_subjects'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as CustomerEvent;
  const customers = tx.table('customers');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'CustomerCreated':
    case 'CustomerUpdated': {
      const customer = event.data;
      const written = await tx.query(
        `INSERT INTO ${customers} (namespace, id, key, name, description, subject_keys, currency, primary_email,
           billing_address, metadata, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (namespace, id) DO UPDATE SET key = $3, name = $4, description = $5, subject_keys = $6,
           currency = $7, primary_email = $8, billing_address = $9, metadata = $10, updated_at = $12, stream_version = $13
         WHERE ${customers}.stream_version < $13
         RETURNING id`,
        [
          customer.namespace,
          customer.id,
          customer.key ?? null,
          customer.name,
          customer.description ?? null,
          customer.usageAttribution.subjectKeys,
          customer.currency ?? null,
          customer.primaryEmail ?? null,
          customer.billingAddress === undefined ? null : JSON.stringify(customer.billingAddress),
          customer.metadata === undefined ? null : JSON.stringify(customer.metadata),
          customer.createdAt,
          customer.updatedAt,
          version,
        ],
      );
      if (written.length > 0)
        await indexSubjects(tx, customer, [...claimedKeysOf({ status: 'active', customer })]);
      return;
    }
    case 'CustomerDeleted': {
      const customer = event.data;
      const written = await tx.query(
        `UPDATE ${customers} SET deleted_at = $3, updated_at = $4, stream_version = $5
         WHERE namespace = $1 AND id = $2 AND stream_version < $5 RETURNING id`,
        [customer.namespace, customer.id, customer.deletedAt, customer.updatedAt, version],
      );
      if (written.length > 0) await indexSubjects(tx, customer, []);
      return;
    }
    default:
      unreachable(event);
  }
}

/** Makes the customer's rows in the subject index exactly `subjects`. */
async function indexSubjects(
  tx: ProjectionTransaction,
  customer: Customer,
  subjects: readonly string[],
): Promise<void> {
  const index = tx.table('customer_subjects');
  await tx.query(
    `DELETE FROM ${index} WHERE namespace = $1 AND customer_id = $2 AND NOT (subject_key = ANY($3))`,
    [customer.namespace, customer.id, subjects],
  );
  // A subject moves to another customer only after its old owner released its claim, so in log order
  // the old row is already gone; should a log ever say otherwise, the later event wins rather than
  // the projection stopping.
  await tx.query(
    `INSERT INTO ${index} (namespace, subject_key, customer_id) SELECT $1, unnest($3::text[]), $2
     ON CONFLICT (namespace, subject_key) DO UPDATE SET customer_id = EXCLUDED.customer_id`,
    [customer.namespace, customer.id, subjects],
  );
}
