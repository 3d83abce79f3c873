import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../../event-store/event-store.port';
import type { CreateAddonRequest } from './create-addon.dto';

export class CreateAddonCommand extends Command<{ readonly id: string }> {
  constructor(
    readonly namespace: string,
    readonly request: CreateAddonRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
