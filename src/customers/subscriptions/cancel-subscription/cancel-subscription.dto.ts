import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IfPresent } from '../../../shared/http/list-params';
import { CancelTiming } from '../subscription.decider';

const CANCEL_TIMINGS: readonly CancelTiming[] = ['immediate', 'next_billing_cycle'];

/** When the subscription ends: now (at the end of the current second), or with the billing period in progress. */
export class CancelSubscriptionRequest {
  @ApiPropertyOptional({ enum: CANCEL_TIMINGS, default: 'immediate' })
  @IfPresent()
  @IsIn(CANCEL_TIMINGS, {
    message: 'timing must be "immediate" or "next_billing_cycle"; Tally takes no date-time here',
  })
  timing?: CancelTiming;
}
