import type { LogPosition } from '../../event-store/event-store.port';
import { USAGE_PROJECTION, usageCaughtUp } from '../../metering';
import type { ProjectionsService } from '../../projections/projections.service';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';

/**
 * Read-your-writes for one value (or access) request: `entitlements@v1` before reading the
 * entitlement, then `usage@v3` only where it is metered, both up to the log head as the request
 * began. Both are usually caught up, so one checkpoint read first checks both at once; only when
 * they are not does it wait for each in turn, so a boolean or static value never waits for usage.
 * Each statement saved is a round trip on the value's hot path (BENCHMARKS.md, "Entitlement value").
 */
export class ValueRead {
  private readonly head: Promise<LogPosition>;
  private usageReady = false;

  constructor(private readonly projections: ProjectionsService) {
    this.head = projections.logHead();
  }

  async entitlements(): Promise<void> {
    this.usageReady = await this.projections.caughtUp([ENTITLEMENTS_PROJECTION, USAGE_PROJECTION], this.head);
    if (!this.usageReady)
      await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION], undefined, this.head);
  }

  async usage(): Promise<void> {
    if (this.usageReady) return;
    await usageCaughtUp(this.projections, [], this.head);
    this.usageReady = true;
  }
}
