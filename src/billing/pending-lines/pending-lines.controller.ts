import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { CustomerOverrideParams } from '../profiles/customer-override.dto';
import { CreatePendingLinesRequest } from './pending-line.dto';
import { PendingLines, PendingLinesCreated } from './pending-lines.service';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/customers')
export class PendingLinesController {
  constructor(private readonly pending: PendingLines) {}

  /**
   * 201 with the lines as priced on the customer's gathering invoice (those due in its period) and
   * that invoice. 404 for an unknown customer; 400 naming each invalid field.
   */
  @Post(':customerId/invoices/pending-lines')
  @HttpCode(201)
  @ApiOperation({ operationId: 'createPendingInvoiceLine', summary: 'Create pending line items' })
  create(
    @Param() { customerId }: CustomerOverrideParams,
    @Body() body: CreatePendingLinesRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<PendingLinesCreated> {
    return this.pending.create(ctx.namespace, customerId, body, eventMetadata(ctx));
  }
}
