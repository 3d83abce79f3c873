import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../event-store/event-store.port';
import type { VoidUsageAnswer, VoidUsageRequest } from './void-usage.dto';

export class VoidUsageCommand extends Command<VoidUsageAnswer> {
  constructor(
    readonly request: VoidUsageRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
