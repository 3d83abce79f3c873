import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { addonDecider } from '../addon.decider';
import { ArchiveAddonCommand } from './archive-addon.command';

/** No new attachments from now on; what already uses the version keeps it. */
@CommandHandler(ArchiveAddonCommand)
export class ArchiveAddonHandler implements ICommandHandler<ArchiveAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: ArchiveAddonCommand): Promise<void> {
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.addon, id),
      addonDecider,
      { type: 'ArchiveAddon', data: { id, namespace, now: this.clock.now().toISOString() } },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}
