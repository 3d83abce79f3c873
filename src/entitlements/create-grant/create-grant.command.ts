import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../event-store/event-store.port';
import type { Owner } from '../entitlement-owners';
import type { GrantRequest } from '../entitlement.decider';

export class CreateGrantCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly owner: Owner,
    readonly idOrFeatureKey: string,
    readonly grant: GrantRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
