import { Injectable } from '@nestjs/common';
import { ProjectionsService } from '../../core/projections.service';

/**
 * Read-your-writes for queries on the read models: when the projections do not get there within the
 * configured time the answer is 503 (the filter adds `Retry-After`), never a stale read.
 */
@Injectable()
export class ReadModels {
  constructor(private readonly projections: ProjectionsService) {}

  /** Waits until the named projections hold every event acknowledged before this call. */
  catchUp(names: readonly string[]): Promise<void> {
    return this.projections.readYourWrites(names);
  }
}
