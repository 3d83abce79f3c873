import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/access.decorator';
import { Ctx, RequestContext } from '../../auth/request-context';
import { ReconcileUsage } from './reconcile-usage.query';
import { ReconciliationAnswerDto } from './reconciliation.dto';
import type { ReconciliationCounts, ReconciliationReport } from './reconciliation';
import { parseReconciliationParams } from './reconciliation.params';

@ApiTags('Admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/v1/admin/reconciliation')
export class ReconciliationController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'getReconciliation',
    summary:
      'Usage reconciliation: events accepted, stored, deduplicated, voided, metered, attributed, billable, billed, pending correction',
    description:
      "For the token's namespace and the events whose time lies in [from, to): totals, one entry per UTC " +
      'day, and per subscription billing period. accepted = stored + deduplicated always; ' +
      'accepted and deduplicated are null on EventStoreDB, which cannot count them atomically.',
  })
  @ApiQuery({ name: 'from', required: true, description: 'RFC 3339 on a whole hour, inclusive' })
  @ApiQuery({
    name: 'to',
    required: true,
    description: 'RFC 3339 on a whole hour, exclusive; ≤ 366 days after from',
  })
  @ApiOkResponse({ type: ReconciliationAnswerDto })
  async reconcile(
    @QueryParams() params: Record<string, unknown>,
    @Ctx() ctx: RequestContext,
  ): Promise<ReconciliationAnswerDto> {
    const report: ReconciliationReport = await this.queries.execute(
      new ReconcileUsage(ctx.namespace, parseReconciliationParams(params)),
    );
    return {
      namespace: report.namespace,
      from: report.from.toISOString(),
      to: report.to.toISOString(),
      totals: report.totals,
      days: report.days.map((day) => ({
        from: day.from.toISOString(),
        to: day.to.toISOString(),
        ...counts(day),
      })),
      billingPeriods: report.billingPeriods.map((period) => ({
        subscriptionId: period.subscriptionId,
        customerId: period.customerId,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        issued: period.issued,
        billable: period.billable,
        billed: period.billed,
        pendingCorrection: period.pendingCorrection,
      })),
    };
  }
}

function counts(c: ReconciliationCounts): ReconciliationCounts {
  const { accepted, stored, deduplicated, voided, metered, attributed, billable, billed, pendingCorrection } =
    c;
  return { accepted, stored, deduplicated, voided, metered, attributed, billable, billed, pendingCorrection };
}
