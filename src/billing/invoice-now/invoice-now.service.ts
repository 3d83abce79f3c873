import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Subscription } from '../../customers';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore, formatPosition } from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { usageCaughtUp } from '../../metering';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { conflict, invalid, notFound } from '../../shared/errors';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import { INVOICE_STATUSES_PROJECTION } from '../invoice-statuses/invoice-statuses.projection';
import { InvoiceStatusesQuery } from '../invoice-statuses/invoice-statuses.query';
import { hasCriticalIssues, type Invoice, invoiceIdFor } from '../invoices/draft-invoice';
import {
  billedOf,
  CUTS_SQL,
  InvoicePreviewQuery,
  oneOffSubscriptionId,
} from '../invoices/invoice-preview.query';
import { METERED_QUANTITY, MeteredQuantity } from '../invoices/metered-quantity.port';
import { closedPeriods, invoicePeriodOf } from '../invoices/subscription-period';
import { type InvoicePendingLines, invoiceLedgerDecider } from '../issue-invoices/invoice-ledger.decider';
import { ISSUED_INVOICES_PROJECTION } from '../issue-invoices/issued-invoices.projection';
import { PENDING_LINES_PROJECTION } from '../pending-lines/pending-lines.projection';
import { effectiveWorkflow } from '../profiles/billing-profiles.decider';
import { DEFAULT_WORKFLOW } from '../profiles/workflow';
import { BillingProfiles } from '../profiles/billing-profiles.service';
import { InvoicesQuery } from '../read-invoices/invoices.query';

interface Row {
  subscription: Subscription;
  active_to: Date | null;
  next_subscription_id: string | null;
  issued_to: Date | null;
  cuts: Date[];
}

/**
 * Invoice-now (`invoicePendingLinesAction`): what a customer owes up to `asOf` becomes invoices
 * now — each period over but not invoiced yet, and, with progressive billing (the request's override,
 * else the customer's workflow, as OpenMeter decides it), the open period's usage from its start (or
 * the last cut) to `asOf`, the period cut there. Without it the open period waits for its end. Each invoice follows the customer's effective
 * workflow as a closed period's does (a draft, or issued at once), and the period's own invoice then
 * starts from `asOf`. The invoices are read at one log position and appended in one decision on the
 * namespace's ledger, which refuses (409) a span already drafted or issued: of two concurrent
 * invoice-nows, or one racing the sweep, one wins.
 */
