import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { Owner, grantRequestOf } from '../entitlement-owners';
import { CustomerEntitlementParams, SubjectEntitlementParams } from '../entitlement-params';
import { GrantCreateRequest, GrantCreateRequestV1 } from '../entitlement-requests.dto';
import { GrantView, grantView } from '../entitlement-views';
import { ListGrants } from '../read-grants/read-grants.query';
import { CreateGrantCommand } from './create-grant.command';

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class CreateGrantController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the grant; 400 for one before the usage period in progress, 403 on an entitlement a subscription provides. */
  @Post('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants')
  @ApiOperation({
    operationId: 'createCustomerEntitlementGrantV2',
    summary: 'Grant usage to a metered entitlement',
  })
  @ApiCreatedResponse({ type: GrantView })
  createForCustomer(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Body() body: GrantCreateRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<GrantView> {
    return this.create({ customerIdOrKey }, entitlementIdOrFeatureKey, grantRequestOf(body, 'v2'), ctx);
  }

  @Post('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants')
  @ApiOperation({ operationId: 'createGrant', summary: 'Grant usage to a metered entitlement' })
  @ApiCreatedResponse({ type: GrantView })
  createForSubject(
    @Param() { subjectIdOrKey, entitlementIdOrFeatureKey }: SubjectEntitlementParams,
    @Body() body: GrantCreateRequestV1,
    @Ctx() ctx: RequestContext,
  ): Promise<GrantView> {
    return this.create(
      { subject: subjectIdOrKey },
      entitlementIdOrFeatureKey,
      grantRequestOf(body, 'v1'),
      ctx,
    );
  }

  private async create(
    owner: Owner,
    idOrFeatureKey: string,
    grant: ReturnType<typeof grantRequestOf>,
    ctx: RequestContext,
  ): Promise<GrantView> {
    const { id } = await this.commands.execute(
      new CreateGrantCommand(ctx.namespace, owner, idOrFeatureKey, grant, eventMetadata(ctx)),
    );
    const answer = await this.queries.execute(
      new ListGrants(ctx.namespace, {
        entitlement: { owner, idOrFeatureKey },
        includeDeleted: true,
        limit: 10_000,
        offset: 0,
      }),
    );
    return grantView(
      answer.items.find((item) => item.data.id === id)!,
      answer.now,
    );
  }
}
