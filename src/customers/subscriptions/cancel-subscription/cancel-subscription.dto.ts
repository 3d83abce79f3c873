import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IfPresent } from '../../../shared/http/list-params';
import { IsInstant } from '../../../shared/http/is-instant';

/**
 * When the subscription ends: now (at the end of the current second), with the billing period in
 * progress, or at an RFC 3339 instant (OpenMeter's `SubscriptionTiming`).
 */
export class CancelSubscriptionRequest {
  @ApiPropertyOptional({
    default: 'immediate',
    description: '"immediate", "next_billing_cycle" or an RFC 3339 date-time at most two minutes in the past',
  })
  @IfPresent()
  @IsString()
  @IsInstant(['immediate', 'next_billing_cycle'])
  timing?: string;
}
