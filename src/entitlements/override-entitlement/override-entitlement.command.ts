import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../event-store/event-store.port';
import type { Owner } from '../entitlement-owners';
import type { EntitlementRequest } from '../entitlement.decider';
import type { EntitlementCreateRequest, EntitlementCreateRequestV1 } from '../entitlement-requests.dto';

export class OverrideEntitlementCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly owner: Owner,
    /** The entitlement replaced: by id, or the one in force now to a feature key. */
    readonly idOrFeatureKey: string,
    readonly body: EntitlementCreateRequest | EntitlementCreateRequestV1,
    readonly request: EntitlementRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
