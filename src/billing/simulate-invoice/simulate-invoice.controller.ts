import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../../auth/request-context';
import { GetCustomer } from '../../customers';
import { notFound } from '../../shared/errors';
import { CustomerOverrideParams } from '../profiles/customer-override.dto';
import { SimulateInvoiceRequest } from './simulate-invoice.dto';
import { SimulatedInvoice, simulateInvoice } from './simulated-invoice';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/customers')
export class SimulateInvoiceController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * 200 with the invoice the given lines would make for the customer, priced as every invoice is;
   * nothing is stored. 404 for an unknown customer; 400 naming each invalid line field.
   */
  @Post(':customerId/invoices/simulate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'simulateInvoice', summary: 'Simulate an invoice for a customer' })
  async simulate(
    @Param() { customerId }: CustomerOverrideParams,
    @Body() body: SimulateInvoiceRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<SimulatedInvoice> {
    const found = await this.queries.execute(new GetCustomer(ctx.namespace, customerId));
    if (found === undefined || found.view.deletedAt !== undefined)
      throw notFound('BILLING.CUSTOMER_NOT_FOUND', `Customer ${customerId} not found`);
    const customer = found.view;
    return simulateInvoice({
      namespace: ctx.namespace,
      customer: {
        id: customer.id,
        ...(customer.key !== undefined && { key: customer.key }),
        name: customer.name,
        subjectKeys: customer.usageAttribution.subjectKeys,
      },
      currency: body.currency,
      number: body.number,
      lines: body.lines.map((line) => ({
        id: line.id,
        name: line.name,
        description: line.description,
        metadata: line.metadata ?? undefined,
        period: { from: line.period.from, to: line.period.to },
        invoiceAt: line.invoiceAt,
        quantity: line.quantity,
        featureKey: line.rateCard?.featureKey ?? line.featureKey,
        price: line.rateCard ? line.rateCard.price : line.price,
        discounts: line.rateCard?.discounts,
      })),
    });
  }
}
