import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import type { TallyConfig } from '../../config/config';
import { TALLY_CONFIG } from '../../config/config.module';
import { decideAndAppend } from '../../event-store/decide-and-append';
import {
  comparePositions,
  EVENT_STORE,
  EventStore,
  formatPosition,
  LOG_START,
  LogPosition,
} from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { type ChangedHour, UsageChanges, USAGE_PROJECTION } from '../../metering';
import { checkpointPosition } from '../../projections/checkpoint-position';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { isServiceUnavailable } from '../../shared/http/problem';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import { METERED_QUANTITY, MeteredQuantity } from '../invoices/metered-quantity.port';
import { invoiceLedgerDecider } from '../issue-invoices/invoice-ledger.decider';
import { INVOICE_STATUSES_PROJECTION } from '../invoice-statuses/invoice-statuses.projection';
import { ISSUED_INVOICES_PROJECTION } from '../issue-invoices/issued-invoices.projection';
import { changedHours, CorrectionsQuery } from './corrections.query';

const HOUR_MS = 3_600_000;

interface Period {
  readonly namespace: string;
  readonly invoiceId: string;
  /** The hours of its usage that changed after its latest document: only they need a look. */
  readonly hours: readonly Date[];
}

type Outcome = 'issued' | 'waiting' | 'done';

/**
 * Corrects issued periods. Each sweep finds the periods whose usage changed after their latest
 * document — late events, voids — from usage's note of the latest change per hour (only hours that
 * changed since the previous sweep; everything once after a start), and, once
 * `CORRECTION_GRACE_SECONDS` have passed since a period's first change, compares what the period is
 * worth now with what its documents billed and issues one correction for the difference. It is
 * decided and appended on the namespace's ledger like an issue, against the period's latest document:
 * several issuers, or one killed at any moment and started again, never issue two for one change.
 */
@Injectable()
export class CorrectionSweep {
  private readonly logger = new Logger('billing');
  /** Hours whose changes after this position were looked at: in memory, so a start looks at all. */
  private watermark: LogPosition = LOG_START;
  /** Periods changed since their latest document, still within the grace (or held back). */
  private readonly waiting = new Map<string, Period>();
  private sweep?: Promise<number>;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly corrections: CorrectionsQuery,
    private readonly usage: UsageChanges,
    @Inject(METERED_QUANTITY) private readonly metered: MeteredQuantity,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  /** Issues every correction that is due now; returns how many this call issued. */
  correctDue(): Promise<number> {
    this.sweep ??= this.correctDueNow().finally(() => (this.sweep = undefined));
    return this.sweep;
  }

  /** Waits for a sweep under way (shutdown). */
  async settled(): Promise<void> {
    await this.sweep?.catch(() => undefined);
  }

  private async correctDueNow(): Promise<number> {
    await this.projections.readYourWrites([
      BILLING_VIEW_PROJECTION,
      ISSUED_INVOICES_PROJECTION,
      INVOICE_STATUSES_PROJECTION,
      ...this.metered.projections,
    ]);
    const now = this.clock.now();
    // Where usage stood before looking: the next sweep looks at the hours that changed after it.
    const seen = await checkpointPosition(this.db, USAGE_PROJECTION);
    for (const period of await this.periodsChanged(await this.usage.hoursChangedAfter(this.watermark))) {
      const key = `${period.namespace}/${period.invoiceId}`;
      const known = this.waiting.get(key)?.hours ?? [];
      const hours = new Map([...known, ...period.hours].map((hour) => [hour.getTime(), hour]));
      this.waiting.set(key, { ...period, hours: [...hours.values()] });
    }
    if (comparePositions(seen, this.watermark) > 0) this.watermark = seen;
    let issued = 0;
    for (const [key, period] of this.waiting) {
      let outcome: Outcome;
      try {
        outcome = await this.correct(period, now);
      } catch (error) {
        if (isServiceUnavailable(error)) throw error;
        this.logger.error(
          `correcting invoice ${period.invoiceId} of namespace ${period.namespace} failed; retried at the next sweep: ` +
            (error instanceof Error ? (error.stack ?? error.message) : String(error)),
        );
        continue;
      }
      if (outcome !== 'waiting') this.waiting.delete(key);
      if (outcome === 'issued') issued += 1;
    }
    if (issued > 0) this.projections.nudge();
    return issued;
  }

  /**
   * The issued periods (their invoices) that one of these hours touches with a change after the
   * period's latest document.
   */
  private async periodsChanged(hours: readonly ChangedHour[]): Promise<Period[]> {
    const byNamespace = new Map<string, ChangedHour[]>();
    for (const hour of hours)
      byNamespace.set(hour.namespace, [...(byNamespace.get(hour.namespace) ?? []), hour]);
    const periods: Period[] = [];
    for (const [namespace, changed] of byNamespace) {
      const first = changed[0].hour.getTime();
      const last = changed[changed.length - 1].hour.getTime() + HOUR_MS;
      const invoices = await this.db.query<
        { id: string; period_from: Date; period_to: Date; latest_commit: string; latest_prepare: string }[]
      >(
        `SELECT id, period_from, period_to, latest_commit, latest_prepare FROM billing_invoices
         WHERE namespace = $1 AND correction_of IS NULL AND period_to > $2 AND period_from < $3
           AND NOT EXISTS (SELECT 1 FROM billing_invoice_statuses v
           WHERE v.namespace = billing_invoices.namespace AND v.id = billing_invoices.id AND v.extended_status = 'voided')`,
        [namespace, new Date(first), new Date(last)],
      );
      for (const invoice of invoices) {
        const latest = { commit: BigInt(invoice.latest_commit), prepare: BigInt(invoice.latest_prepare) };
        const touched = changedHours(changed, invoice.period_from, invoice.period_to, latest);
        if (touched.length > 0) periods.push({ namespace, invoiceId: invoice.id, hours: touched });
      }
    }
    return periods;
  }

  private async correct(period: Period, now: Date): Promise<Outcome> {
    const { namespace, invoiceId } = period;
    const documents = await this.corrections.documents(namespace, invoiceId);
    if (!documents) return 'done';
    const changes = await this.corrections.changes(documents, period.hours);
    if (changes.count === 0 || !changes.firstAt) return 'done';
    if (now.getTime() - changes.firstAt.getTime() < this.config.correctionGraceMs) return 'waiting';
    const issuedAt = now.toISOString();
    const pending = await this.corrections.pending(documents, { asOf: true, issuedAt });
    if (pending.failed) {
      this.logger.warn(
        `invoice ${invoiceId} of namespace ${namespace} customer ${documents.customerId} changed since it was issued, ` +
          `but is not corrected: ${pending.failed}; retried at the next sweep`,
      );
      return 'waiting';
    }
    if (!pending.correction || !pending.through) return 'done';
    const { events } = await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'IssueCorrection',
        data: {
          namespace,
          customerId: documents.customerId,
          subscriptionId: documents.subscriptionId,
          correctionOf: documents.original.id,
          after: documents.latestId,
          correction: pending.correction,
          billedThrough: formatPosition(pending.through),
          now: issuedAt,
        },
      },
      {
        metadata: { namespace, correlationId: ulid(), actor: { id: 'system', name: 'invoice issuer' } },
        attempts: 20,
      },
    );
    return events.length > 0 ? 'issued' : 'done';
  }
}
