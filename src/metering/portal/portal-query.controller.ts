import { Controller, Get, Headers, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../auth/access.decorator';
import { Ctx, RequestContext } from '../../auth/request-context';
import { DomainError, invalid } from '../../shared/errors';
import { parseMeterQueryParams } from '../meter-query/meter-query.params';
import { meterQueryAnswer } from '../meter-query/query-meter.controller';
import { QueryMeter } from '../meter-query/query-meter.query';
import { MeteringErrorCode, MeteringProblemCode } from '../metering-errors';

/**
 * OpenMeter's `queryPortalMeter`: the meter query, for a portal token, of its own subject's usage
 * alone — the subject is the token's, whatever is asked — of a meter the token may read. The query
 * parameters are the meter query's, but for `subject`.
 */
@ApiTags('Portal')
@ApiBearerAuth()
@Allow('portal')
@Controller('api/v1/portal/meters')
export class PortalQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':meterSlug/query')
  @ApiOperation({
    operationId: 'queryPortalMeter',
    summary: "A portal token's subject's usage of a meter (the meter query's parameters but subject)",
  })
  @ApiParam({ name: 'meterSlug', description: 'A meter the token may read' })
  @ApiProduces('application/json', 'text/csv')
  async query(
    @Param('meterSlug') meterSlug: string,
    @QueryParams() params: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const scope = ctx.portal!;
    if (scope.allowedMeterSlugs && !scope.allowedMeterSlugs.includes(meterSlug)) {
      throw new DomainError(
        'forbidden',
        'AUTH.METER_NOT_ALLOWED',
        `This portal token may not read meter ${meterSlug}`,
      );
    }
    if (params.subject !== undefined) {
      throw invalid(MeteringErrorCode.INVALID_QUERY, 'A portal query reads its token’s subject only', [
        {
          field: 'subject',
          code: MeteringProblemCode.UNKNOWN_PARAMETER,
          message: 'is not a portal query parameter',
        },
      ]);
    }
    const parsed = parseMeterQueryParams(params);
    const answer = await this.queries.execute(
      new QueryMeter({ namespace: ctx.namespace, meter: meterSlug, ...parsed, subjects: [scope.subject] }),
    );
    return meterQueryAnswer(answer, parsed, accept, reply);
  }
}