@Injectable()
export class InvoiceNow {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly previews: InvoicePreviewQuery,
    private readonly drafts: InvoiceStatusesQuery,
    private readonly invoices: InvoicesQuery,
    private readonly profiles: BillingProfiles,
    @Inject(METERED_QUANTITY) private readonly metered: MeteredQuantity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async invoice(
    namespace: string,
    request: { readonly customerId: string; readonly asOf?: string; readonly progressive?: boolean },
    metadata: EventMetadata,
  ): Promise<Invoice[]> {
    const now = this.clock.now().toISOString();
    const asOf = request.asOf === undefined ? now : new Date(request.asOf).toISOString();
    if (asOf > now) {
      throw invalid('BILLING.INVOICE_NOW_INVALID', 'asOf is in the future', [
        { field: 'asOf', message: `must not be after now (${now})` },
      ]);
    }
    await usageCaughtUp(this.projections, [
      BILLING_VIEW_PROJECTION,
      ISSUED_INVOICES_PROJECTION,
      INVOICE_STATUSES_PROJECTION,
      PENDING_LINES_PROJECTION,
      ...this.metered.projections,
    ]);
    const customer = await this.previews.customer(namespace, request.customerId);
    if (!customer) throw notFound('BILLING.CUSTOMER_NOT_FOUND', `Customer ${request.customerId} not found`);
    const rows = await this.db.query<Row[]>(
      `SELECT s.subscription, s.active_to, s.next_subscription_id, ${CUTS_SQL},
         (SELECT max(period_to) FROM billing_invoices
          WHERE namespace = s.namespace AND subscription_id = s.id) AS issued_to
       FROM billing_subscriptions s
       WHERE s.namespace = $1 AND s.customer_id = $2 AND s.active_from < $3 ORDER BY s.active_from, s.id`,
      [namespace, customer.id, asOf],
    );
    const invoicedThrough = rows
      .flatMap((row) => row.cuts.map((cut) => cut.toISOString()))
      .reduce((latest, cut) => (cut > latest ? cut : latest), '');
    if (asOf < invoicedThrough) {
      throw invalid('BILLING.INVOICE_NOW_INVALID', 'asOf is before what is already invoiced', [
        { field: 'asOf', message: `must not be before ${invoicedThrough}, which is already invoiced` },
      ]);
    }
    const effective = effectiveWorkflow(await this.profiles.ensureDefault(namespace, metadata), customer.id);
    const progressive =
      request.progressive ?? (effective?.workflow ?? DEFAULT_WORKFLOW).invoicing.progressiveBilling;
    const recorded = await this.drafts.pending(namespace);
    const invoices: InvoicePendingLines['data']['invoices'][number][] = [];
    // A pending line joins the first of these invoices in its currency: the later ones take those due in them.
    const currencies = new Set<string>();
    // Currencies with a draft already made: it may hold due pending lines (marked billed only at issue).
    const held = new Set<string>();
    for (const row of rows) {
      const billed = billedOf(row);
      // Cut at asOf: the period's usage so far is one invoice, the rest of it the period's own.
      const cut = progressive ? { ...billed, cuts: [...(billed.cuts ?? []), asOf].sort() } : billed;
      for (const plan of closedPeriods(cut, asOf, row.issued_to?.toISOString())) {
        // Drafted already (waiting for approval or its draft period): it is an invoice of its own.
        const { currency } = billed.subscription;
        if (recorded.has(invoiceIdFor(billed.subscription.id, invoicePeriodOf(plan)))) {
          held.add(currency);
          continue;
        }
        const since = currencies.has(currency) ? invoicePeriodOf(plan).from : undefined;
        currencies.add(currency);
        const { invoice, through } = await this.previews.draft(namespace, customer, cut, plan, since);
        if (hasCriticalIssues(invoice) || !through) {
          const problems = invoice.validationIssues.filter((issue) => issue.severity === 'critical');
          throw conflict(
            'BILLING.INVOICE_INVALID',
            `Invoice ${invoice.id} cannot be issued: ${problems.map((p) => p.message).join('; ')}`,
          );
        }
        invoices.push({
          subscriptionId: billed.subscription.id,
          invoice,
          billedThrough: formatPosition(through),
        });
      }
    }
    // Pending lines due that no invoice takes (no subscription, another currency, or the open period
    // not cut): an invoice of their own, as OpenMeter bills a one-off line once due.
    const due = await this.previews.pendingLines(namespace, customer.id, undefined, asOf);
    const taken = (c: string) => currencies.has(c) || held.has(c);
    for (const currency of [...new Set(due.map((line) => line.currency))].filter((c) => !taken(c))) {
      const lines = due.filter((line) => line.currency === currency);
      const from = lines.reduce((earliest, l) => (l.period.from < earliest ? l.period.from : earliest), asOf);
      const own = await this.previews.oneOffInvoice(
        namespace,
        customer,
        currency,
        { from, to: asOf },
        'draft',
        true,
      );
      if (!own) continue;
      invoices.push({
        subscriptionId: oneOffSubscriptionId(customer.id, currency),
        invoice: own.invoice,
        billedThrough: formatPosition(own.through!),
        atOnce: true,
      });
    }
    if (invoices.length === 0) {
      // OpenMeter's `invoice_create_no_lines`, a validation error (400).
      throw invalid('BILLING.NOTHING_TO_INVOICE', 'the new invoice would have no lines', [
        {
          field: 'asOf',
          message: `customer ${request.customerId} has nothing invoicable up to ${asOf}${progressive ? '' : ' without progressive billing'}`,
        },
      ]);
    }
    await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'InvoicePendingLines',
        data: {
          namespace,
          customerId: customer.id,
          asOf,
          invoices,
          ...(effective && {
            profile: {
              id: effective.profile.id,
              supplier: effective.profile.supplier,
              apps: effective.profile.apps,
              workflow: effective.workflow,
            },
          }),
          now,
        },
      },
      { metadata, attempts: 20 },
    );
    this.projections.nudge();
    return Promise.all(invoices.map(({ invoice }) => this.invoices.get(namespace, invoice.id)));
  }
}
