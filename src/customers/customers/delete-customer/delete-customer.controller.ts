import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, ifMatchVersion } from '../../../shared/http/etag';
import { CustomerParams } from '../customer.params';
import { DeleteCustomerCommand } from './delete-customer.command';

@ApiTags('Customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class DeleteCustomerController {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 409 while the customer has a subscription that has not ended. */
  @Delete(':customerIdOrKey')
  @HttpCode(204)
  @ApiIfMatch('customer')
  @ApiOperation({ operationId: 'deleteCustomer' })
  async delete(
    @Param() { customerIdOrKey }: CustomerParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteCustomerCommand(ctx.namespace, customerIdOrKey, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
  }
}
