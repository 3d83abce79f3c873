import type { RecordedEvent } from '../../event-store/event-store.port';
import { USAGE_RECORDED } from '../../ingestion';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import { applyMeterEvent, METER_EVENTS, MeterEvent } from './meter-mirror';
import { applyCustomerEvent, CUSTOMER_EVENTS } from './subject-mirror';
import { recordUsage } from './usage-intake';
import { UsageTable } from './usage-tables';

export const USAGE_PROJECTION = 'usage@v2';

/**
 * `usage@v2`: usage counted per meter and customer as it arrives. Three jobs, a file each, applied in
 * log order: the intake (`usage-intake.ts`), its own copy of the catalog's meters with their
 * backfills (`meter-mirror.ts`), and of the customers' subjects with their recounts
 * (`subject-mirror.ts`).
 */
export class UsageProjection implements Projection {
  readonly name = USAGE_PROJECTION;
  readonly handles = [USAGE_RECORDED, ...METER_EVENTS, ...CUSTOMER_EVENTS];
  readonly tables = Object.values(UsageTable);

  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    // Meter and customer events are rare; usage between two of them is applied as one run, in log order.
    let run: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type === USAGE_RECORDED) {
        run.push(event);
        continue;
      }
      if (run.length > 0) await recordUsage(run, tx);
      run = [];
      if ((CUSTOMER_EVENTS as readonly string[]).includes(event.type)) await applyCustomerEvent(event, tx);
      else await applyMeterEvent(event as unknown as MeterEvent, tx);
    }
    if (run.length > 0) await recordUsage(run, tx);
  }
}
