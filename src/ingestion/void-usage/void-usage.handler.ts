import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { usageDedupKey, usageVoidStream } from '../../event-store/stream-names';
import { CLOCK, Clock } from '../../shared/clock';
import { DomainError } from '../../shared/errors';
import { IngestionErrorCode, IngestionProblemCode } from '../ingestion-errors';
import { identityKey, usageVoidDecider, voidsOf } from '../usage-void.decider';
import { VoidUsageCommand } from './void-usage.command';
import type { VoidUsageAnswer } from './void-usage.dto';

/**
 * Voids usage events: refuses the whole batch (404, naming each) if any event is not in the log —
 * asked of the log's own dedup index, not of a read model that may lag — then decides and appends
 * every void at once. The answer is each event's first void, whoever recorded it.
 */
@CommandHandler(VoidUsageCommand)
export class VoidUsageHandler implements ICommandHandler<VoidUsageCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, metadata }: VoidUsageCommand): Promise<VoidUsageAnswer> {
    const { namespace } = metadata;
    if (!this.store.storedUsageKeys) {
      throw new DomainError(
        'not_implemented',
        IngestionErrorCode.VOID_UNSUPPORTED,
        'Voiding usage needs a log that knows which usage events it holds (the PostgreSQL log); this event store does not',
      );
    }
    const keyOf = (event: { source: string; id: string }) => usageDedupKey(namespace, event.source, event.id);
    const stored = await this.store.storedUsageKeys(request.events.map(keyOf));
    const unknown = request.events.flatMap((event, index) =>
      stored.has(keyOf(event))
        ? []
        : [
            {
              field: `events[${index}]`,
              code: IngestionProblemCode.EVENT_NOT_FOUND,
              message: `no usage event with source "${event.source}" and id "${event.id}" is stored`,
            },
          ],
    );
    if (unknown.length > 0) {
      throw new DomainError(
        'not_found',
        IngestionErrorCode.EVENT_NOT_FOUND,
        `${unknown.length} of the ${request.events.length} events named are not stored; none was voided`,
        unknown,
      );
    }
    const actor = metadata.actor ?? { id: 'system', name: 'system' };
    const { state } = await decideAndAppend(
      this.store,
      usageVoidStream(namespace),
      usageVoidDecider,
      {
        type: 'VoidUsage',
        data: {
          namespace,
          events: request.events.map(({ source, id }) => ({ source, id })),
          reason: request.reason,
          actor,
          now: this.clock.now().toISOString(),
        },
      },
      // Concurrent voids of one namespace take turns on its stream; each turn re-decides.
      { metadata, attempts: 20 },
    );
    const voids = voidsOf(state);
    const answered = new Set<string>();
    const events: VoidUsageAnswer['events'] = [];
    for (const event of request.events) {
      const key = identityKey(event);
      if (answered.has(key)) continue;
      answered.add(key);
      const voided = voids.get(key)!;
      events.push({
        source: voided.source,
        id: voided.id,
        reason: voided.reason,
        voidedAt: voided.voidedAt,
        actor: voided.actor,
      });
    }
    return { events };
  }
}
