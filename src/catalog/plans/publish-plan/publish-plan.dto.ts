import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmpty } from 'class-validator';

const NOW_ONLY =
  'not accepted: publishPlan takes no body and publishes the version effective now, as OpenMeter does; publish it when it should start';

/**
 * OpenMeter's `publishPlan` has no request body, and its handler publishes effective now. A body
 * asking for a schedule is refused, each field named, rather than published now without a word.
 */
export class PublishPlanRequest {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: NOW_ONLY })
  @IsEmpty({ message: NOW_ONLY })
  effectiveFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: NOW_ONLY })
  @IsEmpty({ message: NOW_ONLY })
  effectiveTo?: string;
}
