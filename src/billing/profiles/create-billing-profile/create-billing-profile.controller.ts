import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ulid } from 'ulid';
import { Ctx, eventMetadata, RequestContext } from '../../../auth/request-context';
import { CreateBillingProfileRequest } from '../billing-profile.dto';
import { BillingProfiles } from '../billing-profiles.service';
import {
  BillingProfilesQuery,
  BillingProfileView,
} from '../billing-profiles-read-model/billing-profiles.query';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/profiles')
export class CreateBillingProfileController {
  constructor(
    private readonly profiles: BillingProfiles,
    private readonly query: BillingProfilesQuery,
  ) {}

  /** 201 with the profile, every workflow setting filled in; `default: true` unsets the previous default. */
  @Post()
  @ApiOperation({ operationId: 'createBillingProfile', summary: 'Create a new billing profile' })
  async create(
    @Body() body: CreateBillingProfileRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<BillingProfileView> {
    const id = ulid();
    await this.profiles.decide(
      ctx.namespace,
      {
        type: 'CreateBillingProfile',
        data: {
          namespace: ctx.namespace,
          id,
          name: body.name,
          description: body.description,
          metadata: body.metadata ?? undefined,
          supplier: { ...body.supplier },
          default: body.default,
          workflow: body.workflow,
          apps: body.apps && { ...body.apps },
        },
      },
      eventMetadata(ctx),
    );
    return this.query.get(ctx.namespace, id);
  }
}
