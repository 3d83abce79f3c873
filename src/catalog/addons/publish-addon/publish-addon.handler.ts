import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { resolveFeatures } from '../../features/feature-refs';
import { releaseKey } from '../../../key-claims/key-claims';
import { CatalogKeyKind } from '../../catalog-keys';
import { addonDecider, featureKeysOfAddon } from '../addon.decider';
import { AddonVersionsOf } from '../addons-read-model/addons.query';
import { PublishAddonCommand } from './publish-addon.command';

/**
 * Publishes a draft, effective now (OpenMeter's publish takes no date). The version it succeeds is
 * archived, so a key has one active version; what already uses the old one keeps it.
 */
@CommandHandler(PublishAddonCommand)
export class PublishAddonHandler implements ICommandHandler<PublishAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: PublishAddonCommand): Promise<void> {
    const stream = streamName(StreamCategory.addon, id);
    const { state } = await loadState(this.store, stream, addonDecider);
    const features =
      state.status === 'empty'
        ? {}
        : await resolveFeatures(this.store, namespace, featureKeysOfAddon(state.addon));
    const now = this.clock.now().toISOString();
    const { events } = await decideAndAppend(
      this.store,
      stream,
      addonDecider,
      { type: 'PublishAddon', data: { id, namespace, features, now } },
      { metadata, ifMatch },
    );
    for (const event of events) {
      if (event.type !== 'AddonPublished') continue;
      await releaseKey(
        this.store,
        { namespace, kind: CatalogKeyKind.addonDraft, key: event.data.key, ownerId: id },
        now,
        metadata,
      );
      await this.archivePredecessors(namespace, event.data.key, id, now, metadata);
    }
    this.projections.nudge();
  }

  private async archivePredecessors(
    namespace: string,
    key: string,
    publishedId: string,
    now: string,
    metadata: EventMetadata,
  ): Promise<void> {
    const versions = await this.queries.execute(new AddonVersionsOf(namespace, key));
    for (const version of versions) {
      if (version.id === publishedId || version.deleted || version.status !== 'active') continue;
      await decideAndAppend(
        this.store,
        streamName(StreamCategory.addon, version.id),
        addonDecider,
        { type: 'ArchiveAddon', data: { id: version.id, namespace, now } },
        { metadata },
      );
    }
  }
}
