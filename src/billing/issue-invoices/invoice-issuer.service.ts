import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import type { TallyConfig } from '../../config/config';
import { TALLY_CONFIG } from '../../config/config.module';
import { ProjectionsService } from '../../core/projections.service';
import { periodsBetween } from '../../customers/subscriptions/billing-period';
import type { Subscription } from '../../customers/subscriptions/subscription.decider';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { CLOCK, Clock } from '../../shared/clock';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import { invoiceIdFor } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { METERED_QUANTITY, MeteredQuantity } from '../invoices/metered-quantity.port';
import { periodPlanAt } from '../invoices/subscription-period';
import { invoiceLedgerDecider } from './invoice-ledger.decider';
import { ISSUED_INVOICES_PROJECTION } from './issued-invoices.projection';

const SWEEP_INTERVAL_MS = 30_000;

/**
 * Closes billing periods: once a period has ended and the collection grace has passed (late usage
 * still counts until then), its draft becomes an issued, immutable invoice. Runs where projections
 * run; any number of issuers may sweep at once, since the ledger refuses a second issue of a period.
 */
@Injectable()
export class InvoiceIssuer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('billing');
  private timer?: NodeJS.Timeout;
  private sweep?: Promise<number>;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly previews: InvoicePreviewQuery,
    @Inject(METERED_QUANTITY) private readonly metered: MeteredQuantity,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runProjections) return;
    this.timer = setInterval(() => {
      this.issueDue().catch((error) =>
        this.logger.error(`issuing invoices failed: ${error instanceof Error ? error.message : error}`),
      );
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweep?.catch(() => undefined);
  }

  /** Issues every period that is due now; returns how many invoices this call issued. */
  issueDue(): Promise<number> {
    this.sweep ??= this.issueDueNow().finally(() => (this.sweep = undefined));
    return this.sweep;
  }

  private async issueDueNow(): Promise<number> {
    // Everything the drafts read, as of now — past every period's collection cutoff — or nothing is
    // issued (503): an issued invoice never changes, so it must not be drafted from a lagging view.
    await this.projections.readYourWrites([
      BILLING_VIEW_PROJECTION,
      ISSUED_INVOICES_PROJECTION,
      ...this.metered.projections,
    ]);
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.collectionGraceMs).toISOString();
    const rows = await this.db.query<
      { namespace: string; customer_id: string; subscription: Subscription; active_to: Date | null }[]
    >(
      `SELECT namespace, customer_id, subscription, active_to FROM billing_subscriptions WHERE active_from < $1
       ORDER BY namespace, active_from, id`,
      [cutoff],
    );
    let issued = 0;
    for (const row of rows) {
      const billed = {
        subscription: row.subscription,
        ...(row.active_to ? { activeTo: row.active_to.toISOString() } : {}),
      };
      const until = billed.activeTo && billed.activeTo < cutoff ? billed.activeTo : cutoff;
      const { billingAnchor, billingCadence, activeFrom } = row.subscription;
      if (until <= activeFrom) continue;
      for (const period of periodsBetween(billingAnchor, billingCadence, activeFrom, until)) {
        const start = period.from > activeFrom ? period.from : activeFrom;
        const plan = periodPlanAt(billed, start);
        if (!plan || plan.usageWindow.to > cutoff) continue; // not over yet, or still in its grace
        if (await this.isIssued(row.namespace, invoiceIdFor(row.subscription.id, plan.period))) continue;
        const customer = await this.previews.customer(row.namespace, row.customer_id);
        if (!customer) continue;
        const invoice = await this.previews.draft(row.namespace, customer, billed, plan);
        const { events } = await decideAndAppend(
          this.store,
          invoiceLedgerStream(row.namespace),
          invoiceLedgerDecider,
          {
            type: 'IssueInvoice',
            data: {
              namespace: row.namespace,
              customerId: customer.id,
              subscriptionId: row.subscription.id,
              invoice,
              now: now.toISOString(),
            },
          },
          {
            metadata: {
              namespace: row.namespace,
              correlationId: ulid(),
              actor: { id: 'system', name: 'invoice issuer' },
            },
            attempts: 20,
          },
        );
        issued += events.length;
      }
    }
    if (issued > 0) this.projections.nudge();
    return issued;
  }

  private async isIssued(namespace: string, invoiceId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM billing_invoices WHERE namespace = $1 AND id = $2`, [
      namespace,
      invoiceId,
    ]);
    return rows.length > 0;
  }
}
