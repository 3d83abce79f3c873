import { Inject, Injectable } from '@nestjs/common';
import { loadState } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { jsonCopy } from '../catalog-rules';
import { addonDecider, AddonInstanceType } from '../addons/addon.decider';
import type { RateCard } from '../plans/rate-card';
import { planAddonsDecider } from './plan-addon.decider';

/**
 * An add-on version as a subscription takes it: its status, and whether the subscription's plan
 * offers it (a custom plan has no offers: it takes any add-on), from which phase, up to how many.
 */
export interface AddonToSubscribe {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly currency: string;
  readonly instanceType: AddonInstanceType;
  readonly status: 'draft' | 'active' | 'archived';
  readonly rateCards: readonly RateCard[];
  readonly offered: boolean;
  readonly fromPlanPhase?: string;
  readonly maxQuantity?: number;
}

/**
 * The catalog's answer to "may this subscription take this add-on", read from the add-on's and the
 * plan's own streams, so a subscription copies the add-on exactly as the catalog decided it.
 */
@Injectable()
export class AddonLookup {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Undefined when the namespace has no add-on of that id (or only a deleted draft). */
  async addonToSubscribe(
    namespace: string,
    addonId: string,
    plan: { readonly id: string; readonly custom?: true },
  ): Promise<AddonToSubscribe | undefined> {
    const { state } = await loadState(this.store, streamName(StreamCategory.addon, addonId), addonDecider);
    if (state.status === 'empty' || state.status === 'deleted' || state.addon.namespace !== namespace)
      return undefined;
    const { addon } = state;
    const offer = plan.custom
      ? undefined
      : await loadState(this.store, streamName(StreamCategory.plan, plan.id), planAddonsDecider).then(
          ({ state: planState }) => (planState.status === 'empty' ? undefined : planState.addons[addon.id]),
        );
    return {
      id: addon.id,
      key: addon.key,
      version: addon.version,
      currency: addon.currency,
      instanceType: addon.instanceType,
      status: state.status,
      rateCards: jsonCopy(addon.rateCards),
      offered: plan.custom === true || offer !== undefined,
      ...(offer !== undefined && { fromPlanPhase: offer.fromPlanPhase }),
      ...(offer?.maxQuantity !== undefined && { maxQuantity: offer.maxQuantity }),
    };
  }
}
