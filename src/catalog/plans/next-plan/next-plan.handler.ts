import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { conflict, notFound } from '../../../shared/errors';
import { CatalogErrorCode } from '../../catalog-errors';
import { ULID_PATTERN } from '../../../shared/http/list-params';
import { nextVersionFrom, planDecider } from '../plan.decider';
import { PlanDrafts } from '../plan-drafts';
import { PlanVersionsOf } from '../plans-read-model/plans.query';
import { NextPlanCommand } from './next-plan.command';

/** A new draft version with the content of a published one: by id, or the key's latest published version. */
@CommandHandler(NextPlanCommand)
export class NextPlanHandler implements ICommandHandler<NextPlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly drafts: PlanDrafts,
  ) {}

  async execute({ namespace, idOrKey, metadata }: NextPlanCommand): Promise<{ id: string }> {
    const sourceId = await this.sourceOf(namespace, idOrKey);
    const { state } = await loadState(this.store, streamName(StreamCategory.plan, sourceId), planDecider);
    if (state.status === 'empty' || state.status === 'deleted' || state.plan.namespace !== namespace) {
      throw notFound(CatalogErrorCode.PLAN_NOT_FOUND, `Plan ${idOrKey} not found`);
    }
    if (state.status === 'draft') {
      throw conflict(
        CatalogErrorCode.PLAN_NOT_PUBLISHED,
        `Plan ${state.plan.key} v${state.plan.version} is a draft; edit it rather than start another`,
      );
    }
    const { version: _sourceVersionPlusOne, ...next } = nextVersionFrom(
      state,
      ulid(),
      this.clock.now().toISOString(),
    );
    return this.drafts.start(next, metadata);
  }

  private async sourceOf(namespace: string, idOrKey: string): Promise<string> {
    if (
      ULID_PATTERN.test(idOrKey) &&
      (await this.store.streamExists(streamName(StreamCategory.plan, idOrKey)))
    ) {
      return idOrKey;
    }
    const versions = await this.queries.execute(new PlanVersionsOf(namespace, idOrKey));
    const published = versions.filter((version) => version.status !== 'draft' && !version.deleted).at(-1);
    if (published === undefined)
      throw notFound(CatalogErrorCode.PLAN_NOT_FOUND, `No published version of plan ${idOrKey}`);
    return published.id;
  }
}
