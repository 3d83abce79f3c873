import type { RecordedEvent } from '../../event-store/event-store.port';
import { USAGE_RECORDED, USAGE_VOIDED } from '../../ingestion';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import { applyMeterEvent, METER_EVENTS, MeterEvent } from './meter-mirror';
import { applyCustomerEvent, CUSTOMER_EVENTS } from './subject-mirror';
import { recordUsage } from './usage-intake';
import { UsageTable } from './usage-tables';
import { applyVoids } from './usage-voids';

export const USAGE_PROJECTION = 'usage@v3';

/**
 * `usage@v3`: usage counted per meter and customer as it arrives. Four jobs, a file each, applied in
 * log order: the intake (`usage-intake.ts`), voids and the recounts they need (`usage-voids.ts`), its
 * own copy of the catalog's meters with their backfills (`meter-mirror.ts`), and of the customers'
 * subjects with their recounts (`subject-mirror.ts`). (v3: voids.)
 */
export class UsageProjection implements Projection {
  readonly name = USAGE_PROJECTION;
  readonly handles = [USAGE_RECORDED, USAGE_VOIDED, ...METER_EVENTS, ...CUSTOMER_EVENTS];
  readonly tables = Object.values(UsageTable);

  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    // Usage and voids come in runs of one type, applied as one in log order; meter and customer
    // events, which are rare, one by one between them.
    let run: RecordedEvent[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      if (run[0].type === USAGE_RECORDED) await recordUsage(run, tx);
      else await applyVoids(run, tx);
      run = [];
    };
    for (const event of events) {
      if (event.type === USAGE_RECORDED || event.type === USAGE_VOIDED) {
        if (run.length > 0 && run[0].type !== event.type) await flush();
        run.push(event);
        continue;
      }
      await flush();
      if ((CUSTOMER_EVENTS as readonly string[]).includes(event.type)) await applyCustomerEvent(event, tx);
      else await applyMeterEvent(event as unknown as MeterEvent, tx);
    }
    await flush();
  }
}
