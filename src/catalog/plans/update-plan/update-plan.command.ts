import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type { UpdatePlanRequest } from './update-plan.dto';

export class UpdatePlanCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly request: UpdatePlanRequest,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
