import { Command } from '@nestjs/cqrs';
import type { EventMetadata, StreamVersion } from '../../../event-store/event-store.port';
import type { UpdateAddonRequest } from './update-addon.dto';

export class UpdateAddonCommand extends Command<void> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly request: UpdateAddonRequest,
    readonly ifMatch: StreamVersion | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
