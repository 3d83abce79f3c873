import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../event-store/event-store.port';
import type { Owner } from '../entitlement-owners';
import type { ResetUsageRequest } from '../entitlement-requests.dto';

export class ResetUsageCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly owner: Owner,
    readonly idOrFeatureKey: string,
    readonly request: ResetUsageRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
