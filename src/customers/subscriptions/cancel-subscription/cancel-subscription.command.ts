import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';

export class CancelSubscriptionCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    /** `immediate`, `next_billing_cycle` or an RFC 3339 instant. */
    readonly timing: string,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
