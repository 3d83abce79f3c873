import { Body, Controller, Delete, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { ApiIfMatch, etagOf, ifMatchVersion } from '../../shared/http/etag';
import type { Invoice } from '../invoices/draft-invoice';
import { InvoiceActions } from './invoice-actions.service';
import { VoidInvoiceRequest } from './void-invoice.dto';

/**
 * The invoice actions OpenMeter has, each allowed where the invoice's `statusDetails.availableActions`
 * lists it and refused otherwise with 409 naming the status. The ETag is the namespace's invoice
 * ledger version after the action: `If-Match` with it refuses (412) if any invoice moved since.
 */
@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/invoices')
export class InvoiceActionsController {
  constructor(private readonly actions: InvoiceActions) {}

  /** 200 with the issued invoice: a draft waiting for its draft period, issued now that it is over. */
  @Post(':invoiceId/advance')
  @HttpCode(200)
  @ApiIfMatch('invoice ledger')
  @ApiOperation({
    operationId: 'advanceInvoiceAction',
    summary: "Advance the invoice's state to the next status",
  })
  advance(
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Invoice> {
    return this.act(invoiceId, 'advance', ifMatch, ctx, reply);
  }

  /** 200 with the issued invoice: a draft needing approval (or waiting for its draft period), issued now. */
  @Post(':invoiceId/approve')
  @HttpCode(200)
  @ApiIfMatch('invoice ledger')
  @ApiOperation({ operationId: 'approveInvoiceAction', summary: 'Send the invoice to the customer' })
  approve(
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Invoice> {
    return this.act(invoiceId, 'approve', ifMatch, ctx, reply);
  }

  /**
   * 200 with the invoice: a failed one (`draft.invalid`) validated again. With its cause gone it moves
   * on under its workflow (drafted, or issued); else it stays invalid, listing its issues.
   */
  @Post(':invoiceId/retry')
  @HttpCode(200)
  @ApiIfMatch('invoice ledger')
  @ApiOperation({
    operationId: 'retryInvoiceAction',
    summary: 'Retry advancing the invoice after a failed attempt',
  })
  retry(
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Invoice> {
    return this.continue(invoiceId, 'retry', ifMatch, ctx, reply);
  }

  /**
   * 200 with the invoice: one still collecting (`draft.waiting_for_collection`) takes its quantities
   * now and moves on under its workflow without waiting for the rest of its collection interval.
   */
  @Post(':invoiceId/snapshot-quantities')
  @HttpCode(200)
  @ApiIfMatch('invoice ledger')
  @ApiOperation({
    operationId: 'snapshotQuantitiesInvoiceAction',
    summary: 'Snapshot quantities for usage based line items',
  })
  snapshotQuantities(
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Invoice> {
    return this.continue(invoiceId, 'snapshotQuantities', ifMatch, ctx, reply);
  }

  /**
   * 200 with the invoice unchanged: Tally has no tax engine, so there are no tax amounts to
   * recalculate (nothing is recorded). 409 naming the status for an issued or voided invoice.
   */
  @Post(':invoiceId/taxes/recalculate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'recalculateInvoiceTaxAction',
    summary: "Recalculate an invoice's tax amounts",
  })
  recalculateTax(@Param('invoiceId') invoiceId: string, @Ctx() ctx: RequestContext): Promise<Invoice> {
    return this.actions.recalculateTax(ctx.namespace, invoiceId);
  }

  /**
   * 200 with the voided invoice. `action.action.type: "pending"` bills the period's usage again on a
   * new invoice (`replaces` names this one) at the issuer's next sweep from `nextInvoiceAt`;
   * `"discard"` bills it no more.
   */
  @Post(':invoiceId/void')
  @HttpCode(200)
  @ApiIfMatch('invoice ledger')
  @ApiOperation({ operationId: 'voidInvoiceAction', summary: 'Void an invoice' })
  async void(
    @Param('invoiceId') invoiceId: string,
    @Body() body: VoidInvoiceRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Invoice> {
    const { action } = body.action;
    const { invoice, version } = await this.actions.void(
      ctx.namespace,
      invoiceId,
      {
        reason: body.reason,
        pending: action.type === 'pending',
        ...(action.nextInvoiceAt ? { nextInvoiceAt: action.nextInvoiceAt } : {}),
      },
      { metadata: eventMetadata(ctx), ifMatch: ifMatchVersion(ifMatch) },
    );
    reply.header('etag', etagOf(version));
    return invoice;
  }

  /**
   * 204: a draft the issuer made (awaiting approval or its draft period) is deleted; its period is
   * pending again and the next sweep drafts it anew, under the customer's workflow as it is then.
   */
  @Delete(':invoiceId')
  @HttpCode(204)
  @ApiIfMatch('invoice ledger')
  @ApiOperation({ operationId: 'deleteInvoice', summary: 'Delete an invoice' })
  async delete(
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const version = await this.actions.delete(ctx.namespace, invoiceId, {
      metadata: eventMetadata(ctx),
      ifMatch: ifMatchVersion(ifMatch),
    });
    reply.header('etag', etagOf(version));
  }

  private async continue(
    invoiceId: string,
    action: 'retry' | 'snapshotQuantities',
    ifMatch: string | undefined,
    ctx: RequestContext,
    reply: FastifyReply,
  ): Promise<Invoice> {
    const { invoice, version } = await this.actions.continue(ctx.namespace, invoiceId, action, {
      metadata: eventMetadata(ctx),
      ifMatch: ifMatchVersion(ifMatch),
    });
    reply.header('etag', etagOf(version));
    return invoice;
  }

  private async act(
    invoiceId: string,
    action: 'advance' | 'approve',
    ifMatch: string | undefined,
    ctx: RequestContext,
    reply: FastifyReply,
  ): Promise<Invoice> {
    const { invoice, version } = await this.actions.act(ctx.namespace, invoiceId, action, {
      metadata: eventMetadata(ctx),
      ifMatch: ifMatchVersion(ifMatch),
    });
    reply.header('etag', etagOf(version));
    return invoice;
  }
}
