import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import type { Plan, PlanEvent } from '../plan.decider';

export const PLANS_PROJECTION = 'plans@v2';

/**
 * Plan versions, with their phases and rate cards in tables of their own (rate cards kept whole as
 * their definition, beside the fields lookups filter on). Deleted versions are kept. Changes are
 * guarded by the plan's stream version, so an event delivered twice changes nothing.
 */
export const plansProjection: Projection = {
  name: PLANS_PROJECTION,
  handles: ['PlanCreated', 'PlanUpdated', 'PlanPublished', 'PlanArchived', 'PlanDeleted'],
  tables: ['plans', 'plan_phases', 'plan_rate_cards'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as PlanEvent;
  const plans = tx.table('plans');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'PlanCreated': {
      const { at, ...plan } = event.data;
      const inserted = await tx.query(
        `INSERT INTO ${plans} (namespace, id, key, version, name, description, currency, billing_cadence,
           pro_rating_config, metadata, alignment, settlement_mode, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14)
         ON CONFLICT (namespace, id) DO NOTHING RETURNING id`,
        [...planColumns(plan), at, version],
      );
      if (inserted.length > 0) await writePhases(tx, plan);
      return;
    }
    case 'PlanUpdated':
    case 'PlanPublished': {
      const { at, ...rest } = event.data;
      const effectiveFrom = event.type === 'PlanPublished' ? event.data.effectiveFrom : null;
      const plan: Plan = { ...rest };
      const updated = await tx.query(
        `UPDATE ${plans} SET key = $3, version = $4, name = $5, description = $6, currency = $7, billing_cadence = $8,
           pro_rating_config = $9, metadata = $10, alignment = $11, settlement_mode = $12, updated_at = $13,
           stream_version = $14, effective_from = coalesce($15, effective_from)
         WHERE namespace = $1 AND id = $2 AND stream_version < $14 RETURNING id`,
        [...planColumns(plan), at, version, effectiveFrom],
      );
      if (updated.length > 0) await writePhases(tx, plan);
      return;
    }
    case 'PlanArchived':
      await tx.query(
        `UPDATE ${plans} SET effective_to = $3, updated_at = $4, stream_version = $5
         WHERE namespace = $1 AND id = $2 AND stream_version < $5`,
        [event.data.namespace, event.data.id, event.data.effectiveTo, event.data.at, version],
      );
      return;
    case 'PlanDeleted':
      await tx.query(
        `UPDATE ${plans} SET deleted_at = $3, updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.at, version],
      );
      return;
    default:
      unreachable(event);
  }
}

function planColumns(plan: Plan): unknown[] {
  return [
    plan.namespace,
    plan.id,
    plan.key,
    plan.version,
    plan.name,
    plan.description ?? null,
    plan.currency,
    plan.billingCadence,
    JSON.stringify(plan.proRatingConfig),
    JSON.stringify(plan.metadata),
    plan.alignment === undefined ? null : JSON.stringify(plan.alignment),
    plan.settlementMode ?? null,
  ];
}

/** Replaces the version's phases and rate cards with the event's. */
async function writePhases(tx: ProjectionTransaction, plan: Plan): Promise<void> {
  const phases = tx.table('plan_phases');
  const rateCards = tx.table('plan_rate_cards');
  await tx.query(`DELETE FROM ${rateCards} WHERE namespace = $1 AND plan_id = $2`, [plan.namespace, plan.id]);
  await tx.query(`DELETE FROM ${phases} WHERE namespace = $1 AND plan_id = $2`, [plan.namespace, plan.id]);
  for (const [phaseIndex, phase] of plan.phases.entries()) {
    await tx.query(
      `INSERT INTO ${phases} (namespace, plan_id, phase_index, key, name, description, metadata, duration)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        plan.namespace,
        plan.id,
        phaseIndex,
        phase.key,
        phase.name,
        phase.description ?? null,
        phase.metadata === undefined ? null : JSON.stringify(phase.metadata),
        phase.duration,
      ],
    );
    for (const [rateCardIndex, rateCard] of phase.rateCards.entries()) {
      await tx.query(
        `INSERT INTO ${rateCards} (namespace, plan_id, phase_index, rate_card_index, key, type, feature_key,
           entitlement_type, definition)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          plan.namespace,
          plan.id,
          phaseIndex,
          rateCardIndex,
          rateCard.key,
          rateCard.type,
          rateCard.featureKey ?? null,
          rateCard.entitlementTemplate?.type ?? null,
          JSON.stringify(rateCard),
        ],
      );
    }
  }
}
