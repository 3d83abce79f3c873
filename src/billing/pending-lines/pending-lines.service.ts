import { Inject, Injectable } from '@nestjs/common';
import { ulid } from 'ulid';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore } from '../../event-store/event-store.port';
import { invoiceLedgerStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { FieldProblem, invalid, notFound } from '../../shared/errors';
import { BillingViewQuery } from '../billing-view/billing-view.query';
import type { Invoice, InvoiceLine } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { invoiceLedgerDecider, type PendingLine } from '../issue-invoices/invoice-ledger.decider';
import { simulationProblems } from '../simulate-invoice/simulated-invoice';
import type { CreatePendingLinesRequest } from './pending-line.dto';

/** OpenMeter's `InvoicePendingLineCreateResponse`. */
export interface PendingLinesCreated {
  readonly lines: readonly InvoiceLine[];
  readonly invoice: Invoice;
  readonly isInvoiceNew: boolean;
}

/**
 * One-off charges (`createPendingInvoiceLine`), recorded on the namespace's invoice ledger: each
 * line is pending until an invoice bills it — the customer's next invoice in its currency whose
 * period ends after its `invoiceAt` (or an invoice-now with `asOf` after it) — and the ledger refuses
 * an invoice carrying a line another already billed, so each is billed once.
 */
@Injectable()
export class PendingLines {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly previews: InvoicePreviewQuery,
    private readonly view: BillingViewQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    namespace: string,
    customerIdOrKey: string,
    request: CreatePendingLinesRequest,
    metadata: EventMetadata,
  ): Promise<PendingLinesCreated> {
    const customer = await this.previews.customer(namespace, customerIdOrKey);
    if (!customer) throw notFound('BILLING.CUSTOMER_NOT_FOUND', `Customer ${customerIdOrKey} not found`);
    const lines: PendingLine[] = request.lines.map((line) => {
      const price = (line.rateCard ? line.rateCard.price : line.price) ?? null;
      const featureKey = line.rateCard?.featureKey ?? line.featureKey;
      const discounts = line.rateCard?.discounts;
      return {
        id: ulid(),
        name: line.name,
        ...(line.description !== undefined && { description: line.description }),
        ...(line.metadata ? { metadata: line.metadata } : {}),
        period: {
          from: new Date(line.period.from).toISOString(),
          to: new Date(line.period.to).toISOString(),
        },
        invoiceAt: new Date(line.invoiceAt).toISOString(),
        price: price as unknown as PendingLine['price'],
        ...(featureKey !== undefined && { featureKey }),
        ...(discounts !== undefined && { discounts: discounts as unknown as PendingLine['discounts'] }),
      };
    });
    const problems = await this.problems(namespace, request, lines);
    if (problems.length > 0)
      throw invalid('BILLING.PENDING_LINES_INVALID', 'The pending lines are not valid', problems);
    await decideAndAppend(
      this.store,
      invoiceLedgerStream(namespace),
      invoiceLedgerDecider,
      {
        type: 'CreatePendingLines',
        data: {
          namespace,
          customerId: customer.id,
          currency: request.currency,
          lines,
          now: this.clock.now().toISOString(),
        },
      },
      { metadata, attempts: 20 },
    );
    this.projections.nudge();
    const invoice = (await this.previews.preview(namespace, customer.id)) as Invoice;
    const ids = new Set(lines.map((line) => line.id));
    const created = invoice.lines.filter((line) => ids.has(line.id));
    return {
      lines: created,
      invoice,
      isInvoiceNew: invoice.lines.every((line) => ids.has(line.id)),
    };
  }

  /** The simulation's checks (currency, periods, prices), and a usage price's feature, which must exist. */
  private async problems(
    namespace: string,
    request: CreatePendingLinesRequest,
    lines: readonly PendingLine[],
  ): Promise<FieldProblem[]> {
    const problems = simulationProblems({
      namespace,
      customer: { id: '', name: '', subjectKeys: [] },
      currency: request.currency,
      lines: lines.map((line) => ({ ...line, quantity: '1' })),
    });
    const keys = lines.flatMap((line) => (line.featureKey ? [line.featureKey] : []));
    const features = keys.length > 0 ? await this.view.billedFeatures(namespace, keys) : new Map();
    lines.forEach((line, index) => {
      const at = `lines[${index}].rateCard`;
      if (line.price === null)
        problems.push({ field: `${at}.price`, message: 'a pending line needs a price' });
      else if (line.price.type !== 'flat' && !line.featureKey)
        problems.push({
          field: `${at}.featureKey`,
          message: 'a usage price needs the feature whose usage it bills',
        });
      else if (line.price.type !== 'flat' && !features.has(line.featureKey!))
        problems.push({ field: `${at}.featureKey`, message: `no feature ${line.featureKey}` });
    });
    return problems;
  }
}
