import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { SubjectUpsertDto } from './upsert-subjects.dto';

export class UpsertSubjectsCommand extends Command<{ readonly keys: readonly string[] }> {
  constructor(
    readonly namespace: string,
    readonly subjects: readonly SubjectUpsertDto[],
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
