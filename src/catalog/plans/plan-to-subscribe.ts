import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { loadState } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { keyOwner } from '../../key-claims/key-claims';
import { invalid, notFound } from '../../shared/errors';
import { CatalogErrorCode } from '../catalog-errors';
import { CatalogKeyKind, planVersionKey } from '../catalog-keys';
import { DEFAULT_PRO_RATING_CONFIG, Plan, PlanState, featureKeysOf, planDecider } from './plan.decider';
import type { RateCard } from './rate-card';
import { CustomPlanInputDto, planContentOf } from './plan-content.dto';
import { customPlanProblems, planReferenceProblems } from './plan-validation';
import { resolveFeatures } from '../features/feature-refs';
import { PlanVersionsOf } from './plans-read-model/plans.query';
import type { PlanStatus } from './plans-read-model/plans.query';
import { jsonCopy } from '../catalog-rules';

/**
 * A plan as a subscription takes it: the whole plan, and its status at the moment asked. A custom
 * plan (given inline) has its own id, an empty key and version 0, and is `active` once it is valid.
 */
export interface PlanToSubscribe {
  readonly plan: Plan;
  readonly status: PlanStatus;
  readonly custom?: true;
}

/**
 * The catalog's answer to "which plan would this subscription get": the version asked for, else the
 * key's active version — else its latest, for the subscription's decider to refuse. Read from the
 * plan's own events, so a subscription copies the plan exactly as the catalog decided it.
 */
@Injectable()
export class PlanLookup {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
  ) {}

  async planToSubscribe(
    namespace: string,
    ref: { readonly key: string; readonly version?: number },
    now: string,
  ): Promise<PlanToSubscribe> {
    const id =
      ref.version !== undefined
        ? await keyOwner(
            this.store,
            namespace,
            CatalogKeyKind.planVersion,
            planVersionKey(ref.key, ref.version),
          )
        : await this.currentVersionOf(namespace, ref.key);
    const { state } =
      id === undefined
        ? { state: undefined }
        : await loadState(this.store, streamName(StreamCategory.plan, id), planDecider);
    if (
      state === undefined ||
      state.status === 'empty' ||
      state.status === 'deleted' ||
      state.plan.namespace !== namespace
    ) {
      const version = ref.version === undefined ? '' : ` version ${ref.version}`;
      throw notFound(CatalogErrorCode.PLAN_NOT_FOUND, `Plan ${ref.key}${version} not found`);
    }
    return { plan: state.plan, status: planStatusAt(state, now) };
  }

  /**
   * A plan given inline with one subscription (OpenMeter's `customPlan`), checked by the rules a
   * catalog plan is held to when it is published — its own and its features' — with every problem
   * named under `customPlan`. It is the subscription's alone: nothing is written to the catalog.
   */
  async customPlan(namespace: string, input: CustomPlanInputDto): Promise<PlanToSubscribe> {
    const content = planContentOf(input);
    const plan: Plan = {
      id: ulid(),
      namespace,
      key: '',
      version: 0,
      currency: input.currency,
      name: content.name,
      ...(content.description !== undefined && { description: content.description }),
      billingCadence: content.billingCadence,
      proRatingConfig: jsonCopy(content.proRatingConfig) ?? DEFAULT_PRO_RATING_CONFIG,
      phases: jsonCopy(content.phases),
      metadata: jsonCopy(content.metadata) ?? {},
      ...(content.alignment !== undefined && { alignment: jsonCopy(content.alignment) }),
      ...(content.settlementMode !== undefined && { settlementMode: content.settlementMode }),
    };
    const features = await resolveFeatures(this.store, namespace, featureKeysOf(plan));
    const problems = [...customPlanProblems(plan, 'publish'), ...planReferenceProblems(plan, features)];
    if (problems.length > 0) {
      throw invalid(
        CatalogErrorCode.PLAN_INVALID,
        `The custom plan is not valid: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
        problems.map((problem) => ({ ...problem, field: `body.customPlan.${problem.field}` })),
      );
    }
    return { plan, status: 'active', custom: true };
  }

  /**
   * Rate cards to add to a subscription (OpenMeter's `add_item`), held to the rules of a published
   * plan with the subscription's currency and cadence — their own and their features' — each
   * problem named under the card's `field`.
   */
  async rateCardsToAdd(
    namespace: string,
    subscription: { readonly currency: string; readonly billingCadence: string },
    cards: readonly { readonly field: string; readonly rateCard: RateCard }[],
  ): Promise<void> {
    if (cards.length === 0) return;
    // One phase per card: each is checked alone, as in a plan of its own.
    const plan: Plan = {
      id: '',
      namespace,
      key: '',
      version: 0,
      currency: subscription.currency,
      name: 'edit',
      billingCadence: subscription.billingCadence,
      proRatingConfig: DEFAULT_PRO_RATING_CONFIG,
      phases: cards.map((card, index) => ({
        key: `phase_${index}`,
        name: 'phase',
        duration: index < cards.length - 1 ? subscription.billingCadence : null,
        rateCards: [jsonCopy(card.rateCard)],
      })),
      metadata: {},
    };
    const features = await resolveFeatures(this.store, namespace, featureKeysOf(plan));
    const problems = [...customPlanProblems(plan, 'publish'), ...planReferenceProblems(plan, features)];
    const named = problems.map((problem) => {
      const [, index, rest] = /^phases\[(\d+)\]\.rateCards\[0\]\.?(.*)$/.exec(problem.field) ?? [];
      const field = index === undefined ? undefined : cards[Number(index)]!.field;
      return { ...problem, field: field === undefined ? problem.field : rest ? `${field}.${rest}` : field };
    });
    if (named.length > 0) {
      throw invalid(
        CatalogErrorCode.PLAN_INVALID,
        `The rate cards are not valid: ${named.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
        named,
      );
    }
  }

  private async currentVersionOf(namespace: string, key: string): Promise<string | undefined> {
    const versions = (await this.queries.execute(new PlanVersionsOf(namespace, key))).filter(
      (version) => !version.deleted,
    );
    return (versions.filter((version) => version.status === 'active').at(-1) ?? versions.at(-1))?.id;
  }
}

function planStatusAt(state: Exclude<PlanState, { status: 'empty' | 'deleted' }>, now: string): PlanStatus {
  if (state.status !== 'active') return state.status;
  return Date.parse(state.effectiveFrom) > Date.parse(now) ? 'scheduled' : 'active';
}
