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
import { meterHoldsSlug } from '../meter-refs';
import { CreateMeter, meterDecider } from '../meter.decider';
import { CreateMeterCommand } from './create-meter.command';

@CommandHandler(CreateMeterCommand)
export class CreateMeterHandler implements ICommandHandler<CreateMeterCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, request, metadata }: CreateMeterCommand): Promise<{ id: string }> {
    const id = ulid();
    const now = this.clock.now().toISOString();
    const command: CreateMeter = {
      type: 'CreateMeter',
      data: {
        id,
        namespace,
        slug: request.slug,
        name: request.name,
        description: request.description,
        eventType: request.eventType,
        aggregation: request.aggregation,
        valueProperty: request.valueProperty,
        groupBy: request.groupBy,
        eventFrom: request.eventFrom,
        metadata: request.metadata ?? undefined,
        now,
      },
    };
    // Decided once before anything is written: a refused meter must not leave its slug claimed.
    meterDecider.decide(command, meterDecider.initialState());
    const slugClaim = {
      namespace,
      kind: CatalogKeyKind.meterSlug,
      key: request.slug,
      ownerId: id,
      takenCode: CatalogErrorCode.METER_SLUG_TAKEN,
      field: 'slug',
      holds: meterHoldsSlug(this.store, namespace, request.slug),
    };
    await withClaims(this.store, [slugClaim], now, metadata, () =>
      decideAndAppend(this.store, streamName(StreamCategory.meter, id), meterDecider, command, { metadata }),
    );
    this.projections.nudge();
    return { id };
  }
}
