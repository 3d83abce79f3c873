import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { withClaims } from '../../../key-claims/key-claims';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { customerKeyClaims } from '../customer-claims';
import { customerFieldsOf } from '../customer-fields.dto';
import { CreateCustomer, customerDecider, keyChanges } from '../customer.decider';
import { CreateCustomerCommand } from './create-customer.command';

@CommandHandler(CreateCustomerCommand)
export class CreateCustomerHandler implements ICommandHandler<CreateCustomerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, request, metadata }: CreateCustomerCommand): Promise<{ id: string }> {
    const id = ulid();
    const now = this.clock.now().toISOString();
    const fields = customerFieldsOf(request);
    const command: CreateCustomer = { type: 'CreateCustomer', data: { ...fields, id, namespace, now } };
    // Decided once before anything is written: a refused customer must not leave its keys claimed.
    const initial = customerDecider.initialState();
    const created = customerDecider.decide(command, initial).reduce(customerDecider.evolve, initial);
    const claims = customerKeyClaims(this.store, namespace, id, fields, keyChanges(initial, created).claim);
    await withClaims(this.store, claims, now, metadata, () =>
      decideAndAppend(this.store, streamName(StreamCategory.customer, id), customerDecider, command, {
        metadata,
      }),
    );
    this.projections.nudge();
    return { id };
  }
}
