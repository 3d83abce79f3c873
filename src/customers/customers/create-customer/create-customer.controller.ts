import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { answer } from '../../../shared/http/etag';
import { CustomerErrors } from '../customer.decider';
import { CustomerView, GetCustomer } from '../customers-read-model/customers.query';
import { CreateCustomerCommand } from './create-customer.command';
import { CreateCustomerRequest } from './create-customer.dto';

@ApiTags('Customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class CreateCustomerController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the customer; 409 when its key or a subject key is another customer's. */
  @Post()
  @ApiOperation({ operationId: 'createCustomer' })
  async create(
    @Body() body: CreateCustomerRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerView> {
    const { id } = await this.commands.execute(
      new CreateCustomerCommand(ctx.namespace, body, eventMetadata(ctx)),
    );
    const created = await this.queries.execute(new GetCustomer(ctx.namespace, id));
    return answer(reply, created, CustomerErrors.notFound, `Customer ${id}`);
  }
}
