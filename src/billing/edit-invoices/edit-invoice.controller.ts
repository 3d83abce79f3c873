import { Body, Controller, Headers, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { ApiIfMatch, etagOf, ifMatchVersion } from '../../shared/http/etag';
import type { Invoice } from '../invoices/draft-invoice';
import { UpdateInvoiceRequest } from './edit-invoice.dto';
import { EditInvoice } from './edit-invoice.service';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/invoices')
export class EditInvoiceController {
  constructor(private readonly edits: EditInvoice) {}

  /**
   * 200 with the draft as edited: its description, metadata, supplier and customer snapshot and
   * workflow settings replaced; it is issued with them. 409 naming the status once it is issued.
   */
  @Put(':invoiceId')
  @HttpCode(200)
  @ApiIfMatch('invoice ledger')
  @ApiOperation({ operationId: 'updateInvoice', summary: 'Update an invoice' })
  async update(
    @Param('invoiceId') invoiceId: string,
    @Body() body: UpdateInvoiceRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Invoice> {
    const { key, name, taxId, addresses } = body.customer;
    const { invoicing, payment } = body.workflow.workflow;
    const { invoice, version } = await this.edits.edit(
      ctx.namespace,
      invoiceId,
      {
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.metadata ? { metadata: body.metadata } : {}),
        supplier: { ...body.supplier },
        customer: {
          ...(name !== undefined ? { name } : {}),
          ...(taxId !== undefined ? { taxId: { ...taxId } } : {}),
          ...(addresses !== undefined ? { addresses: addresses.map((address) => ({ ...address })) } : {}),
        },
        workflow: {
          ...(invoicing ? { invoicing: { ...invoicing } } : {}),
          ...(payment ? { payment: { ...payment } } : {}),
        },
        ...(key !== undefined ? { customerKey: key } : {}),
        lines: body.lines,
      },
      { metadata: eventMetadata(ctx), ifMatch: ifMatchVersion(ifMatch) },
    );
    reply.header('etag', etagOf(version));
    return invoice;
  }
}
