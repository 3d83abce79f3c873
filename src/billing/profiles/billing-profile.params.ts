import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ULID_PATTERN } from '../../shared/http/list-params';

export class BillingProfileParams {
  @ApiProperty({ pattern: ULID_PATTERN.source, example: '01G65Z755AFWAKHE12NY0CQ9FH' })
  @IsString()
  @Matches(ULID_PATTERN, { message: 'id must be a ULID' })
  id!: string;
}
