import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type { UpdateCustomerRequest } from './update-customer.dto';

export class UpdateCustomerCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly idOrKey: string,
    readonly request: UpdateCustomerRequest,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
