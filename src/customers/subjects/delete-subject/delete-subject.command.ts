import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';

export class DeleteSubjectCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly key: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
