import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { CreateCustomerRequest } from './create-customer.dto';

export class CreateCustomerCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly request: CreateCustomerRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
