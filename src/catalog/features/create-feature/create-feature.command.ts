import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { CreateFeatureRequest } from './create-feature.dto';

export class CreateFeatureCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly request: CreateFeatureRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
