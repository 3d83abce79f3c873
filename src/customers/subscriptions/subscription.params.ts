import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ULID_PATTERN } from '../../shared/http/list-params';

export class SubscriptionParams {
  @ApiProperty({ description: 'The subscription id (ULID)' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'subscriptionId must be a subscription id (ULID)' })
  subscriptionId!: string;
}
