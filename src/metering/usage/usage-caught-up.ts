import type { LogPosition } from '../../event-store/event-store.port';
import type { ProjectionsService } from '../../projections/projections.service';
import { MeteringErrorCode } from '../metering-errors';
import { USAGE_PROJECTION } from './usage.projection';

const USAGE_BEHIND = {
  code: MeteringErrorCode.NOT_CAUGHT_UP,
  message: 'Usage is still being counted and the answer would be stale; retry shortly',
};

/**
 * Read-your-writes for every usage read: waits (bounded) until `usage@v3`, and the other projections
 * the read joins (`customers@v1` for attribution), have applied everything in the log when the read
 * began (`head`, where the read took it already: `ProjectionsService.logHead`); answers 503 rather
 * than a silently stale number.
 */
export function usageCaughtUp(
  projections: ProjectionsService,
  alsoReading: readonly string[] = [],
  head?: Promise<LogPosition>,
): Promise<void> {
  return projections.readYourWrites([USAGE_PROJECTION, ...alsoReading], USAGE_BEHIND, head);
}
