import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { subjectStream } from '../../../event-store/stream-names';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { subjectDecider } from '../subject.decider';
import { DeleteSubjectCommand } from './delete-subject.command';

@CommandHandler(DeleteSubjectCommand)
export class DeleteSubjectHandler implements ICommandHandler<DeleteSubjectCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, key, metadata }: DeleteSubjectCommand): Promise<void> {
    await decideAndAppend(
      this.store,
      subjectStream(namespace, key),
      subjectDecider,
      { type: 'DeleteSubject', data: { namespace, key, now: this.clock.now().toISOString() } },
      { metadata },
    );
    this.projections.nudge();
  }
}
