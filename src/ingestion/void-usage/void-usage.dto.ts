import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { MAX_ATTRIBUTE_LENGTH } from '../../shared/limits';

/** Most usage events one void request names. */
export const MAX_VOIDED_PER_REQUEST = 1000;

/** A usage event, by its identity: the CloudEvent's `source` and `id` (in the token's namespace). */
export class VoidedEventRef {
  @ApiProperty({ example: 'acme-platform', minLength: 1, maxLength: MAX_ATTRIBUTE_LENGTH })
  @IsString()
  @Length(1, MAX_ATTRIBUTE_LENGTH)
  source!: string;

  @ApiProperty({
    example: '57B5F342-B8D5-49AE-9D6C-350C1D92155C',
    minLength: 1,
    maxLength: MAX_ATTRIBUTE_LENGTH,
  })
  @IsString()
  @Length(1, MAX_ATTRIBUTE_LENGTH)
  id!: string;
}

export class VoidUsageRequest {
  @ApiProperty({ type: [VoidedEventRef], minItems: 1, maxItems: MAX_VOIDED_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VOIDED_PER_REQUEST)
  // Each an object: class-validator walks nested arrays and finds nothing wrong in `[[]]`.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => VoidedEventRef)
  events!: VoidedEventRef[];

  @ApiProperty({ example: 'sent twice by a misconfigured client', minLength: 1, maxLength: 1024 })
  @IsString()
  @Length(1, 1024)
  reason!: string;
}

export class UsageVoidActor {
  @ApiProperty({ description: 'The token that voided the event' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class UsageVoidView {
  @ApiProperty()
  source!: string;

  @ApiProperty()
  id!: string;

  @ApiProperty({ description: "The first void's reason" })
  reason!: string;

  @ApiProperty({ format: 'date-time', description: 'When the event was first voided' })
  voidedAt!: string;

  @ApiProperty({ type: UsageVoidActor })
  actor!: UsageVoidActor;
}

export class VoidUsageAnswer {
  @ApiProperty({ type: [UsageVoidView], description: 'Each named event, as its first void recorded it' })
  events!: UsageVoidView[];
}
