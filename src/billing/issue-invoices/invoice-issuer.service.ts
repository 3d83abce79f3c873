import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import type { TallyConfig } from '../../config/config';
import { TALLY_CONFIG } from '../../config/config.module';
import { ProjectionsService } from '../../projections/projections.service';
import type { Subscription } from '../../customers';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore, formatPosition, LogPosition } from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { CLOCK, Clock } from '../../shared/clock';
import { isServiceUnavailable } from '../../shared/http/problem';
import { usageCaughtUp } from '../../metering';
import { Metrics } from '../../telemetry/metrics';
import { traced } from '../../telemetry/tracing';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import { CorrectionSweep } from '../corrections/correction-sweep.service';
import { INVOICE_STATUSES_PROJECTION } from '../invoice-statuses/invoice-statuses.projection';
import { DocumentRef, hasCriticalIssues, Invoice, invoiceIdFor } from '../invoices/draft-invoice';
import { InvoiceStatusesQuery, RecordedDraft } from '../invoice-statuses/invoice-statuses.query';
import { billedOf, CUTS_SQL, InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { METERED_QUANTITY, MeteredQuantity } from '../invoices/metered-quantity.port';
import { closedPeriods, invoicePeriodOf } from '../invoices/subscription-period';
import { BillingProfilesState, effectiveWorkflow } from '../profiles/billing-profiles.decider';
import { BillingProfiles } from '../profiles/billing-profiles.service';
import { subtractWorkflowDuration } from '../profiles/workflow';
import { invoiceLedgerDecider, issuingProfileOf } from './invoice-ledger.decider';
import { ISSUED_INVOICES_PROJECTION } from './issued-invoices.projection';
import { PENDING_LINES_PROJECTION } from '../pending-lines/pending-lines.projection';

/**
 * Closes billing periods: once a period has ended and the customer's collection interval has passed
 * (its billing profile's `workflow.collection.interval`, or its override's; late usage still counts
 * until then), its invoice is issued — at once with auto-advance and no draft period, else once it
 * has been a draft for `draftPeriod`, or when approved (`autoAdvance: false`); the ledger decides
 * which. An issued invoice is immutable and bills the usage at or before the log position its
 * figures were read at. Each sweep then has the issued periods that
 * changed since corrected (`CorrectionSweep`). Runs where projections run; any number of issuers may
 * sweep at once, since the ledger refuses a second issue of a period.
 */
@Injectable()
export class InvoiceIssuer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('billing');
  private timer?: NodeJS.Timeout;
  private sweep?: Promise<number>;
  /** The one sweep queued behind the running one, for the callers that joined it (see `issueDue`). */
  private queued?: Promise<number>;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly previews: InvoicePreviewQuery,
    @Inject(METERED_QUANTITY) private readonly metered: MeteredQuantity,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
    private readonly corrections: CorrectionSweep,
    private readonly metrics: Metrics,
    private readonly profiles: BillingProfiles,
    private readonly statuses: InvoiceStatusesQuery,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runProjections) return;
    let sweeping = false;
    this.timer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      void this.issueDue()
        .catch((error) => this.stopped('issuing invoices', error))
        .then(() => this.corrections.correctDue())
        .catch((error) => this.stopped('correcting invoices', error))
        .finally(() => (sweeping = false));
    }, this.config.invoiceSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweep?.catch(() => undefined);
    await this.queued?.catch(() => undefined);
    await this.corrections.settled();
  }

  /** Read models behind or the database away: nothing more this sweep, the next one tries again. */
  private stopped(what: string, error: unknown): void {
    const message = `${what} stopped for this sweep: ${error instanceof Error ? error.message : String(error)}`;
    if (isServiceUnavailable(error)) this.logger.warn(message);
    else this.logger.error(message);
  }

  /**
   * Issues every period that is due now; returns how many invoices the sweep answering this call
   * issued. A sweep already running may have read before the caller's writes, so a call made while
   * one runs gets the next sweep, started once it ends; the calls made meanwhile share that one
   * (at most one queued), so sweeps never pile up however many callers wait.
   */
  issueDue(): Promise<number> {
    if (this.sweep === undefined) {
      this.sweep = traced('billing.issue_invoices', {}, () => this.issueDueNow()).finally(
        () => (this.sweep = undefined),
      );
      return this.sweep;
    }
    this.queued ??= this.sweep
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.issueDue();
      });
    return this.queued;
  }

  /**
   * One sweep over every subscription of every namespace. A subscription whose period cannot be
   * issued — a critical validation issue on its invoice, or any failure of its own — is logged with
   * its ids and stays a `draft` in the invoice list (`draft.invalid` with its issues), its later
   * periods waiting behind it; the sweep goes on with the next subscription and tries it again next
   * time. Only the service being unavailable (503: the database, read models behind) ends a sweep.
   */
  private async issueDueNow(): Promise<number> {
    // Everything the drafts read, as of now — past every period's collection cutoff — or nothing is
    // issued (503): an issued invoice never changes, so it must not be drafted from a lagging view.
    await this.projections.readYourWrites([
      BILLING_VIEW_PROJECTION,
      ISSUED_INVOICES_PROJECTION,
      INVOICE_STATUSES_PROJECTION,
      PENDING_LINES_PROJECTION,
      ...this.metered.projections,
    ]);
    const now = this.clock.now();
    // Each customer's cutoff is its own (its collection interval); subscriptions not started yet wait.
    const started = now.toISOString();
    const rows = await this.db.query<
      {
        namespace: string;
        customer_id: string;
        subscription: Subscription;
        active_to: Date | null;
        next_subscription_id: string | null;
        issued_to: Date | null;
        cuts: Date[];
      }[]
    >(
      `SELECT s.namespace, s.customer_id, s.subscription, s.active_to, s.next_subscription_id, i.issued_to,
         ${CUTS_SQL}
       FROM billing_subscriptions s
       LEFT JOIN (SELECT namespace, subscription_id, max(period_to) AS issued_to FROM billing_invoices
                  GROUP BY namespace, subscription_id) i ON i.namespace = s.namespace AND i.subscription_id = s.id
       WHERE s.active_from < $1 ORDER BY s.namespace, s.active_from, s.id`,
      [started],
    );
    // Read from the log, deciding nothing: a namespace's default is made when it first issues.
    const settings = new Map<string, BillingProfilesState>();
    const cutoffFor = async (namespace: string, customerId: string) => {
      if (!settings.has(namespace)) settings.set(namespace, await this.profiles.current(namespace));
      const effective = effectiveWorkflow(settings.get(namespace)!, customerId);
      const interval = effective?.workflow.collection.interval ?? this.profiles.defaultCollectionInterval();
      return subtractWorkflowDuration(started, interval);
    };
    const drafts = new Map<string, Map<string, RecordedDraft>>();
    const draftsOf = async (namespace: string) => {
      if (!drafts.has(namespace)) drafts.set(namespace, await this.statuses.pending(namespace));
      return drafts.get(namespace)!;
    };
    let issued = 0;
    for (const row of rows) {
      const billed = billedOf(row);
      const ids = `namespace ${row.namespace} customer ${row.customer_id} subscription ${row.subscription.id}`;
      let period: string | undefined;
      try {
        const cutoff = await cutoffFor(row.namespace, row.customer_id);
        for (const plan of closedPeriods(billed, cutoff, row.issued_to?.toISOString())) {
          const invoicePeriod = invoicePeriodOf(plan);
          period = `${invoicePeriod.from}..${invoicePeriod.to}`;
          // A draft waiting for approval or its draft period: nothing to read or decide this sweep.
          const draft = (await draftsOf(row.namespace)).get(invoiceIdFor(row.subscription.id, invoicePeriod));
          if (
            draft &&
            (draft.extendedStatus === 'draft.manual_approval_needed' || started < draft.draftUntil)
          )
            break;
          const customer = await this.previews.customer(row.namespace, row.customer_id);
          if (!customer) break;
          const { invoice, through } = await this.previews.draft(row.namespace, customer, billed, plan);
          if (hasCriticalIssues(invoice) || !through) {
            const problems = invoice.validationIssues.filter((issue) => issue.severity === 'critical');
            this.logger.warn(
              `invoice ${invoice.id} of ${ids} period ${period} not issued: ` +
                problems.map((issue) => `${issue.code} ${issue.message}`).join('; '),
            );
            this.metrics.invoiceNotIssued(row.namespace, 'critical_issue');
            break; // the subscription's later periods wait for this one
          }
          const count = await traced('billing.issue_invoice', { 'tally.namespace': row.namespace }, () =>
            this.issue(row.namespace, customer.id, row.subscription.id, invoice, through, now),
          );
          this.metrics.invoicesIssued(row.namespace, count);
          issued += count;
          if (count === 0) break; // a draft (waiting its draft period or approval): later periods wait behind it
        }
      } catch (error) {
        if (isServiceUnavailable(error)) throw error;
        this.metrics.invoiceNotIssued(row.namespace, 'error');
        this.logger.error(
          `issuing ${ids}${period ? ` period ${period}` : ''} failed; retried at the next sweep: ` +
            (error instanceof Error ? (error.stack ?? error.message) : String(error)),
        );
      }
    }
    issued += await this.rebill(now);
    if (issued > 0) this.projections.nudge();
    return issued;
  }

  /**
   * Bills again the periods of voided invoices whose usage went back to pending: each on a new
   * invoice linked to the voided one (`replaces`), with the period's figures as they are now, issued
   * at once. One period's failure is logged and retried at the next sweep, as for any period.
   */
  private async rebill(now: Date): Promise<number> {
    let issued = 0;
    for (const due of await this.statuses.rebillsDue(now.toISOString())) {
      const ids = `namespace ${due.namespace} voided invoice ${due.voided.id} re-bill ${due.rebillId}`;
      try {
        await usageCaughtUp(this.projections, this.metered.projections);
        const read = await this.previews.draftOfIssued(due.namespace, due, true, true);
        if (!read || !read.through || hasCriticalIssues(read.invoice)) {
          this.logger.warn(`${ids} not issued: its period's figures cannot be read now`);
          this.metrics.invoiceNotIssued(due.namespace, 'critical_issue');
          continue;
        }
        const invoice = rebilled(read.invoice, due.rebillId);
        const count = await this.issue(
          due.namespace,
          due.customerId,
          due.subscriptionId,
          invoice,
          read.through,
          now,
          due.voided,
        );
        this.metrics.invoicesIssued(due.namespace, count);
        issued += count;
      } catch (error) {
        if (isServiceUnavailable(error)) throw error;
        this.metrics.invoiceNotIssued(due.namespace, 'error');
        this.logger.error(
          `issuing ${ids} failed; retried at the next sweep: ` +
            (error instanceof Error ? (error.stack ?? error.message) : String(error)),
        );
      }
    }
    return issued;
  }

  private async issue(
    namespace: string,
    customerId: string,
    subscriptionId: string,
    invoice: Invoice,
    billedThrough: LogPosition,
    now: Date,
    replaces?: DocumentRef,
  ): Promise<number> {
    const metadata = { namespace, correlationId: ulid(), actor: { id: 'system', name: 'invoice issuer' } };
    // What the invoice is issued under, snapshotted on it: the profile as the log has it now.
    const profile = issuingProfileOf(
      effectiveWorkflow(await this.profiles.ensureDefault(namespace, metadata), customerId),
    );
    const { events } = await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'IssueInvoice',
        data: {
          namespace,
          customerId,
          subscriptionId,
          invoice,
          billedThrough: formatPosition(billedThrough),
          ...(profile && { profile }),
          ...(replaces ? { replaces } : {}),
          now: now.toISOString(),
        },
      },
      { metadata, attempts: 20 },
    );
    return events.filter((event) => event.type === 'InvoiceIssued').length;
  }
}

/** A voided period's invoice under its re-bill's own id: a new document, never the voided one again. */
function rebilled(invoice: Invoice, id: string): Invoice {
  return { ...invoice, id, lines: invoice.lines.map((line) => ({ ...line, invoice: { id } })) };
}
