import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type { CancelTiming } from '../subscription.decider';

export class CancelSubscriptionCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly timing: CancelTiming,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
