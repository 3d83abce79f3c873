import { Controller, Delete, HttpCode, Param, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { IsInstant } from '../../shared/http/is-instant';
import { IfPresent } from '../../shared/http/list-params';
import { GrantIdParams } from '../entitlement-params';
import { VoidGrantCommand } from './void-grant.command';

export class VoidGrantParams {
  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now; truncated to the minute' })
  @IfPresent()
  @IsInstant()
  at?: string;
}

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller('api/v1/grants')
export class VoidGrantController {
  constructor(private readonly commands: CommandBus) {}

  /** 204; voiding again is a no-op. 400 for a void in the future or before the usage period in progress. */
  @Delete(':grantId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'voidGrant', summary: 'Void a grant' })
  @ApiNoContentResponse()
  async void(
    @Param() { grantId }: GrantIdParams,
    @Query() { at }: VoidGrantParams,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(new VoidGrantCommand(ctx.namespace, grantId, at, eventMetadata(ctx)));
  }
}
