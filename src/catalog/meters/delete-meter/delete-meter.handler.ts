import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { linkedFeatureUsesMeter } from '../../features/feature-refs';
import { LiveFeaturesOfMeter } from '../../features/features-read-model/features.query';
import { releaseKey } from '../../../key-claims/key-claims';
import { CatalogKeyKind } from '../../catalog-keys';
import { meterDecider } from '../meter.decider';
import { meterIdFor } from '../meter-refs';
import { DeleteMeterCommand } from './delete-meter.command';

/** A soft delete: the meter stays readable by id, and its slug is free for a new meter. */
@CommandHandler(DeleteMeterCommand)
export class DeleteMeterHandler implements ICommandHandler<DeleteMeterCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, idOrSlug, ifMatch, metadata }: DeleteMeterCommand): Promise<void> {
    const id = await meterIdFor(this.store, namespace, idOrSlug);
    const stream = streamName(StreamCategory.meter, id);
    const { state } = await loadState(this.store, stream, meterDecider);
    const now = this.clock.now().toISOString();
    // Features made before they were linked in the meter's stream are known by the read model only.
    const features =
      state.status === 'active'
        ? await this.queries.execute(new LiveFeaturesOfMeter(namespace, state.meter.slug))
        : [];
    const unusedLinks: string[] = [];
    for (const link of state.status === 'active' ? state.features : []) {
      if (!(await linkedFeatureUsesMeter(this.store, link, now))) unusedLinks.push(link.featureId);
    }
    const { events } = await decideAndAppend(
      this.store,
      stream,
      meterDecider,
      {
        type: 'DeleteMeter',
        data: { id, namespace, featuresUsingMeter: features.map((f) => f.key), unusedLinks, now },
      },
      { metadata, ifMatch },
    );
    for (const event of events) {
      if (event.type !== 'MeterDeleted') continue;
      await releaseKey(
        this.store,
        { namespace, kind: CatalogKeyKind.meterSlug, key: event.data.slug, ownerId: id },
        now,
        metadata,
      );
    }
    this.projections.nudge();
  }
}
