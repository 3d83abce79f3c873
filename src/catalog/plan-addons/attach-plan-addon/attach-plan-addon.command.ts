import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { PlanAddonCreateRequest } from '../plan-addon.dto';

export class AttachPlanAddonCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly planId: string,
    readonly request: PlanAddonCreateRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
