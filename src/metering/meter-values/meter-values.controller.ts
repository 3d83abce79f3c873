import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Ctx, RequestContext } from '../../auth/request-context';
import { MeterParams } from '../../catalog';
import { CLOCK, Clock } from '../../shared/clock';
import { invalid } from '../../shared/errors';
import { IsInstant } from '../../shared/http/is-instant';
import { MeteringErrorCode, MeteringProblemCode } from '../metering-errors';
import { ListMeterValues } from './meter-values.query';

/** OpenMeter: a group-by's values default to the last 24 hours. */
const GROUP_BY_VALUES_DEFAULT_MS = 24 * 60 * 60 * 1000;

export class MeterRangeParams {
  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class GroupByValuesParams extends MeterParams {
  @ApiProperty({ description: 'A group-by name of the meter, or subject' })
  @IsString()
  @MaxLength(64)
  groupByKey!: string;
}

@ApiTags('Meters')
@ApiBearerAuth()
@Controller('api/v1/meters')
export class MeterValuesController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':meterIdOrSlug/group-by/:groupByKey/values')
  @ApiOperation({
    operationId: 'listMeterGroupByValues',
    summary: "The values of one of a meter's group-bys over a range (the last 24 hours by default), sorted",
  })
  @ApiOkResponse({ type: [String] })
  groupByValues(
    @Param() { meterIdOrSlug, groupByKey }: GroupByValuesParams,
    @QueryParams() range: MeterRangeParams,
    @Ctx() ctx: RequestContext,
  ): Promise<string[]> {
    const from =
      range.from ?? new Date(this.clock.now().getTime() - GROUP_BY_VALUES_DEFAULT_MS).toISOString();
    return this.list(ctx, meterIdOrSlug, groupByKey, { ...range, from });
  }

  @Get(':meterIdOrSlug/subjects')
  @ApiOperation({
    operationId: 'listMeterSubjects',
    summary: 'The subjects a meter has seen over a range, sorted',
  })
  @ApiOkResponse({ type: [String] })
  subjects(
    @Param() { meterIdOrSlug }: MeterParams,
    @QueryParams() range: MeterRangeParams,
    @Ctx() ctx: RequestContext,
  ): Promise<string[]> {
    return this.list(ctx, meterIdOrSlug, 'subject', range);
  }

  private list(ctx: RequestContext, meter: string, dimension: string, range: MeterRangeParams) {
    const from = range.from === undefined ? undefined : new Date(range.from);
    const to = range.to === undefined ? undefined : new Date(range.to);
    if (from && to && from.getTime() >= to.getTime()) {
      throw invalid(MeteringErrorCode.INVALID_QUERY, 'The range is empty', [
        { field: 'to', code: MeteringProblemCode.INVALID_RANGE, message: 'must be after from' },
      ]);
    }
    return this.queries.execute(new ListMeterValues(ctx.namespace, meter, dimension, { from, to }));
  }
}
