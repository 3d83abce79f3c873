import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { releaseKey } from '../../../key-claims/key-claims';
import { CatalogKeyKind } from '../../catalog-keys';
import { featureDecider } from '../feature.decider';
import { ArchiveFeatureCommand } from './archive-feature.command';

/** Archived features stay readable by id; their key is free for a new feature, as in OpenMeter. */
@CommandHandler(ArchiveFeatureCommand)
export class ArchiveFeatureHandler implements ICommandHandler<ArchiveFeatureCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: ArchiveFeatureCommand): Promise<void> {
    const now = this.clock.now().toISOString();
    const { events } = await decideAndAppend(
      this.store,
      streamName(StreamCategory.feature, id),
      featureDecider,
      { type: 'ArchiveFeature', data: { id, namespace, now } },
      { metadata, ifMatch },
    );
    for (const event of events) {
      if (event.type !== 'FeatureArchived') continue;
      await releaseKey(
        this.store,
        { namespace, kind: CatalogKeyKind.featureKey, key: event.data.key, ownerId: id },
        now,
        metadata,
      );
    }
    this.projections.nudge();
  }
}
