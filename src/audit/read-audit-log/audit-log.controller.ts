import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../../auth/request-context';
import { StreamCategory } from '../../event-store/stream-names';
import { utcIso } from '../../shared/instant';
import { AuditLogQuery } from './audit-log.query';
import { ReadAuditLogQuery } from './read-audit-log.dto';

/** The log, read-only: nothing in the API edits or deletes an event. */
@ApiTags('Audit')
@ApiBearerAuth()
@Controller('api/v1')
export class AuditLogController {
  constructor(private readonly audit: AuditLogQuery) {}

  @Get('audit/events')
  @ApiOperation({ operationId: 'listAuditEvents' })
  read(@Query() { from, to, ...query }: ReadAuditLogQuery, @Ctx() ctx: RequestContext) {
    // Canonical UTC, so PostgreSQL reads each bound as Tally does (a leap second included).
    return this.audit.read({
      ...query,
      ...(from !== undefined && { from: utcIso(from) }),
      ...(to !== undefined && { to: utcIso(to) }),
      namespace: ctx.namespace,
    });
  }

  @Get('customers/:idOrKey/history')
  @ApiOperation({ operationId: 'getCustomerHistory' })
  customer(@Param('idOrKey') idOrKey: string, @Ctx() ctx: RequestContext) {
    return this.audit.history(ctx.namespace, StreamCategory.customer, idOrKey);
  }

  @Get('meters/:idOrKey/history')
  @ApiOperation({ operationId: 'getMeterHistory' })
  meter(@Param('idOrKey') idOrKey: string, @Ctx() ctx: RequestContext) {
    return this.audit.history(ctx.namespace, StreamCategory.meter, idOrKey);
  }

  @Get('features/:idOrKey/history')
  @ApiOperation({ operationId: 'getFeatureHistory' })
  feature(@Param('idOrKey') idOrKey: string, @Ctx() ctx: RequestContext) {
    return this.audit.history(ctx.namespace, StreamCategory.feature, idOrKey);
  }

  @Get('plans/:idOrKey/history')
  @ApiOperation({ operationId: 'getPlanHistory' })
  plan(@Param('idOrKey') idOrKey: string, @Ctx() ctx: RequestContext) {
    return this.audit.history(ctx.namespace, StreamCategory.plan, idOrKey);
  }

  @Get('subscriptions/:idOrKey/history')
  @ApiOperation({ operationId: 'getSubscriptionHistory' })
  subscription(@Param('idOrKey') idOrKey: string, @Ctx() ctx: RequestContext) {
    return this.audit.history(ctx.namespace, StreamCategory.subscription, idOrKey);
  }
}
