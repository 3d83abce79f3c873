import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../../auth/request-context';
import { InvoiceLineageQuery } from '../invoice-lineage/invoice-lineage.query';
import { LineEventsQuery } from '../invoice-lineage/line-events.dto';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { InvoicesQuery } from './invoices.query';
import { ListInvoicesQuery } from './list-invoices.dto';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesQuery,
    private readonly previews: InvoicePreviewQuery,
    private readonly lineage: InvoiceLineageQuery,
  ) {}

  /** The current billing period's invoice, recomputed now, with its lines. */
  @Get('customers/:customerIdOrKey/invoices/preview')
  @ApiOperation({ operationId: 'previewCustomerInvoice' })
  preview(@Param('customerIdOrKey') customerIdOrKey: string, @Ctx() ctx: RequestContext) {
    return this.previews.preview(ctx.namespace, customerIdOrKey);
  }

  @Get('invoices')
  @ApiOperation({
    operationId: 'listInvoices',
    summary:
      "List invoices: issued documents, then each closed period's draft and each open period (gathering)",
  })
  list(@Query() query: ListInvoicesQuery, @Ctx() ctx: RequestContext) {
    return this.invoices.list(ctx.namespace, {
      customers: query.customers,
      types: query.types,
      filter: {
        statuses: query.statuses,
        extendedStatuses: query.extendedStatuses,
        issuedAfter: query.issuedAfter,
        issuedBefore: query.issuedBefore,
        periodStartAfter: query.periodStartAfter,
        periodStartBefore: query.periodStartBefore,
        createdAfter: query.createdAfter,
        createdBefore: query.createdBefore,
      },
      orderBy: query.orderBy,
      order: query.order,
      withLines: query.expand?.includes('lines') ?? false,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 100,
    });
  }

  @Get('invoices/:invoiceId')
  @ApiOperation({ operationId: 'getInvoice' })
  get(@Param('invoiceId') invoiceId: string, @Ctx() ctx: RequestContext) {
    return this.invoices.get(ctx.namespace, invoiceId);
  }

  /** Lineage: the usage events that produced a line's quantity (issued or preview ids alike). */
  @Get('invoices/:invoiceId/lines/:lineId/events')
  @ApiOperation({ operationId: 'listInvoiceLineEvents' })
  lineEvents(
    @Param('invoiceId') invoiceId: string,
    @Param('lineId') lineId: string,
    @Query() query: LineEventsQuery,
    @Ctx() ctx: RequestContext,
  ) {
    return this.lineage.lineage(ctx.namespace, invoiceId, lineId, query.limit ?? 100, query.offset ?? 0);
  }
}
