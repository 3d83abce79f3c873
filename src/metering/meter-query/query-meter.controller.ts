import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query as QueryParams,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext } from '../../auth/request-context';
import { GROUP_BY_FILTERS_SCHEMA } from '../../shared/http/group-by-filters';
import { MeterQueryRequestDoc } from './meter-query.docs';
import { meterQueryCsv } from './meter-query.csv';
import { MeterQueryParams, parseMeterQueryBody, parseMeterQueryParams } from './meter-query.params';
import { MeterQueryAnswer, WINDOW_SIZES } from './meter-query';
import { QueryMeter } from './query-meter.query';
import { assertStorable } from '../../shared/http/storable-text';

@ApiTags('Meters')
@ApiBearerAuth()
@Controller('api/v1/meters')
export class QueryMeterController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':meterIdOrSlug/query')
  @ApiOperation({
    operationId: 'queryMeter',
    summary: 'Query a meter: values per window, subject, customer and group-by; JSON or CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiQuery({ name: 'from', required: false, description: 'RFC 3339, inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'RFC 3339, exclusive' })
  @ApiQuery({ name: 'windowSize', required: false, enum: WINDOW_SIZES })
  @ApiQuery({ name: 'windowTimeZone', required: false, description: 'IANA time zone; UTC by default' })
  @ApiQuery({ name: 'subject', required: false, isArray: true, type: String })
  @ApiQuery({ name: 'filterCustomerId', required: false, isArray: true, type: String })
  @ApiQuery({
    name: 'groupBy',
    required: false,
    isArray: true,
    type: String,
    description: 'Group-by names, subject, customer_id',
  })
  @ApiQuery({
    name: 'filterGroupBy',
    required: false,
    style: 'deepObject',
    explode: true,
    type: 'object',
    description: 'filterGroupBy[name]=value, repeatable (deprecated: use advancedMeterGroupByFilters)',
  })
  @ApiQuery({
    name: 'advancedMeterGroupByFilters',
    required: false,
    schema: GROUP_BY_FILTERS_SCHEMA,
    description: 'Group-by name → filter, as JSON or deepObject brackets ([model][$in]=gpt-4)',
  })
  @ApiQuery({ name: 'clientId', required: false, description: 'Accepted; changes nothing' })
  async query(
    @Param('meterIdOrSlug') meter: string,
    @QueryParams() params: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answer(meter, parseMeterQueryParams(params), accept, ctx, reply);
  }

  /** The same query as GET, its parameters in the body (OpenMeter's `MeterQueryRequest`). */
  @Post(':meterIdOrSlug/query')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'queryMeterPost',
    summary: 'Query a meter, the parameters in the body; JSON or CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiBody({ type: MeterQueryRequestDoc })
  async queryPost(
    @Param('meterIdOrSlug') meter: string,
    @Body() body: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertStorable(body);
    return this.answer(meter, parseMeterQueryBody(body), accept, ctx, reply);
  }

  private async answer(
    meter: string,
    parsed: MeterQueryParams,
    accept: string | undefined,
    ctx: RequestContext,
    reply: FastifyReply,
  ) {
    const answer: MeterQueryAnswer = await this.queries.execute(
      new QueryMeter({ namespace: ctx.namespace, meter, ...parsed }),
    );
    return meterQueryAnswer(answer, parsed, accept, reply);
  }
}

/** The answer in the format `Accept` asks for: CSV, or OpenMeter's `MeterQueryResult`. */
export function meterQueryAnswer(
  answer: MeterQueryAnswer,
  parsed: MeterQueryParams,
  accept: string | undefined,
  reply: FastifyReply,
) {
  if (prefersCsv(accept)) {
    reply.header('content-type', 'text/csv; charset=utf-8');
    return meterQueryCsv(answer);
  }
  return {
    ...(parsed.from ? { from: parsed.from.toISOString() } : {}),
    ...(parsed.to ? { to: parsed.to.toISOString() } : {}),
    ...(parsed.windowSize ? { windowSize: parsed.windowSize } : {}),
    // OpenMeter's MeterQueryRow: `value` is a JSON number; the decimal string stays exact inside Tally.
    data: answer.rows.map((row) => ({
      value: Number(row.value),
      windowStart: row.windowStart.toISOString(),
      windowEnd: row.windowEnd.toISOString(),
      subject: row.subject,
      ...(row.customerId ? { customerId: row.customerId } : {}),
      groupBy: row.groupBy,
    })),
  };
}

function prefersCsv(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}
