import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import type { Invoice } from '../invoices/draft-invoice';
import { InvoicePendingLinesRequest } from './invoice-now.dto';
import { InvoiceNow } from './invoice-now.service';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/invoices')
export class InvoiceNowController {
  constructor(private readonly invoiceNow: InvoiceNow) {}

  /**
   * 201 with the invoices made: the customer's usage up to `asOf` invoiced now, each invoice drafted
   * or issued as its workflow says. 404 for an unknown customer; 400 when nothing is invoicable.
   */
  @Post('invoice')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'invoicePendingLinesAction',
    summary: 'Invoice a customer based on the pending line items',
  })
  invoice(@Body() body: InvoicePendingLinesRequest, @Ctx() ctx: RequestContext): Promise<Invoice[]> {
    return this.invoiceNow.invoice(
      ctx.namespace,
      {
        customerId: body.customerId,
        ...(body.asOf !== undefined && { asOf: body.asOf }),
        ...(body.progressiveBillingOverride !== undefined && {
          progressive: body.progressiveBillingOverride,
        }),
      },
      eventMetadata(ctx),
    );
  }
}
