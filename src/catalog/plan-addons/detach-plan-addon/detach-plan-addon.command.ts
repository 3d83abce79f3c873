import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';

export class DetachPlanAddonCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly planId: string,
    readonly addonId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
