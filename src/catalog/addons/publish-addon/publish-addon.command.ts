import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';

export class PublishAddonCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
