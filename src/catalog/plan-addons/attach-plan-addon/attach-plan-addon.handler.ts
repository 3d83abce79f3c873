import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { addonDecider } from '../../addons/addon.decider';
import { AddonToAttach, planAddonsDecider } from '../plan-addon.decider';
import { AttachPlanAddonCommand } from './attach-plan-addon.command';

/** Assigns a published add-on to a draft plan version, read from the add-on's own stream. */
@CommandHandler(AttachPlanAddonCommand)
export class AttachPlanAddonHandler implements ICommandHandler<AttachPlanAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, planId, request, metadata }: AttachPlanAddonCommand): Promise<void> {
    const { state } = await loadState(
      this.store,
      streamName(StreamCategory.addon, request.addonId),
      addonDecider,
    );
    const addon: AddonToAttach | undefined =
      state.status === 'empty' || state.status === 'deleted' || state.addon.namespace !== namespace
        ? undefined
        : {
            id: state.addon.id,
            key: state.addon.key,
            version: state.addon.version,
            currency: state.addon.currency,
            instanceType: state.addon.instanceType,
            status: state.status,
            rateCards: state.addon.rateCards,
          };
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.plan, planId),
      planAddonsDecider,
      {
        type: 'AttachPlanAddon',
        data: {
          planId,
          namespace,
          addonId: request.addonId,
          ...(addon && { addon }),
          fromPlanPhase: request.fromPlanPhase,
          maxQuantity: request.maxQuantity,
          metadata: request.metadata ?? undefined,
          now: this.clock.now().toISOString(),
        },
      },
      { metadata },
    );
    this.projections.nudge();
  }
}
