import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../event-store/event-store.port';
import type { Owner } from '../entitlement-owners';

export class DeleteEntitlementCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly owner: Owner,
    readonly idOrFeatureKey: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
