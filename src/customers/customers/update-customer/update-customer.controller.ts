import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { CustomerParams } from '../customer.params';
import { CustomerErrors } from '../customer.decider';
import { CustomerView, GetCustomer } from '../customers-read-model/customers.query';
import { UpdateCustomerCommand } from './update-customer.command';
import { UpdateCustomerRequest } from './update-customer.dto';

@ApiTags('Customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class UpdateCustomerController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Replaces the customer; 409 when a new key or subject key is another customer's. */
  @Put(':customerIdOrKey')
  @ApiIfMatch('customer')
  @ApiOperation({ operationId: 'updateCustomer' })
  async update(
    @Param() { customerIdOrKey }: CustomerParams,
    @Body() body: UpdateCustomerRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerView> {
    const { id } = await this.commands.execute(
      new UpdateCustomerCommand(
        ctx.namespace,
        customerIdOrKey,
        body,
        ifMatchVersion(ifMatch),
        eventMetadata(ctx),
      ),
    );
    const updated = await this.queries.execute(new GetCustomer(ctx.namespace, id));
    return answer(reply, updated, CustomerErrors.notFound, `Customer ${id}`);
  }
}
