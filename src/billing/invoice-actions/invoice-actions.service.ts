import { Inject, Injectable } from '@nestjs/common';
import { decideAndAppend } from '../../event-store/decide-and-append';
import {
  EVENT_STORE,
  EventMetadata,
  EventStore,
  formatPosition,
  StreamVersion,
} from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { usageCaughtUp } from '../../metering';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { conflict } from '../../shared/errors';
import { stableUlid } from '../../shared/stable-id';
import { InvoiceStatusesQuery } from '../invoice-statuses/invoice-statuses.query';
import type { Invoice } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { METERED_QUANTITY, MeteredQuantity } from '../invoices/metered-quantity.port';
import {
  type ActOnInvoice,
  type ContinueInvoice,
  invoiceLedgerDecider,
  issuingProfileOf,
} from '../issue-invoices/invoice-ledger.decider';
import { effectiveWorkflow } from '../profiles/billing-profiles.decider';
import { BillingProfiles } from '../profiles/billing-profiles.service';
import { InvoicesQuery } from '../read-invoices/invoices.query';

/** An invoice after an action, and the ledger's version after it (the answer's ETag). */
export interface ActedOn {
  readonly invoice: Invoice;
  readonly version: StreamVersion;
}

/**
 * A user's action on one invoice, decided by the namespace's invoice ledger. A recorded draft is
 * issued with its figures read now, at one log position, as the issuer reads them. Two concurrent
 * actions on one invoice: the loser decides again on the newer ledger and is refused (409 naming the
 * status), or, with a stale `If-Match`, gets 412.
 */
