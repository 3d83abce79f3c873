import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';

/** OpenMeter's `restoreSubscription` and `unscheduleCancelation`: take a scheduled end back. */
export class RestoreSubscriptionCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
