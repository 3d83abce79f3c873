import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type { EditOperationDto } from './edit-subscription.dto';

export class EditSubscriptionCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly customizations: readonly EditOperationDto[],
    /** `immediate`, `next_billing_cycle` or an RFC 3339 instant. */
    readonly timing: string,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
