import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { LiveFeaturesOfMeter } from '../../features/features-read-model/features.query';
import { meterDecider } from '../meter.decider';
import { meterIdFor } from '../meter-refs';
import { UpdateMeterCommand } from './update-meter.command';

@CommandHandler(UpdateMeterCommand)
export class UpdateMeterHandler implements ICommandHandler<UpdateMeterCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({
    namespace,
    idOrSlug,
    request,
    ifMatch,
    metadata,
  }: UpdateMeterCommand): Promise<{ id: string }> {
    const id = await meterIdFor(this.store, namespace, idOrSlug);
    const stream = streamName(StreamCategory.meter, id);
    const { state } = await loadState(this.store, stream, meterDecider);
    const features =
      state.status === 'empty'
        ? []
        : await this.queries.execute(new LiveFeaturesOfMeter(namespace, state.meter.slug));
    const groupByKeysInUse = [...new Set(features.flatMap((feature) => feature.filteredGroupBys))];
    await decideAndAppend(
      this.store,
      stream,
      meterDecider,
      {
        type: 'UpdateMeter',
        data: {
          id,
          namespace,
          name: request.name,
          description: request.description,
          groupBy: request.groupBy,
          metadata: request.metadata ?? undefined,
          groupByKeysInUse,
          now: this.clock.now().toISOString(),
        },
      },
      { metadata, ifMatch },
    );
    this.projections.nudge();
    return { id };
  }
}
