import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertIfMatch } from '../../../shared/http/etag';
import { releaseKey, withClaims } from '../../../key-claims/key-claims';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { DomainError, conflict } from '../../../shared/errors';
import { customerKeyClaims } from '../customer-claims';
import { customerFieldsOf } from '../customer-fields.dto';
import { customerIdFor } from '../customer-refs';
import { CUSTOMER_SUBJECT_KEY_KIND, UpdateCustomer, customerDecider, keyChanges } from '../customer.decider';
import { UpdateCustomerCommand } from './update-customer.command';

const ATTEMPTS = 5;

/**
 * Replaces a customer. The keys it gains are claimed before its event is written and the keys it
 * drops released after, so which claims to touch is decided on the version the update applies to:
 * if the customer moved meanwhile, the claims are undone and — unless the client sent `If-Match`,
 * which then answers 412 — the update is decided again on the newer version.
 */
@CommandHandler(UpdateCustomerCommand)
export class UpdateCustomerHandler implements ICommandHandler<UpdateCustomerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({
    namespace,
    idOrKey,
    request,
    ifMatch,
    metadata,
  }: UpdateCustomerCommand): Promise<{ id: string }> {
    const id = await customerIdFor(this.store, namespace, idOrKey);
    const stream = streamName(StreamCategory.customer, id);
    const fields = customerFieldsOf(request);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const now = this.clock.now().toISOString();
      const command: UpdateCustomer = { type: 'UpdateCustomer', data: { ...fields, id, namespace, now } };
      const { state: before, version } = await loadState(this.store, stream, customerDecider);
      assertIfMatch(ifMatch, version, `customer ${id}`);
      const after = customerDecider.decide(command, before).reduce(customerDecider.evolve, before);
      const { claim, release } = keyChanges(before, after);
      try {
        await withClaims(
          this.store,
          customerKeyClaims(this.store, namespace, id, fields, claim),
          now,
          metadata,
          () =>
            decideAndAppend(this.store, stream, customerDecider, command, {
              metadata,
              ifMatch: ifMatch ?? version,
            }),
        );
        for (const key of release) {
          await releaseKey(
            this.store,
            { namespace, kind: CUSTOMER_SUBJECT_KEY_KIND, key, ownerId: id },
            now,
            metadata,
          );
        }
        this.projections.nudge();
        return { id };
      } catch (error) {
        const moved = error instanceof DomainError && error.kind === 'precondition_failed';
        if (!moved || ifMatch !== undefined) throw error;
      }
    }
    throw conflict('CONCURRENCY.CONFLICT', `Customer ${id} kept changing while it was updated; retry`);
  }
}
