import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { CreateMeterRequest } from './create-meter.dto';

export class CreateMeterCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly request: CreateMeterRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
