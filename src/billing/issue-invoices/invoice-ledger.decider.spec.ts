import { deciderSpec } from '../../shared/testing/decider-spec';
import type { Invoice, ValidationIssue } from '../invoices/draft-invoice';
import { InvoiceIssued, invoiceLedgerDecider } from './invoice-ledger.decider';

const draft = (id: string) =>
  ({
    id,
    number: `DRAFT-${id}`,
    status: 'gathering',
    statusDetails: { immutable: false, failed: false, extendedStatus: 'gathering', availableActions: {} },
    updatedAt: '2026-01-01T00:00:00.000Z',
    validationIssues: [],
  }) as unknown as Invoice;

const issued = (id: string, sequence: number, number: string): InvoiceIssued => ({
  type: 'InvoiceIssued',
  data: {
    namespace: 'default',
    sequence,
    customerId: 'c1',
    subscriptionId: 's1',
    issuedAt: '2026-02-01T01:00:00.000Z',
    invoice: {
      ...draft(id),
      number,
      status: 'issued',
      statusDetails: { immutable: true, failed: false, extendedStatus: 'issued', availableActions: {} },
      issuedAt: '2026-02-01T01:00:00.000Z',
      updatedAt: '2026-02-01T01:00:00.000Z',
    },
  },
});

const issue = (id: string) => ({
  type: 'IssueInvoice' as const,
  data: {
    namespace: 'default',
    customerId: 'c1',
    subscriptionId: 's1',
    invoice: draft(id),
    now: '2026-02-01T01:00:00.000Z',
  },
});

describe('invoice ledger', () => {
  const spec = deciderSpec(invoiceLedgerDecider);

  it('numbers the first invoice 1, immutable and issued', () => {
    spec
      .given([])
      .when(issue('A'))
      .then([issued('A', 1, 'INV-000001')]);
  });

  it('numbers each next invoice one higher, without gaps', () => {
    spec
      .given([issued('A', 1, 'INV-000001'), issued('B', 2, 'INV-000002')])
      .when(issue('C'))
      .then([issued('C', 3, 'INV-000003')]);
  });

  it('refuses an invoice with a critical validation issue', () => {
    const critical: ValidationIssue = {
      id: '01K0000000000000000000000A',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      severity: 'critical',
      code: 'BILLING.INVALID_QUANTITY',
      component: 'billing.pricing',
      message: 'Line "Calls" cannot be priced',
    };
    const command = issue('A');
    const invoice = { ...command.data.invoice, validationIssues: [critical] };
    spec
      .given([])
      .when({ ...command, data: { ...command.data, invoice } })
      .thenThrows('BILLING.INVOICE_INVALID');
  });

  it('never issues one invoice twice', () => {
    spec
      .given([issued('A', 1, 'INV-000001')])
      .when(issue('A'))
      .thenNothing();
  });

  it('keeps the state as it was on an event type it does not know', () => {
    for (const history of [[], [issued('A', 1, 'INV-000001'), issued('B', 2, 'INV-000002')]]) {
      spec.given(history).keepsStateOnUnknownEvents();
    }
  });
});
