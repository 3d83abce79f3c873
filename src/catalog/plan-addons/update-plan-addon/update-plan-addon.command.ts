import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { PlanAddonTermsDto } from '../plan-addon.dto';

export class UpdatePlanAddonCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly planId: string,
    readonly addonId: string,
    readonly request: PlanAddonTermsDto,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
