import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type { ChangeSubscriptionRequest, MigrateSubscriptionRequest } from './change-subscription.dto';

/** A change to another plan (or a custom one), or a migration to another version of the same plan. */
export type ChangeTarget =
  | { readonly kind: 'change'; readonly request: ChangeSubscriptionRequest }
  | { readonly kind: 'migrate'; readonly request: MigrateSubscriptionRequest };

export class ChangeSubscriptionCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly target: ChangeTarget,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
