import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class FeatureParams {
  @ApiProperty({ description: 'The feature id (ULID)' })
  @IsString()
  @MaxLength(64)
  featureId!: string;
}
