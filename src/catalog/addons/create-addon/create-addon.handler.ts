import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { CLOCK, Clock } from '../../../shared/clock';
import { addonContentOf } from '../addon-content.dto';
import { AddonDrafts } from '../addon-drafts';
import { CreateAddonCommand } from './create-addon.command';

@CommandHandler(CreateAddonCommand)
export class CreateAddonHandler implements ICommandHandler<CreateAddonCommand> {
  constructor(
    private readonly drafts: AddonDrafts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ namespace, request, metadata }: CreateAddonCommand): Promise<{ id: string }> {
    return this.drafts.start(
      {
        id: ulid(),
        namespace,
        key: request.key,
        currency: request.currency,
        ...addonContentOf(request),
        now: this.clock.now().toISOString(),
      },
      metadata,
    );
  }
}
