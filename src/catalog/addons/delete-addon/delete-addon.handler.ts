import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { releaseKey } from '../../../key-claims/key-claims';
import { CatalogKeyKind } from '../../catalog-keys';
import { addonDecider } from '../addon.decider';
import { DeleteAddonCommand } from './delete-addon.command';

/** Deletes a draft, freeing the key for a new draft; its version number stays used. */
@CommandHandler(DeleteAddonCommand)
export class DeleteAddonHandler implements ICommandHandler<DeleteAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: DeleteAddonCommand): Promise<void> {
    const now = this.clock.now().toISOString();
    const { events } = await decideAndAppend(
      this.store,
      streamName(StreamCategory.addon, id),
      addonDecider,
      { type: 'DeleteAddon', data: { id, namespace, now } },
      { metadata, ifMatch },
    );
    for (const event of events) {
      if (event.type !== 'AddonDeleted') continue;
      await releaseKey(
        this.store,
        { namespace, kind: CatalogKeyKind.addonDraft, key: event.data.key, ownerId: id },
        now,
        metadata,
      );
    }
    this.projections.nudge();
  }
}
