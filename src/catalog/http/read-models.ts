import { Injectable } from '@nestjs/common';
import { ProjectionsService } from '../../core/projections.service';
import { DomainError } from '../../shared/errors';

/**
 * Read-your-writes for queries on the read models: when the projections do not get there within the
 * configured time the answer is 503 (the filter adds `Retry-After`), never a stale read.
 */
@Injectable()
export class ReadModels {
  constructor(private readonly projections: ProjectionsService) {}

  /** Waits until the named projections hold every event acknowledged before this call. */
  async catchUp(names: readonly string[]): Promise<void> {
    if (!(await this.projections.catchUp(names))) {
      throw new DomainError(
        'unavailable',
        'SERVICE.READ_MODEL_BEHIND',
        `The read models ${names.join(', ')} have not caught up with the latest changes yet; retry shortly`,
      );
    }
  }
}