@Injectable()
export class InvoiceActions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly invoices: InvoicesQuery,
    private readonly drafts: InvoiceStatusesQuery,
    private readonly previews: InvoicePreviewQuery,
    @Inject(METERED_QUANTITY) private readonly metered: MeteredQuantity,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly profiles: BillingProfiles,
  ) {}

  /**
   * `retry` and `snapshotQuantities`: the invoice's figures read again now, at one log position, and
   * decided by the ledger — moved on under the customer's workflow as it is now, as the issuer would.
   * Not allowed as read (the answer's `availableActions`): refused with the status named.
   */
  async continue(
    namespace: string,
    invoiceId: string,
    action: ContinueInvoice['data']['action'],
    options: { readonly metadata: EventMetadata; readonly ifMatch?: StreamVersion },
  ): Promise<ActedOn> {
    const current = await this.invoices.get(namespace, invoiceId);
    const { extendedStatus, availableActions } = current.statusDetails;
    const next = availableActions[action]?.resultingState;
    const recorded = (await this.drafts.pending(namespace, invoiceId)).get(invoiceId);
    const whose = next && (recorded ?? (await this.previews.unissuedPeriod(namespace, invoiceId)));
    let read: Awaited<ReturnType<InvoicePreviewQuery['draftOfIssued']>>;
    if (whose) {
      await usageCaughtUp(this.projections, this.metered.projections);
      read = await this.previews.draftOfIssued(
        namespace,
        { customerId: whose.customerId, subscriptionId: whose.subscriptionId, period: current.period },
        true,
      );
    }
    const settings = whose && (await this.profiles.ensureDefault(namespace, options.metadata));
    const profile = settings && issuingProfileOf(effectiveWorkflow(settings, whose.customerId));
    const { version } = await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'ContinueInvoice',
        data: {
          namespace,
          action,
          invoice: read?.invoice ?? current,
          customerId: whose ? whose.customerId : current.customer.id,
          subscriptionId: whose ? whose.subscriptionId : '',
          status: extendedStatus,
          ...(next ? { next } : {}),
          ...(read?.through ? { billedThrough: formatPosition(read.through) } : {}),
          ...(profile ? { profile } : {}),
          now: this.clock.now().toISOString(),
        },
      },
      { metadata: options.metadata, ifMatch: options.ifMatch, attempts: 20 },
    );
    this.projections.nudge();
    return { invoice: await this.invoices.get(namespace, invoiceId), version };
  }

  /**
   * Tax recalculation without a tax engine: Tally computes no tax (every invoice's tax totals are 0,
   * its tax app the built-in one), so there is nothing to recalculate and nothing is appended. A
   * mutable invoice answers as it is; an issued or voided one is refused (409 naming the status), as
   * its figures never change. OpenMeter itself answers 501 here; Tally answers no 5xx.
   */
  async recalculateTax(namespace: string, invoiceId: string): Promise<Invoice> {
    const invoice = await this.invoices.get(namespace, invoiceId);
    if (invoice.statusDetails.immutable) {
      throw conflict(
        'BILLING.INVOICE_ACTION_NOT_ALLOWED',
        `Invoice ${invoiceId} is ${invoice.statusDetails.extendedStatus}: its taxes cannot be recalculated in that status`,
      );
    }
    return invoice;
  }

  /**
   * Voids an issued invoice. `pending` puts its period's usage back to be billed again — by the
   * issuer, on a new invoice linked to this one, from `nextInvoiceAt` (default now) on; `discard`
   * bills it no more.
   */
  async void(
    namespace: string,
    invoiceId: string,
    request: { readonly reason: string; readonly pending: boolean; readonly nextInvoiceAt?: string },
    options: { readonly metadata: EventMetadata; readonly ifMatch?: StreamVersion },
  ): Promise<ActedOn> {
    const current = await this.invoices.get(namespace, invoiceId);
    const now = this.clock.now().toISOString();
    const { version } = await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'VoidInvoice',
        data: {
          namespace,
          invoiceId,
          status: current.statusDetails.extendedStatus,
          reason: request.reason,
          ...(request.pending
            ? {
                rebill: {
                  invoiceId: stableUlid(new Date(current.period.from), 'rebill', invoiceId),
                  at: request.nextInvoiceAt ? new Date(request.nextInvoiceAt).toISOString() : now,
                },
              }
            : {}),
          now,
        },
      },
      { metadata: options.metadata, ifMatch: options.ifMatch, attempts: 20 },
    );
    this.projections.nudge();
    return { invoice: await this.invoices.get(namespace, invoiceId), version };
  }

  /** Deletes a recorded draft; its period goes back to pending, and the next sweep drafts it anew. */
  async delete(
    namespace: string,
    invoiceId: string,
    options: { readonly metadata: EventMetadata; readonly ifMatch?: StreamVersion },
  ): Promise<StreamVersion> {
    const current = await this.invoices.get(namespace, invoiceId);
    const { version } = await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'DeleteInvoice',
        data: {
          namespace,
          invoiceId,
          status: current.statusDetails.extendedStatus,
          now: this.clock.now().toISOString(),
        },
      },
      { metadata: options.metadata, ifMatch: options.ifMatch, attempts: 20 },
    );
    this.projections.nudge();
    return version;
  }

  async act(
    namespace: string,
    invoiceId: string,
    action: ActOnInvoice['data']['action'],
    options: { readonly metadata: EventMetadata; readonly ifMatch?: StreamVersion },
  ): Promise<ActedOn> {
    const current = await this.invoices.get(namespace, invoiceId);
    const recorded = (await this.drafts.pending(namespace, invoiceId)).get(invoiceId);
    let read: Awaited<ReturnType<InvoicePreviewQuery['draftOfIssued']>>;
    if (recorded) {
      await usageCaughtUp(this.projections, this.metered.projections);
      read = await this.previews.draftOfIssued(
        namespace,
        { customerId: recorded.customerId, subscriptionId: recorded.subscriptionId, period: current.period },
        true,
        true,
      );
    }
    const { version } = await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'ActOnInvoice',
        data: {
          namespace,
          action,
          invoice: read?.invoice ?? current,
          status: current.statusDetails.extendedStatus,
          ...(read?.through ? { billedThrough: formatPosition(read.through) } : {}),
          now: this.clock.now().toISOString(),
        },
      },
      { metadata: options.metadata, ifMatch: options.ifMatch, attempts: 20 },
    );
    this.projections.nudge();
    return { invoice: await this.invoices.get(namespace, invoiceId), version };
  }
}
