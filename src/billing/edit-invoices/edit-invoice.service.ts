import { Inject, Injectable } from '@nestjs/common';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore, StreamVersion } from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { FieldProblem, invalid } from '../../shared/errors';
import type { ActedOn } from '../invoice-actions/invoice-actions.service';
import { InvoiceStatusesQuery } from '../invoice-statuses/invoice-statuses.query';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { invoiceLedgerDecider } from '../issue-invoices/invoice-ledger.decider';
import { workflowProblems } from '../profiles/workflow';
import { InvoicesQuery } from '../read-invoices/invoices.query';
import { type InvoiceEdit, lineProblems } from './invoice-edit';

/**
 * `updateInvoice`: a draft's header replaced, decided by the namespace's invoice ledger (409 naming
 * the status for an invoice no longer a draft, 412 with a stale `If-Match`). Its lines are checked
 * against the invoice as it stands now: they are not the caller's to change.
 */
@Injectable()
export class EditInvoice {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly invoices: InvoicesQuery,
    private readonly drafts: InvoiceStatusesQuery,
    private readonly previews: InvoicePreviewQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async edit(
    namespace: string,
    invoiceId: string,
    request: InvoiceEdit & {
      readonly customerKey?: string;
      readonly lines: readonly Record<string, unknown>[];
    },
    options: { readonly metadata: EventMetadata; readonly ifMatch?: StreamVersion },
  ): Promise<ActedOn> {
    const current = await this.invoices.get(namespace, invoiceId);
    const problems: FieldProblem[] = [
      ...workflowProblems('body.workflow.workflow', request.workflow),
      ...lineProblems(current.lines, request.lines),
    ];
    if (request.customerKey !== undefined && request.customerKey !== current.customer.key) {
      problems.push({
        field: 'body.customer.key',
        code: 'BILLING.CUSTOMER_KEY_NOT_EDITABLE',
        message: "must be the invoice's customer's key: it says whose usage the invoice bills",
      });
    }
    if (problems.length > 0)
      throw invalid('BILLING.INVALID_INVOICE_EDIT', 'The invoice edit is invalid', problems);
    const recorded = (await this.drafts.pending(namespace, invoiceId)).get(invoiceId);
    const whose = recorded ?? (await this.previews.unissuedPeriod(namespace, invoiceId));
    const { lines: _lines, customerKey: _key, ...edit } = request;
    const { version } = await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'EditInvoiceDraft',
        data: {
          namespace,
          invoiceId,
          customerId: whose?.customerId ?? current.customer.id,
          subscriptionId: whose?.subscriptionId ?? '',
          period: current.period,
          // Not found as a closed period's (an open period, or just issued): refused as read.
          status: whose ? current.statusDetails.extendedStatus : current.status,
          edit,
          now: this.clock.now().toISOString(),
        },
      },
      { metadata: options.metadata, ifMatch: options.ifMatch, attempts: 20 },
    );
    this.projections.nudge();
    return { invoice: await this.invoices.get(namespace, invoiceId), version };
  }
}
