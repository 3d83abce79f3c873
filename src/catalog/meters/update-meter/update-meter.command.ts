import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type { UpdateMeterRequest } from './update-meter.dto';

export class UpdateMeterCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly idOrSlug: string,
    readonly request: UpdateMeterRequest,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
