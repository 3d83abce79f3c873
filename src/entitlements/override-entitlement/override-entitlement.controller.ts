import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { entitlementRequestOf } from '../entitlement-owners';
import { CustomerEntitlementParams, SubjectEntitlementParams } from '../entitlement-params';
import { EntitlementCreateRequest, EntitlementCreateRequestV1 } from '../entitlement-requests.dto';
import {
  EntitlementV1View,
  EntitlementV2View,
  entitlementV1View,
  entitlementV2View,
} from '../entitlement-views';
import { GetEntitlementById } from '../read-entitlements/read-entitlements.query';
import { OverrideEntitlementCommand } from './override-entitlement.command';

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class OverrideEntitlementController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the new entitlement; the one replaced is deleted at the same instant. */
  @Put('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/override')
  @HttpCode(201)
  @ApiOperation({ operationId: 'overrideCustomerEntitlementV2', summary: 'Override a customer entitlement' })
  @ApiCreatedResponse({ type: EntitlementV2View })
  async overrideForCustomer(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Body() body: EntitlementCreateRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV2View> {
    const { id } = await this.commands.execute(
      new OverrideEntitlementCommand(
        ctx.namespace,
        { customerIdOrKey },
        entitlementIdOrFeatureKey,
        body,
        entitlementRequestOf(body, 'v2'),
        eventMetadata(ctx),
      ),
    );
    const answer = await this.queries.execute(new GetEntitlementById(ctx.namespace, id));
    return entitlementV2View(answer.items[0], answer.customers.get(answer.items[0].customerId), answer.now);
  }

  @Put('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/override')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'overrideEntitlement',
    summary: "Override an entitlement of a subject's customer",
  })
  @ApiCreatedResponse({ type: EntitlementV1View })
  async overrideForSubject(
    @Param() { subjectIdOrKey, entitlementIdOrFeatureKey }: SubjectEntitlementParams,
    @Body() body: EntitlementCreateRequestV1,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV1View> {
    const { id } = await this.commands.execute(
      new OverrideEntitlementCommand(
        ctx.namespace,
        { subject: subjectIdOrKey },
        entitlementIdOrFeatureKey,
        body,
        entitlementRequestOf(body, 'v1'),
        eventMetadata(ctx),
      ),
    );
    const answer = await this.queries.execute(new GetEntitlementById(ctx.namespace, id));
    return entitlementV1View(answer.items[0], subjectIdOrKey, answer.now);
  }
}
