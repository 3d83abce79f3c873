import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';

export class NextPlanCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly idOrKey: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
