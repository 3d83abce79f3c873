import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { answer } from '../../../shared/http/etag';
import { FeatureView, GetFeature } from '../features-read-model/features.query';
import { CreateFeatureCommand } from './create-feature.command';
import { CreateFeatureRequest } from './create-feature.dto';

@ApiTags('Features')
@ApiBearerAuth()
@Controller('api/v1/features')
export class CreateFeatureController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the feature; 409 when a live feature has the key; 400 when the meter is missing or unsuitable. */
  @Post()
  @ApiOperation({ operationId: 'createFeature' })
  async create(
    @Body() body: CreateFeatureRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeatureView> {
    const { id } = await this.commands.execute(
      new CreateFeatureCommand(ctx.namespace, body, eventMetadata(ctx)),
    );
    const created = await this.queries.execute(new GetFeature(ctx.namespace, id));
    return answer(reply, created, CatalogErrorCode.FEATURE_NOT_FOUND, `Feature ${id}`);
  }
}
