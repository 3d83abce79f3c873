import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { subjectStream } from '../../../event-store/stream-names';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { invalid } from '../../../shared/errors';
import { SubjectErrors, UpsertSubject, subjectDecider } from '../subject.decider';
import { UpsertSubjectsCommand } from './upsert-subjects.command';

/**
 * Upserts each subject in its own stream. Every item is decided before any is written, so a list
 * with one bad item writes nothing; a key given twice is refused, as it would be decided twice.
 */
@CommandHandler(UpsertSubjectsCommand)
export class UpsertSubjectsHandler implements ICommandHandler<UpsertSubjectsCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({
    namespace,
    subjects,
    metadata,
  }: UpsertSubjectsCommand): Promise<{ keys: readonly string[] }> {
    const now = this.clock.now().toISOString();
    const keys = subjects.map((subject) => subject.key);
    const repeated = keys.flatMap((key, index) =>
      keys.indexOf(key) === index
        ? []
        : [{ field: `[${index}].key`, message: `"${key}" is upserted twice`, code: SubjectErrors.invalid }],
    );
    if (repeated.length > 0) throw invalid(SubjectErrors.invalid, 'A subject key is given twice', repeated);
    const commands: UpsertSubject[] = subjects.map((subject) => ({
      type: 'UpsertSubject',
      data: {
        id: ulid(),
        namespace,
        key: subject.key,
        ...('displayName' in subject && { displayName: subject.displayName }),
        ...('metadata' in subject && { metadata: subject.metadata && { ...subject.metadata } }),
        ...('currentPeriodStart' in subject && { currentPeriodStart: subject.currentPeriodStart }),
        ...('currentPeriodEnd' in subject && { currentPeriodEnd: subject.currentPeriodEnd }),
        ...('stripeCustomerId' in subject && { stripeCustomerId: subject.stripeCustomerId }),
        now,
      },
    }));
    for (const command of commands) {
      const { state } = await loadState(
        this.store,
        subjectStream(namespace, command.data.key),
        subjectDecider,
      );
      subjectDecider.decide(command, state);
    }
    for (const command of commands) {
      await decideAndAppend(this.store, subjectStream(namespace, command.data.key), subjectDecider, command, {
        metadata,
      });
    }
    this.projections.nudge();
    return { keys };
  }
}
