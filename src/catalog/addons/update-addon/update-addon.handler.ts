import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { addonContentOf } from '../addon-content.dto';
import { addonDecider } from '../addon.decider';
import { UpdateAddonCommand } from './update-addon.command';

@CommandHandler(UpdateAddonCommand)
export class UpdateAddonHandler implements ICommandHandler<UpdateAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, request, ifMatch, metadata }: UpdateAddonCommand): Promise<void> {
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.addon, id),
      addonDecider,
      {
        type: 'UpdateAddon',
        data: { id, namespace, ...addonContentOf(request), now: this.clock.now().toISOString() },
      },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}
