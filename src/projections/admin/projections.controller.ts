import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/access.decorator';
import { ProjectionsService } from '../../core/projections.service';

@ApiTags('Admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/v1/admin/projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  /** `[{ name, version, position, lag, state }]`, state one of running, rebuilding, stopped, failed. */
  @Get()
  list() {
    return this.projections.status();
  }

  /** Replays the log into shadow tables while the current ones keep serving, then swaps them in. */
  @Post(':name/rebuild')
  @HttpCode(202)
  rebuild(@Param('name') name: string) {
    return this.projections.startRebuild(name);
  }
}
