import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../event-store/event-store.port';

export class VoidGrantCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly grantId: string,
    readonly at: string | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
