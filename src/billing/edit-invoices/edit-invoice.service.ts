import { Inject, Injectable } from '@nestjs/common';
import { ulid } from 'ulid';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore, StreamVersion } from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { FieldProblem, invalid } from '../../shared/errors';
import { BillingViewQuery } from '../billing-view/billing-view.query';
import type { ActedOn } from '../invoice-actions/invoice-actions.service';
import { InvoiceStatusesQuery } from '../invoice-statuses/invoice-statuses.query';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { invoiceLedgerDecider } from '../issue-invoices/invoice-ledger.decider';
import { workflowProblems } from '../profiles/workflow';
import { InvoicesQuery } from '../read-invoices/invoices.query';
import type { InvoiceEdit } from './invoice-edit';
import { lineEditsOf } from './line-edits';

/**
 * `updateInvoice`: a draft's header replaced, decided by the namespace's invoice ledger (409 naming
 * the status for an invoice no longer a draft, 412 with a stale `If-Match`). Its lines replace the
 * draft's, read against the invoice as it stands now (`lineEditsOf`).
 */
@Injectable()
export class EditInvoice {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly invoices: InvoicesQuery,
    private readonly drafts: InvoiceStatusesQuery,
    private readonly previews: InvoicePreviewQuery,
    private readonly view: BillingViewQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async edit(
    namespace: string,
    invoiceId: string,
    request: Omit<InvoiceEdit, 'lines'> & {
      readonly customerKey?: string;
      readonly lines: readonly Record<string, unknown>[];
    },
    options: { readonly metadata: EventMetadata; readonly ifMatch?: StreamVersion },
  ): Promise<ActedOn> {
    const current = await this.invoices.get(namespace, invoiceId);
    const previous = (await this.drafts.edits(namespace, invoiceId)).get(invoiceId)?.lines;
    const newIds = request.lines.filter((line) => line.id === undefined).map(() => ulid());
    const lines = lineEditsOf(current, request.lines, previous, newIds);
    const problems: FieldProblem[] = [
      ...workflowProblems('body.workflow.workflow', request.workflow),
      ...lines.problems,
      ...(await this.unknownFeatures(namespace, request.lines)),
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
    const { lines: _lines, customerKey: _key, ...header } = request;
    const edit: InvoiceEdit = { ...header, lines: lines.edits };
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

  /** A new line's usage price bills a feature's meter: the feature must exist. */
  private async unknownFeatures(namespace: string, lines: readonly Record<string, unknown>[]) {
    const keyOf = (line: Record<string, unknown>): unknown => {
      const rateCard = line.rateCard as Record<string, unknown> | undefined;
      return (typeof rateCard === 'object' && rateCard?.featureKey) || line.featureKey;
    };
    const wanted = lines.flatMap((line, index) => {
      const key = keyOf(line);
      return line.id === undefined && typeof key === 'string' ? [{ key, index }] : [];
    });
    if (wanted.length === 0) return [];
    const features = await this.view.billedFeatures(
      namespace,
      wanted.map((w) => w.key),
    );
    return wanted
      .filter((w) => !features.has(w.key))
      .map((w): FieldProblem => ({
        field: `body.lines[${w.index}].rateCard.featureKey`,
        code: 'BILLING.LINE_NOT_EDITABLE',
        message: `no feature ${w.key}`,
      }));
  }
}
