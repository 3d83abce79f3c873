import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { CLOCK, Clock } from '../../../shared/clock';
import { planContentOf } from '../plan-content.dto';
import { PlanDrafts } from '../plan-drafts';
import { CreatePlanCommand } from './create-plan.command';

@CommandHandler(CreatePlanCommand)
export class CreatePlanHandler implements ICommandHandler<CreatePlanCommand> {
  constructor(
    private readonly drafts: PlanDrafts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ namespace, request, metadata }: CreatePlanCommand): Promise<{ id: string }> {
    return this.drafts.start(
      {
        id: ulid(),
        namespace,
        key: request.key,
        currency: request.currency,
        ...planContentOf(request),
        now: this.clock.now().toISOString(),
      },
      metadata,
    );
  }
}
