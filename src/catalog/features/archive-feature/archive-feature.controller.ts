import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, ifMatchVersion } from '../../../shared/http/etag';
import { FeatureParams } from '../feature.params';
import { ArchiveFeatureCommand } from './archive-feature.command';

@ApiTags('Features')
@ApiBearerAuth()
@Controller('api/v1/features')
export class ArchiveFeatureController {
  constructor(private readonly commands: CommandBus) {}

  /** Archives the feature (204); archiving it again is a no-op. */
  @Delete(':featureId')
  @HttpCode(204)
  @ApiIfMatch('feature')
  @ApiOperation({ operationId: 'deleteFeature' })
  async archive(
    @Param() { featureId }: FeatureParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new ArchiveFeatureCommand(ctx.namespace, featureId, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
  }
}
