import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** OpenMeter's `ULIDOrExternalKey`: a customer id, or its key. */
export class CustomerParams {
  @ApiProperty({ description: 'The customer id (ULID) or key', example: 'acme-inc' })
  @IsString()
  @Length(1, 256)
  customerIdOrKey!: string;
}
