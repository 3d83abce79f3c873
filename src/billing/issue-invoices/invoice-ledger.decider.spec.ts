import { deciderSpec } from '../../shared/testing/decider-spec';
import type { Invoice, ValidationIssue } from '../invoices/draft-invoice';
import { DEFAULT_WORKFLOW, type Workflow } from '../profiles/workflow';
import {
  ActOnInvoice,
  ContinueInvoice,
  CorrectionIssued,
  DeleteInvoice,
  EditInvoiceDraft,
  InvoiceDraftDeleted,
  InvoiceDraftEdited,
  InvoiceDrafted,
  InvoiceIssued,
  InvoiceQuantitiesSnapshotted,
  InvoiceRetried,
  InvoiceVoided,
  invoiceLedgerDecider,
  IssueCorrection,
  IssueInvoice,
  IssuingProfile,
  InvoicePendingLines,
  snapshotOf,
  VoidInvoice,
} from './invoice-ledger.decider';

const draft = (id: string, extra: Partial<Invoice> = {}) =>
  ({
    id,
    type: 'standard',
    number: `DRAFT-${id}`,
    status: 'gathering',
    statusDetails: { immutable: false, failed: false, extendedStatus: 'gathering', availableActions: {} },
    updatedAt: '2026-01-01T00:00:00.000Z',
    validationIssues: [],
    ...extra,
  }) as unknown as Invoice;

const issuedAs = (invoice: Invoice, number: string, at: string): Invoice => ({
  ...invoice,
  number,
  status: 'issued',
  statusDetails: {
    immutable: true,
    failed: false,
    extendedStatus: 'issued',
    availableActions: { void: { resultingState: 'voided' } },
  },
  issuedAt: at,
  updatedAt: at,
});

const ISSUED_AT = '2026-02-01T01:00:00.000Z';
const CORRECTED_AT = '2026-02-03T00:00:00.000Z';

const issued = (id: string, sequence: number, number: string, billedThrough = '10/1'): InvoiceIssued => ({
  type: 'InvoiceIssued',
  data: {
    namespace: 'default',
    sequence,
    customerId: 'c1',
    subscriptionId: 's1',
    issuedAt: ISSUED_AT,
    billedThrough,
    invoice: issuedAs(draft(id), number, ISSUED_AT),
  },
});

const issue = (id: string): IssueInvoice => ({
  type: 'IssueInvoice',
  data: {
    namespace: 'default',
    customerId: 'c1',
    subscriptionId: 's1',
    invoice: draft(id),
    billedThrough: '10/1',
    now: ISSUED_AT,
  },
});

const correction = (id: string, of: string, after: string, billedThrough = '20/5'): IssueCorrection => ({
  type: 'IssueCorrection',
  data: {
    namespace: 'default',
    customerId: 'c1',
    subscriptionId: 's1',
    correctionOf: of,
    after,
    correction: draft(id, { type: 'credit_note', correctionOf: { id: of, number: `DRAFT-${of}` } }),
    billedThrough,
    now: CORRECTED_AT,
  },
});

const corrected = (
  id: string,
  of: { id: string; number: string },
  sequence: number,
  billedAfter: string,
  billedThrough = '20/5',
): CorrectionIssued => ({
  type: 'CorrectionIssued',
  data: {
    namespace: 'default',
    sequence,
    customerId: 'c1',
    subscriptionId: 's1',
    issuedAt: CORRECTED_AT,
    billedAfter,
    billedThrough,
    invoice: {
      ...issuedAs(draft(id, { type: 'credit_note' }), `INV-00000${sequence}`, CORRECTED_AT),
      correctionOf: of,
    },
  },
});

const fold = (history: Parameters<typeof invoiceLedgerDecider.evolve>[1][]) =>
  history.reduce(invoiceLedgerDecider.evolve, invoiceLedgerDecider.initialState());

