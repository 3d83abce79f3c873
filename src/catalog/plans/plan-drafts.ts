import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ProjectionsService } from '../../projections/projections.service';
import { decideAndAppend, loadState } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { conflict } from '../../shared/errors';
import { CatalogErrorCode } from '../catalog-errors';
import { Holds, withClaims } from '../../key-claims/key-claims';
import { CatalogKeyKind, planVersionKey } from '../catalog-keys';
import { CreatePlan, PlanState, planDecider } from './plan.decider';
import { PlanVersionsOf } from './plans-read-model/plans.query';

/**
 * Starts a new draft version of a plan key — for a create and for `next` alike. The version is the
 * key's latest + 1 (deleted versions keep their numbers). Two claims guard the rules under
 * concurrency: the key's draft slot (one draft per key, held until the draft is published or
 * deleted) and the (key, version) pair (a number is never given twice).
 */
@Injectable()
export class PlanDrafts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  async start(data: Omit<CreatePlan['data'], 'version'>, metadata: EventMetadata): Promise<{ id: string }> {
    const { namespace, key, id, now } = data;
    const versions = await this.queries.execute(new PlanVersionsOf(namespace, key));
    const draft = versions.find((version) => version.status === 'draft' && !version.deleted);
    if (draft !== undefined) {
      throw conflict(
        CatalogErrorCode.PLAN_VERSION_TAKEN,
        `Plan ${key} already has a draft, version ${draft.version} (${draft.id}); publish or delete it first`,
      );
    }
    const command: CreatePlan = {
      type: 'CreatePlan',
      data: { ...data, version: (versions.at(-1)?.version ?? 0) + 1 },
    };
    // Decided once before anything is written: a refused plan must not leave its claims behind.
    planDecider.decide(command, planDecider.initialState());
    const claim = { namespace, ownerId: id, takenCode: CatalogErrorCode.PLAN_VERSION_TAKEN, field: 'key' };
    const claims = [
      {
        ...claim,
        kind: CatalogKeyKind.planDraft,
        key,
        holds: this.holds(namespace, (state) => state.status === 'draft'),
      },
      // A version number stays used once its plan exists, even deleted.
      {
        ...claim,
        kind: CatalogKeyKind.planVersion,
        key: planVersionKey(key, command.data.version),
        holds: this.holds(namespace, (state) => state.status !== 'empty'),
      },
    ];
    await withClaims(this.store, claims, now, metadata, () =>
      decideAndAppend(this.store, streamName(StreamCategory.plan, id), planDecider, command, { metadata }),
    );
    this.projections.nudge();
    return { id };
  }

  /** Whether the plan that claimed a key still holds it, as `holding` says of its state. */
  private holds(namespace: string, holding: (state: PlanState) => boolean): Holds {
    return async (ownerId) => {
      const { state } = await loadState(this.store, streamName(StreamCategory.plan, ownerId), planDecider);
      return (state.status === 'empty' || state.plan.namespace === namespace) && holding(state);
    };
  }
}
