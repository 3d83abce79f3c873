import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { entitlementRequestOf } from '../entitlement-owners';
import { CustomerParams, SubjectParams } from '../entitlement-params';
import { EntitlementCreateRequest, EntitlementCreateRequestV1 } from '../entitlement-requests.dto';
import {
  EntitlementV1View,
  EntitlementV2View,
  entitlementV1View,
  entitlementV2View,
} from '../entitlement-views';
import { GetEntitlementById } from '../read-entitlements/read-entitlements.query';
import { CreateEntitlementCommand } from './create-entitlement.command';

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class CreateEntitlementController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the entitlement; 409 while the customer has another in force to the feature (override it). */
  @Post('api/v2/customers/:customerIdOrKey/entitlements')
  @ApiOperation({ operationId: 'createCustomerEntitlementV2', summary: 'Create a customer entitlement' })
  @ApiCreatedResponse({ type: EntitlementV2View })
  async createForCustomer(
    @Param() { customerIdOrKey }: CustomerParams,
    @Body() body: EntitlementCreateRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV2View> {
    const { id } = await this.commands.execute(
      new CreateEntitlementCommand(
        ctx.namespace,
        { customerIdOrKey },
        body,
        entitlementRequestOf(body, 'v2'),
        eventMetadata(ctx),
      ),
    );
    const answer = await this.queries.execute(new GetEntitlementById(ctx.namespace, id));
    return entitlementV2View(answer.items[0], answer.customers.get(answer.items[0].customerId), answer.now);
  }

  @Post('api/v1/subjects/:subjectIdOrKey/entitlements')
  @ApiOperation({
    operationId: 'createEntitlement',
    summary: "Create an entitlement for a subject's customer",
  })
  @ApiCreatedResponse({ type: EntitlementV1View })
  async createForSubject(
    @Param() { subjectIdOrKey }: SubjectParams,
    @Body() body: EntitlementCreateRequestV1,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV1View> {
    const { id } = await this.commands.execute(
      new CreateEntitlementCommand(
        ctx.namespace,
        { subject: subjectIdOrKey },
        body,
        entitlementRequestOf(body, 'v1'),
        eventMetadata(ctx),
      ),
    );
    const answer = await this.queries.execute(new GetEntitlementById(ctx.namespace, id));
    return entitlementV1View(answer.items[0], subjectIdOrKey, answer.now);
  }
}
