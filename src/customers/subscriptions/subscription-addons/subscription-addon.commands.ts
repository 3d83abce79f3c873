import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type {
  CreateSubscriptionAddonRequest,
  UpdateSubscriptionAddonRequest,
} from './subscription-addon.dto';

/** Answers the new subscription add-on's id. */
export class CreateSubscriptionAddonCommand extends Command<string> {
  constructor(
    readonly namespace: string,
    readonly subscriptionId: string,
    readonly request: CreateSubscriptionAddonRequest,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class UpdateSubscriptionAddonCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly subscriptionId: string,
    readonly subscriptionAddonId: string,
    readonly request: UpdateSubscriptionAddonRequest,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
