import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { loadState } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { keyOwner } from '../../key-claims/key-claims';
import { notFound } from '../../shared/errors';
import { CatalogErrorCode } from '../catalog-errors';
import { CatalogKeyKind, planVersionKey } from '../catalog-keys';
import { Plan, PlanState, planDecider } from './plan.decider';
import { PlanVersionsOf } from './plans-read-model/plans.query';
import type { PlanStatus } from './plans-read-model/plans.query';

/** A plan version as a subscription takes it: the whole plan, and its status at the moment asked. */
export interface PlanToSubscribe {
  readonly plan: Plan;
  readonly status: PlanStatus;
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
