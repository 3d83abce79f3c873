import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { CreatePlanRequest } from './create-plan.dto';

export class CreatePlanCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly request: CreatePlanRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
