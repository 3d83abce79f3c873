import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { conflict } from '../../shared/errors';
import { hasCriticalIssues, type Invoice } from '../invoices/draft-invoice';

/**
 * A namespace's issued invoices. Numbers are the ledger's own sequence, so appending at the version
 * read makes them gapless even with several issuers; an invoice id already issued is a no-op, so a
 * period is never invoiced twice; an invoice with a critical validation issue is refused.
 */
export type IssueInvoice = Message<
  'IssueInvoice',
  {
    readonly namespace: string;
    readonly invoice: Invoice;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly now: string;
  }
>;
export type InvoiceLedgerCommand = IssueInvoice;

export type InvoiceIssued = Message<
  'InvoiceIssued',
  {
    readonly namespace: string;
    readonly sequence: number;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly invoice: Invoice;
    readonly issuedAt: string;
  }
>;
export type InvoiceLedgerEvent = InvoiceIssued;

export interface InvoiceLedgerState {
  readonly issued: ReadonlySet<string>;
  readonly lastSequence: number;
}

export function invoiceNumber(sequence: number): string {
  return `INV-${String(sequence).padStart(6, '0')}`;
}

function issue(command: IssueInvoice, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { invoice, now, namespace, customerId, subscriptionId } = command.data;
  if (state.issued.has(invoice.id)) return [];
  if (hasCriticalIssues(invoice)) {
    throw conflict(
      'BILLING.INVOICE_INVALID',
      `Invoice ${invoice.id} has critical validation issues and cannot be issued`,
    );
  }
  const sequence = state.lastSequence + 1;
  return [
    {
      type: 'InvoiceIssued',
      data: {
        namespace,
        sequence,
        customerId,
        subscriptionId,
        issuedAt: now,
        invoice: {
          ...invoice,
          number: invoiceNumber(sequence),
          status: 'issued',
          statusDetails: { ...invoice.statusDetails, immutable: true, extendedStatus: 'issued' },
          issuedAt: now,
          updatedAt: now,
        },
      },
    },
  ];
}

export const invoiceLedgerDecider: Decider<InvoiceLedgerCommand, InvoiceLedgerEvent, InvoiceLedgerState> = {
  initialState: () => ({ issued: new Set(), lastSequence: 0 }),
  evolve: evolveByType<InvoiceLedgerEvent, InvoiceLedgerState>({
    InvoiceIssued: (state, event) => ({
      issued: new Set([...state.issued, event.data.invoice.id]),
      lastSequence: event.data.sequence,
    }),
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'IssueInvoice':
        return issue(command, state);
      default:
        return unreachable(command.type);
    }
  },
};
