import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { CreateSubscriptionRequest } from './create-subscription.dto';

export class CreateSubscriptionCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly request: CreateSubscriptionRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
