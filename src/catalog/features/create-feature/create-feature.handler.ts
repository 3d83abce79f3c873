import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { CatalogErrorCode } from '../../catalog-errors';
import { withClaims } from '../../../key-claims/key-claims';
import { CatalogKeyKind } from '../../catalog-keys';
import { liveMeterBySlug } from '../../meters/meter-refs';
import { meterDecider } from '../../meters/meter.decider';
import { featureHoldsKey } from '../feature-refs';
import { CreateFeature, FeatureUnitCost, featureDecider } from '../feature.decider';
import { jsonCopy } from '../../catalog-rules';
import { CreateFeatureCommand } from './create-feature.command';

@CommandHandler(CreateFeatureCommand)
export class CreateFeatureHandler implements ICommandHandler<CreateFeatureCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, request, metadata }: CreateFeatureCommand): Promise<{ id: string }> {
    const id = ulid();
    const now = this.clock.now().toISOString();
    const meter =
      request.meterSlug === undefined
        ? undefined
        : await liveMeterBySlug(this.store, namespace, request.meterSlug);
    const command: CreateFeature = {
      type: 'CreateFeature',
      data: {
        id,
        namespace,
        key: request.key,
        name: request.name,
        meterSlug: request.meterSlug,
        meterGroupByFilters: request.meterGroupByFilters,
        advancedMeterGroupByFilters: request.advancedMeterGroupByFilters,
        unitCost: request.unitCost && (jsonCopy(request.unitCost) as FeatureUnitCost),
        metadata: request.metadata ?? undefined,
        meter: meter && {
          slug: meter.slug,
          aggregation: meter.aggregation,
          groupByKeys: Object.keys(meter.groupBy),
        },
        now,
      },
    };
    // Decided once before anything is written: a refused feature must not leave its key claimed.
    featureDecider.decide(command, featureDecider.initialState());
    const keyClaim = {
      namespace,
      kind: CatalogKeyKind.featureKey,
      key: request.key,
      ownerId: id,
      takenCode: CatalogErrorCode.FEATURE_KEY_TAKEN,
      field: 'key',
      holds: featureHoldsKey(this.store, namespace, request.key),
    };
    await withClaims(this.store, [keyClaim], now, metadata, async () => {
      // The link is the decision a racing delete of the meter meets (409 to whichever comes second).
      if (meter) {
        await decideAndAppend(
          this.store,
          streamName(StreamCategory.meter, meter.id),
          meterDecider,
          {
            type: 'LinkFeature',
            data: { id: meter.id, namespace, featureId: id, featureKey: request.key, now },
          },
          { metadata },
        );
      }
      return decideAndAppend(this.store, streamName(StreamCategory.feature, id), featureDecider, command, {
        metadata,
      });
    });
    this.projections.nudge();
    return { id };
  }
}