describe('invoice ledger', () => {
  const spec = deciderSpec(invoiceLedgerDecider);

  it('numbers the first invoice 1, immutable and issued, with the position it billed through', () => {
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

  describe('corrections', () => {
    const A = { id: 'A', number: 'INV-000001' };

    it('numbers a correction from the same sequence, linked to the invoice it corrects', () => {
      spec
        .given([issued('A', 1, 'INV-000001'), issued('B', 2, 'INV-000002')])
        .when(correction('X', 'A', 'A'))
        .then([corrected('X', A, 3, '10/1')]);
    });

    it('issues a correction once, however often it is decided', () => {
      spec
        .given([issued('A', 1, 'INV-000001'), corrected('X', A, 2, '10/1')])
        .when(correction('X', 'A', 'A'))
        .thenNothing();
    });

    it('decides nothing when another correction of the period went first', () => {
      // Computed against the invoice alone, while X already corrected it: the next sweep compares again.
      spec
        .given([issued('A', 1, 'INV-000001'), corrected('X', A, 2, '10/1')])
        .when(correction('Y', 'A', 'A', '30/1'))
        .thenNothing();
    });

    it('corrects a corrected period again, after its latest document', () => {
      spec
        .given([issued('A', 1, 'INV-000001'), corrected('X', A, 2, '10/1')])
        .when(correction('Y', 'A', 'X', '30/1'))
        .then([corrected('Y', A, 3, '20/5', '30/1')]);
    });

    it('decides nothing when nothing was read past what the latest document billed', () => {
      spec
        .given([issued('A', 1, 'INV-000001', '20/5')])
        .when(correction('X', 'A', 'A', '20/5'))
        .thenNothing();
    });

    it('refuses to correct what was never issued, or a correction itself', () => {
      spec
        .given([issued('A', 1, 'INV-000001')])
        .when(correction('X', 'B', 'B'))
        .thenThrows('BILLING.CORRECTION_OF_UNKNOWN');
      spec
        .given([issued('A', 1, 'INV-000001'), corrected('X', A, 2, '10/1')])
        .when(correction('Y', 'X', 'X', '30/1'))
        .thenThrows('BILLING.CORRECTION_OF_UNKNOWN');
    });
  });

  describe('drafts under the workflow', () => {
    const DRAFTED_AT = '2026-02-01T01:00:00.000Z';
    const profileWith = (invoicing: Partial<Workflow['invoicing']>): IssuingProfile => ({
      id: 'P',
      supplier: { name: 'Tally GmbH' },
      apps: { tax: 'sandbox', invoicing: 'sandbox', payment: 'sandbox' },
      workflow: { ...DEFAULT_WORKFLOW, invoicing: { ...DEFAULT_WORKFLOW.invoicing, ...invoicing } },
    });
    const manual = profileWith({ autoAdvance: false });
    const daily = profileWith({ draftPeriod: 'P1D' });
    const period = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
    const issueUnder = (id: string, profile: IssuingProfile, now = DRAFTED_AT): IssueInvoice => {
      const command = issue(id);
      return {
        ...command,
        data: { ...command.data, invoice: { ...draft(id), period }, profile, now },
      };
    };
    const drafted = (id: string, profile: IssuingProfile, draftUntil = DRAFTED_AT): InvoiceDrafted => ({
      type: 'InvoiceDrafted',
      data: {
        namespace: 'default',
        invoiceId: id,
        customerId: 'c1',
        subscriptionId: 's1',
        period,
        extendedStatus: profile.workflow.invoicing.autoAdvance
          ? 'draft.waiting_auto_approval'
          : 'draft.manual_approval_needed',
        draftUntil,
        profile,
        draftedAt: DRAFTED_AT,
      },
    });
    const act = (id: string, action: 'approve' | 'advance', now: string): ActOnInvoice => ({
      type: 'ActOnInvoice',
      data: {
        namespace: 'default',
        action,
        invoice: { ...draft(id), period },
        status: 'draft.waiting_for_collection',
        billedThrough: '12/3',
        now,
      },
    });
    const issuedFromDraft = (id: string, profile: IssuingProfile, at: string, draftUntil: string) => {
      const event = issued(id, 1, 'INV-000001', '12/3');
      return {
        ...event,
        data: {
          ...event.data,
          issuedAt: at,
          invoice: {
            ...issuedAs({ ...draft(id), period }, 'INV-000001', at),
            ...snapshotOf(profile),
            dueAt: '2026-03-04T00:00:00.000Z',
            collectionAt: '2026-02-01T01:00:00.000Z',
            draftUntil,
          },
        },
      } as InvoiceIssued;
    };

    it('issues at once with auto-advance and no draft period, as it always did', () => {
      const [event] = invoiceLedgerDecider.decide(issueUnder('A', profileWith({})), { lastSequence: 0 });
      expect(event.type).toBe('InvoiceIssued');
    });

    it('drafts without a number when the workflow needs approval', () => {
      spec
        .given([])
        .when(issueUnder('A', manual))
        .then([drafted('A', manual)]);
    });

    it('drafts for the draft period, then issues itself once it is over', () => {
      spec
        .given([])
        .when(issueUnder('A', daily))
        .then([drafted('A', daily, '2026-02-02T01:00:00.000Z')]);
      spec
        .given([drafted('A', daily, '2026-02-02T01:00:00.000Z')])
        .when(issueUnder('A', daily, '2026-02-02T00:59:59.000Z'))
        .thenNothing();
      const [event] = invoiceLedgerDecider.decide(
        { ...issueUnder('A', daily, '2026-02-02T01:00:00.000Z'), type: 'IssueInvoice' },
        fold([drafted('A', daily, '2026-02-02T01:00:00.000Z')]),
      );
      expect(event).toMatchObject({
        type: 'InvoiceIssued',
        data: { sequence: 1, invoice: { number: 'INV-000001', draftUntil: '2026-02-02T01:00:00.000Z' } },
      });
    });

    it('waits for approval however often the issuer sweeps', () => {
      spec
        .given([drafted('A', manual)])
        .when(issueUnder('A', manual, '2027-01-01T00:00:00.000Z'))
        .thenNothing();
    });

    it('issues an approved draft under the profile it was drafted with, taking the next number', () => {
      const at = '2026-02-02T00:00:00.000Z';
      spec
        .given([drafted('A', manual)])
        .when(act('A', 'approve', at))
        .then([
          {
            ...issuedFromDraft('A', manual, at, DRAFTED_AT),
            data: {
              ...issuedFromDraft('A', manual, at, DRAFTED_AT).data,
              invoice: {
                ...issuedFromDraft('A', manual, at, DRAFTED_AT).data.invoice,
                dueAt: '2026-03-04T00:00:00.000Z',
              },
            },
          },
        ]);
    });

    it('advances a draft only once its draft period is over', () => {
      const until = '2026-02-02T01:00:00.000Z';
      spec
        .given([drafted('A', daily, until)])
        .when(act('A', 'advance', '2026-02-02T00:00:00.000Z'))
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      const [event] = invoiceLedgerDecider.decide(
        act('A', 'advance', until),
        fold([drafted('A', daily, until)]),
      );
      expect(event.type).toBe('InvoiceIssued');
    });

    it('deletes a recorded draft once; the next sweep drafts its period anew', () => {
      const deleteOf: DeleteInvoice = {
        type: 'DeleteInvoice',
        data: {
          namespace: 'default',
          invoiceId: 'A',
          status: 'draft.waiting_for_collection',
          now: DRAFTED_AT,
        },
      };
      const deleted: InvoiceDraftDeleted = {
        type: 'InvoiceDraftDeleted',
        data: { namespace: 'default', invoiceId: 'A', deletedAt: DRAFTED_AT },
      };
      spec
        .given([drafted('A', manual)])
        .when(deleteOf)
        .then([deleted]);
      spec
        .given([drafted('A', manual), deleted])
        .when(deleteOf)
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      spec.given([]).when(deleteOf).thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      spec
        .given([drafted('A', manual), deleted])
        .when(issueUnder('A', manual))
        .then([drafted('A', manual)]);
    });

    it('refuses an action the status does not allow, naming the status', () => {
      spec
        .given([drafted('A', manual)])
        .when(act('A', 'advance', DRAFTED_AT))
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      spec
        .given([])
        .when(act('A', 'approve', DRAFTED_AT))
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      spec
        .given([drafted('A', manual), issuedFromDraft('A', manual, DRAFTED_AT, DRAFTED_AT)])
        .when(act('A', 'approve', DRAFTED_AT))
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      let message = '';
      try {
        invoiceLedgerDecider.decide(act('A', 'approve', DRAFTED_AT), fold([]));
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('draft.waiting_for_collection');
    });

    describe('edits of a draft (updateInvoice)', () => {
      const header = {
        description: 'March, as agreed',
        metadata: { po: 'PO-7' },
        supplier: { name: 'Tally AG' },
        customer: { name: 'ACME Corp.', addresses: [{ country: 'DE', city: 'Berlin' }] },
        workflow: { invoicing: { autoAdvance: false, dueAfter: 'P7D' } },
      };
      const editOf = (
        id: string,
        status = 'draft.waiting_for_collection',
        now = DRAFTED_AT,
      ): EditInvoiceDraft => ({
        type: 'EditInvoiceDraft',
        data: {
          namespace: 'default',
          invoiceId: id,
          customerId: 'c1',
          subscriptionId: 's1',
          period,
          status,
          edit: header,
          now,
        },
      });
      const edited = (id: string, draftStatus?: InvoiceDraftEdited['data']['draft']): InvoiceDraftEdited => ({
        type: 'InvoiceDraftEdited',
        data: {
          namespace: 'default',
          invoiceId: id,
          customerId: 'c1',
          subscriptionId: 's1',
          period,
          edit: header,
          ...(draftStatus ? { draft: draftStatus } : {}),
          editedAt: DRAFTED_AT,
        },
      });
      const withCustomer = (id: string) =>
        ({
          ...draft(id),
          period,
          customer: { id: 'c1', name: 'ACME', usageAttribution: { subjectKeys: [] } },
        }) as Invoice;

      it('edits a recorded draft, re-deciding its status from its edited workflow', () => {
        spec
          .given([drafted('A', daily, '2026-02-02T01:00:00.000Z')])
          .when(editOf('A', 'draft.waiting_auto_approval'))
          .then([
            edited('A', {
              extendedStatus: 'draft.manual_approval_needed',
              draftUntil: '2026-02-02T01:00:00.000Z',
            }),
          ]);
      });

      it('edits a closed period not drafted yet; the issuer then drafts it under the edited workflow', () => {
        spec
          .given([])
          .when(editOf('A'))
          .then([edited('A')]);
        // The default workflow issues at once; the edit says autoAdvance: false, so it is drafted.
        const [event] = invoiceLedgerDecider.decide(issueUnder('A', profileWith({})), fold([edited('A')]));
        expect(event).toMatchObject({
          type: 'InvoiceDrafted',
          data: {
            extendedStatus: 'draft.manual_approval_needed',
            profile: { supplier: { name: 'Tally AG' } },
          },
        });
      });

      it('issues an edited draft with its header, due after the edited dueAfter', () => {
        const at = '2026-02-02T00:00:00.000Z';
        const history = [
          drafted('A', manual),
          edited('A', { extendedStatus: 'draft.manual_approval_needed', draftUntil: DRAFTED_AT }),
        ];
        const command = act('A', 'approve', at);
        const [event] = invoiceLedgerDecider.decide(
          { ...command, data: { ...command.data, invoice: withCustomer('A') } },
          fold(history),
        );
        expect(event).toMatchObject({
          type: 'InvoiceIssued',
          data: {
            invoice: {
              number: 'INV-000001',
              description: 'March, as agreed',
              metadata: { po: 'PO-7' },
              supplier: { name: 'Tally AG' },
              customer: { id: 'c1', name: 'ACME Corp.', addresses: [{ country: 'DE', city: 'Berlin' }] },
              dueAt: '2026-02-09T00:00:00.000Z',
              workflow: { workflow: { invoicing: { autoAdvance: false, dueAfter: 'P7D' } } },
            },
          },
        });
      });

      it('refuses (409) to issue a draft priced before its line edit, issues one priced with it', () => {
        const lines = { changed: [], removed: [{ id: 'L1', name: 'Calls' }], added: [] };
        const history = [
          drafted('A', manual),
          {
            ...edited('A', { extendedStatus: 'draft.manual_approval_needed', draftUntil: DRAFTED_AT }),
            data: {
              ...edited('A').data,
              edit: { ...header, lines },
              draft: { extendedStatus: 'draft.manual_approval_needed', draftUntil: DRAFTED_AT },
            },
          } as InvoiceDraftEdited,
        ];
        const command = act('A', 'approve', '2026-02-02T00:00:00.000Z');
        const read = (invoiceLines: unknown[]) => ({
          ...command,
          data: { ...command.data, invoice: { ...withCustomer('A'), lines: invoiceLines } as Invoice },
        });
        spec
          .given(history)
          .when(read([{ id: 'L1', name: 'Calls', price: { type: 'unit', amount: '1' } }]))
          .thenThrows('BILLING.INVOICE_EDITED');
        const [event] = invoiceLedgerDecider.decide(read([]), fold(history));
        expect(event).toMatchObject({ type: 'InvoiceIssued' });
      });

      it('forgets the edit of a deleted draft: its period is drafted anew as the profile says', () => {
        const deleted: InvoiceDraftDeleted = {
          type: 'InvoiceDraftDeleted',
          data: { namespace: 'default', invoiceId: 'A', deletedAt: DRAFTED_AT },
        };
        spec
          .given([drafted('A', daily, '2026-02-02T01:00:00.000Z'), edited('A'), deleted])
          .when(issueUnder('A', daily))
          .then([drafted('A', daily, '2026-02-02T01:00:00.000Z')]);
      });

      it('refuses an edit of an issued, voided or open invoice, naming the status', () => {
        const issuedA = issued('A', 1, 'INV-000001');
        spec.given([issuedA]).when(editOf('A', 'issued')).thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
        spec.given([]).when(editOf('A', 'gathering')).thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
        const voided: InvoiceVoided = {
          type: 'InvoiceVoided',
          data: {
            namespace: 'default',
            invoiceId: 'A',
            number: 'INV-000001',
            customerId: 'c1',
            subscriptionId: 's1',
            period,
            reason: 'wrong',
            voidedAt: DRAFTED_AT,
          },
        };
        expect(() => invoiceLedgerDecider.decide(editOf('A', 'voided'), fold([issuedA, voided]))).toThrow(
          /is voided: it cannot be edited/,
        );
      });
    });

    describe('retry and snapshotQuantities', () => {
      const SNAPSHOT_AT = '2026-02-01T00:30:00.000Z';
      const CRITICAL = {
        severity: 'critical',
        code: 'BILLING.INVALID_QUANTITY',
        message: 'too long to price',
      } as unknown as ValidationIssue;
      const proceed = (
        id: string,
        action: 'retry' | 'snapshotQuantities',
        status: string,
        next: ContinueInvoice['data']['next'],
        profile: IssuingProfile,
        extra: Partial<Invoice> = {},
      ): ContinueInvoice => ({
        type: 'ContinueInvoice',
        data: {
          namespace: 'default',
          action,
          invoice: { ...draft(id), period, ...extra },
          customerId: 'c1',
          subscriptionId: 's1',
          status,
          ...(next ? { next } : {}),
          billedThrough: '12/3',
          profile,
          now: SNAPSHOT_AT,
        },
      });
      const about = { namespace: 'default', invoiceId: 'A', customerId: 'c1', subscriptionId: 's1', period };

      it('snapshots an invoice still collecting: recorded, then drafted under its workflow', () => {
        spec
          .given([])
          .when(
            proceed(
              'A',
              'snapshotQuantities',
              'draft.waiting_for_collection',
              'draft.manual_approval_needed',
              manual,
            ),
          )
          .then([
            {
              type: 'InvoiceQuantitiesSnapshotted',
              data: { ...about, billedThrough: '12/3', snapshotAt: SNAPSHOT_AT },
            } satisfies InvoiceQuantitiesSnapshotted,
            {
              ...drafted('A', manual, SNAPSHOT_AT),
              data: {
                ...drafted('A', manual, SNAPSHOT_AT).data,
                quantitySnapshotedAt: SNAPSHOT_AT,
                draftedAt: SNAPSHOT_AT,
              },
            },
          ]);
      });

      it('issues a snapshotted invoice at once under auto-advance, stamped with the snapshot', () => {
        const events = invoiceLedgerDecider.decide(
          proceed('A', 'snapshotQuantities', 'draft.waiting_for_collection', 'issued', profileWith({})),
          fold([]),
        );
        expect(events.map((event) => event.type)).toEqual(['InvoiceQuantitiesSnapshotted', 'InvoiceIssued']);
        expect(events[1]).toMatchObject({
          data: { invoice: { number: 'INV-000001', quantitySnapshotedAt: SNAPSHOT_AT } },
        });
      });

      it('refuses a snapshot of an invoice drafted since it was read, or waiting behind another (no next)', () => {
        spec
          .given([drafted('A', manual)])
          .when(
            proceed(
              'A',
              'snapshotQuantities',
              'draft.waiting_for_collection',
              'draft.manual_approval_needed',
              manual,
            ),
          )
          .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
        spec
          .given([])
          .when(proceed('A', 'snapshotQuantities', 'draft.waiting_for_collection', undefined, manual))
          .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
        spec
          .given([])
          .when(
            proceed('A', 'snapshotQuantities', 'draft.waiting_for_collection', 'issued', manual, {
              validationIssues: [CRITICAL],
            }),
          )
          .thenThrows('BILLING.INVOICE_INVALID');
      });

      it('records a retry that still finds a critical issue, and changes nothing else', () => {
        spec
          .given([])
          .when(
            proceed('A', 'retry', 'draft.invalid', 'issued', profileWith({}), {
              validationIssues: [CRITICAL],
            }),
          )
          .then([
            {
              type: 'InvoiceRetried',
              data: {
                ...about,
                issues: [{ code: 'BILLING.INVALID_QUANTITY', message: 'too long to price' }],
                retriedAt: SNAPSHOT_AT,
              },
            } satisfies InvoiceRetried,
          ]);
      });

      it('moves a retried invoice on once its cause is gone; refuses a retry of one not failed', () => {
        const events = invoiceLedgerDecider.decide(
          proceed('A', 'retry', 'draft.invalid', 'issued', profileWith({})),
          fold([]),
        );
        expect(events.map((event) => event.type)).toEqual(['InvoiceRetried', 'InvoiceIssued']);
        expect(events[0]).toMatchObject({ data: { issues: [] } });
        spec
          .given([])
          .when(proceed('A', 'retry', 'draft.invalid', 'draft.waiting_for_collection', profileWith({})))
          .then([{ type: 'InvoiceRetried', data: { ...about, issues: [], retriedAt: SNAPSHOT_AT } }]);
        spec
          .given([])
          .when(proceed('A', 'retry', 'draft.waiting_for_collection', 'issued', profileWith({})))
          .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
        spec
          .given([issued('A', 1, 'INV-000001')])
          .when(proceed('A', 'retry', 'draft.invalid', 'issued', profileWith({})))
          .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      });
    });
  });

  describe('void', () => {
    const VOIDED_AT = '2026-02-05T00:00:00.000Z';
    const voidOf = (id: string, rebill?: { invoiceId: string; at: string }): VoidInvoice => ({
      type: 'VoidInvoice',
      data: {
        namespace: 'default',
        invoiceId: id,
        status: 'gathering',
        reason: 'wrong address',
        ...(rebill ? { rebill } : {}),
        now: VOIDED_AT,
      },
    });
    const voided = (
      id: string,
      number: string,
      rebill?: { invoiceId: string; at: string },
    ): InvoiceVoided => ({
      type: 'InvoiceVoided',
      data: {
        namespace: 'default',
        invoiceId: id,
        number,
        customerId: 'c1',
        subscriptionId: 's1',
        period: issued(id, 1, number).data.invoice.period,
        reason: 'wrong address',
        ...(rebill ? { rebill } : {}),
        voidedAt: VOIDED_AT,
      },
    });
    const rebill = { invoiceId: 'R', at: VOIDED_AT };

    it('voids an issued invoice, its usage pending again on the re-bill named', () => {
      spec
        .given([issued('A', 1, 'INV-000001')])
        .when(voidOf('A', rebill))
        .then([voided('A', 'INV-000001', rebill)]);
    });

    it('refuses what is not an issued, uncorrected invoice, naming why', () => {
      spec.given([]).when(voidOf('A')).thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      spec
        .given([issued('A', 1, 'INV-000001'), voided('A', 'INV-000001')])
        .when(voidOf('A'))
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      const A = { id: 'A', number: 'INV-000001' };
      spec
        .given([issued('A', 1, 'INV-000001'), corrected('X', A, 2, '10/1')])
        .when(voidOf('A'))
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
      spec
        .given([issued('A', 1, 'INV-000001'), corrected('X', A, 2, '10/1')])
        .when(voidOf('X'))
        .thenThrows('BILLING.INVOICE_ACTION_NOT_ALLOWED');
    });

    it('issues the re-bill at once with the next number, whatever the workflow, linked to the voided invoice', () => {
      const command = issue('R');
      const manual: IssuingProfile = {
        id: 'P',
        supplier: {},
        apps: { tax: 'a', invoicing: 'a', payment: 'a' },
        workflow: { ...DEFAULT_WORKFLOW, invoicing: { ...DEFAULT_WORKFLOW.invoicing, autoAdvance: false } },
      };
      const [event] = invoiceLedgerDecider.decide(
        {
          ...command,
          data: {
            ...command.data,
            invoice: { ...command.data.invoice, period: { from: ISSUED_AT, to: ISSUED_AT } },
            profile: manual,
            replaces: { id: 'A', number: 'INV-000001' },
          },
        },
        fold([issued('A', 1, 'INV-000001'), voided('A', 'INV-000001', rebill)]),
      );
      expect(event).toMatchObject({
        type: 'InvoiceIssued',
        data: { sequence: 2, invoice: { number: 'INV-000002', replaces: { id: 'A', number: 'INV-000001' } } },
      });
    });

    it('never corrects a voided invoice: its re-bill is corrected instead', () => {
      spec
        .given([issued('A', 1, 'INV-000001'), voided('A', 'INV-000001', rebill)])
        .when(correction('X', 'A', 'A', '30/1'))
        .thenNothing();
    });
  });

  describe('invoice now', () => {
    const period = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-15T00:00:00.000Z' };
    const issuedNow = (id: string, sequence: number, number: string): InvoiceIssued => {
      const event = issued(id, sequence, number);
      return { ...event, data: { ...event.data, invoice: { ...event.data.invoice, period } } };
    };
    const now = (...ids: string[]): InvoicePendingLines => ({
      type: 'InvoicePendingLines',
      data: {
        namespace: 'default',
        customerId: 'c1',
        asOf: ISSUED_AT,
        invoices: ids.map((id) => ({
          subscriptionId: 's1',
          invoice: draft(id, { period }),
          billedThrough: '10/1',
        })),
        now: ISSUED_AT,
      },
    });

    it('issues every pending invoice in one decision, numbered in order', () => {
      spec
        .given([issued('A', 1, 'INV-000001')])
        .when(now('B', 'C'))
        .then([issuedNow('B', 2, 'INV-000002'), issuedNow('C', 3, 'INV-000003')]);
    });

    it('refuses the whole command when one span is already issued or drafted: the other went first', () => {
      spec
        .given([issued('B', 1, 'INV-000001')])
        .when(now('B', 'C'))
        .thenThrows('BILLING.ALREADY_INVOICED');
      const drafted: InvoiceDrafted = {
        type: 'InvoiceDrafted',
        data: {
          namespace: 'default',
          invoiceId: 'B',
          customerId: 'c1',
          subscriptionId: 's1',
          period,
          extendedStatus: 'draft.manual_approval_needed',
          draftUntil: ISSUED_AT,
          draftedAt: ISSUED_AT,
        },
      };
      spec.given([drafted]).when(now('B')).thenThrows('BILLING.ALREADY_INVOICED');
    });
  });

  describe('pending lines', () => {
    const withLine = (id: string) =>
      draft(id, { lines: [{ id: 'L1', managedBy: 'manual' }] } as unknown as Partial<Invoice>);
    const issuedWith = (id: string, sequence: number): InvoiceIssued => {
      const event = issued(id, sequence, `INV-00000${sequence}`);
      return {
        ...event,
        data: { ...event.data, invoice: { ...event.data.invoice, lines: withLine(id).lines } },
      };
    };
    const issueWith = (id: string): IssueInvoice => {
      const command = issue(id);
      return { ...command, data: { ...command.data, invoice: withLine(id) } };
    };
    const voidedFor = (id: string, rebill: boolean): InvoiceVoided => ({
      type: 'InvoiceVoided',
      data: {
        namespace: 'default',
        invoiceId: id,
        number: 'INV-000001',
        customerId: 'c1',
        subscriptionId: 's1',
        period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
        reason: 'wrong',
        ...(rebill ? { rebill: { invoiceId: 'R', at: ISSUED_AT } } : {}),
        voidedAt: ISSUED_AT,
      },
    });

    it('bills a pending line once: an invoice carrying a line another billed is refused', () => {
      spec
        .given([issuedWith('A', 1)])
        .when(issueWith('B'))
        .thenThrows('BILLING.LINE_ALREADY_BILLED');
    });

    it('releases the lines of an invoice voided for a re-bill, not of one discarded', () => {
      const [rebilled] = invoiceLedgerDecider.decide(
        issueWith('R'),
        fold([issuedWith('A', 1), voidedFor('A', true)]),
      );
      expect(rebilled).toMatchObject({ type: 'InvoiceIssued', data: { sequence: 2 } });
      spec
        .given([issuedWith('A', 1), voidedFor('A', false)])
        .when(issueWith('R'))
        .thenThrows('BILLING.LINE_ALREADY_BILLED');
    });
  });

  it('keeps the state as it was on an event type it does not know', () => {
    for (const history of [
      [],
      [issued('A', 1, 'INV-000001'), issued('B', 2, 'INV-000002')],
      [issued('A', 1, 'INV-000001'), corrected('X', { id: 'A', number: 'INV-000001' }, 2, '10/1')],
      [
        {
          type: 'InvoiceDraftEdited',
          data: {
            namespace: 'default',
            invoiceId: 'E',
            customerId: 'c1',
            subscriptionId: 's1',
            period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
            edit: { supplier: {}, customer: {}, workflow: {} },
            editedAt: ISSUED_AT,
          },
        } as InvoiceDraftEdited,
      ],
    ]) {
      spec.given(history).keepsStateOnUnknownEvents();
    }
  });
});
