import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow } from '../../auth/access.decorator';
import { ProjectionsService } from '../projections.service';

/**
 * The projections serve every namespace at once: their positions say how much the whole installation
 * writes, and a rebuild makes every namespace's reads wait. So they are the operator's (`system`),
 * not any namespace admin's.
 */
@ApiTags('Admin')
@ApiBearerAuth()
@Allow('system')
@Controller('api/v1/admin/projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  /** `[{ name, version, position, lag, state }]`, state one of running, rebuilding, stopped, failed. */
  @Get()
  @ApiOperation({ operationId: 'listProjections' })
  list() {
    return this.projections.status();
  }

  /** Replays the log into shadow tables while the current ones keep serving, then swaps them in. */
  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({ operationId: 'rebuildProjection' })
  rebuild(@Param('name') name: string) {
    return this.projections.startRebuild(name);
  }
}
