import type { LogPosition } from '../../event-store/event-store.port';
import { USAGE_PROJECTION, usageCaughtUp } from '../../metering';
import { caughtUpIn, StatementCheckpoints } from '../../projections/checkpoints-in-statement';
import type { ProjectionsService } from '../../projections/projections.service';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';

const BOTH = [ENTITLEMENTS_PROJECTION, USAGE_PROJECTION] as const;

/**
 * Read-your-writes for one value (or access) request: `entitlements@v4` before reading the
 * entitlement, then `usage@v3` only where it is metered, both up to the log head as the request
 * began. The entitlement's statement reads both checkpoints in its own snapshot while the head is
 * read beside it, so a request whose projections are caught up (the usual case) spends no round
 * trip on waiting; only one that finds them behind waits for each in turn, so a boolean or static
 * value never waits for usage: one round trip fewer on the value's hot path (BENCHMARKS.md,
 * "Entitlement value on a quiet machine").
 */
export class ValueRead {
  private readonly head: Promise<LogPosition>;
  private usageReady = false;

  constructor(private readonly projections: ProjectionsService) {
    this.head = projections.logHead();
  }

  /**
   * The entitlement read, `read` being one statement that selects `checkpointsColumn` of the
   * projections it is given beside its rows: its answer once `entitlements@v4` is shown caught up.
   */
  async entitlements<T extends { readonly checkpoints: StatementCheckpoints }>(
    read: (projections: readonly string[]) => Promise<T>,
  ): Promise<T> {
    const [first, head] = await Promise.all([read(BOTH), this.head]);
    if (caughtUpIn(first.checkpoints, [ENTITLEMENTS_PROJECTION], head)) {
      this.usageReady = caughtUpIn(first.checkpoints, [USAGE_PROJECTION], head);
      return first;
    }
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION], undefined, this.head);
    const again = await read(BOTH);
    this.usageReady = caughtUpIn(again.checkpoints, [USAGE_PROJECTION], head);
    return again;
  }

  /** For reads of several statements (the v1 subject routes): waits before they run. */
  async entitlementsCaughtUp(): Promise<void> {
    this.usageReady = await this.projections.caughtUp(BOTH, this.head);
    if (!this.usageReady)
      await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION], undefined, this.head);
  }

  async usage(): Promise<void> {
    if (this.usageReady) return;
    await usageCaughtUp(this.projections, [], this.head);
    this.usageReady = true;
  }
}
