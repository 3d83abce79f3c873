import { comparePositions, parsePosition } from '../../event-store/event-store.port';
import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { conflict } from '../../shared/errors';
import { hasCriticalIssues, type Invoice } from '../invoices/draft-invoice';
import type { BillingProfile } from '../profiles/billing-profiles.decider';
import { addWorkflowDuration, type Workflow } from '../profiles/workflow';

/**
 * A namespace's issued documents: invoices and their corrections. Numbers are the ledger's own
 * sequence, so appending at the version read makes them gapless even with several issuers; a
 * document id already issued is a no-op, so a period is never invoiced twice; a document with a
 * critical validation issue is refused. A correction is decided against the period's latest
 * document: if another correction went first (or the same one, by another issuer or before a
 * crash), it is a no-op, and the next sweep compares again — so one change never yields two.
 *
 * Each document records the log position its figures were read at (`billedThrough`): it bills
 * exactly the usage at or before it (less the voids at or before it), which replay reproduces.
 */
export type IssueInvoice = Message<
  'IssueInvoice',
  {
    readonly namespace: string;
    readonly invoice: Invoice;
    readonly customerId: string;
    readonly subscriptionId: string;
    /** The usage projection's checkpoint the invoice's figures were read at (`commit/prepare`). */
    readonly billedThrough: string;
    /** The customer's billing profile and effective workflow now: snapshotted onto the invoice. */
    readonly profile?: IssuingProfile;
    readonly now: string;
  }
>;

/** What an invoice is issued under: its profile (supplier, apps) and the customer's effective workflow. */
export interface IssuingProfile {
  readonly id: string;
  readonly supplier: BillingProfile['supplier'];
  readonly apps: BillingProfile['apps'];
  readonly workflow: Workflow;
}

export type IssueCorrection = Message<
  'IssueCorrection',
  {
    readonly namespace: string;
    readonly customerId: string;
    readonly subscriptionId: string;
    /** The issued invoice corrected. */
    readonly correctionOf: string;
    /** The period's latest document the correction was computed against. */
    readonly after: string;
    readonly correction: Invoice;
    /** The log position the period's figures were read at now. */
    readonly billedThrough: string;
    readonly now: string;
  }
>;
export type InvoiceLedgerCommand = IssueInvoice | IssueCorrection;

export type InvoiceIssued = Message<
  'InvoiceIssued',
  {
    readonly namespace: string;
    readonly sequence: number;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly invoice: Invoice;
    /** Absent on invoices issued before Tally recorded it: they billed what their event's position shows. */
    readonly billedThrough?: string;
    readonly issuedAt: string;
  }
>;

export type CorrectionIssued = Message<
  'CorrectionIssued',
  {
    readonly namespace: string;
    readonly sequence: number;
    readonly customerId: string;
    readonly subscriptionId: string;
    /** The correction: a `standard` invoice or a `credit_note`, with `correctionOf` set. */
    readonly invoice: Invoice;
    /** What the document before it billed through, where recorded: the correction bills what changed since. */
    readonly billedAfter?: string;
    readonly billedThrough: string;
    readonly issuedAt: string;
  }
>;
export type InvoiceLedgerEvent = InvoiceIssued | CorrectionIssued;

/** One issued document, newest first: `evolve` adds a link in constant time, `decide` walks the list once. */
export interface LedgerLink {
  readonly id: string;
  readonly number: string;
  /** The invoice a correction corrects; absent on an invoice. */
  readonly correctionOf?: string;
  readonly billedThrough?: string;
  readonly earlier?: LedgerLink;
}

export interface InvoiceLedgerState {
  readonly lastSequence: number;
  readonly latest?: LedgerLink;
}

export function invoiceNumber(sequence: number): string {
  return `INV-${String(sequence).padStart(6, '0')}`;
}

function documents(state: InvoiceLedgerState): LedgerLink[] {
  const links: LedgerLink[] = [];
  for (let link = state.latest; link; link = link.earlier) links.push(link);
  return links;
}

function issued(invoice: Invoice, sequence: number, now: string): Invoice {
  return {
    ...invoice,
    number: invoiceNumber(sequence),
    status: 'issued',
    statusDetails: { ...invoice.statusDetails, immutable: true, extendedStatus: 'issued' },
    issuedAt: now,
    updatedAt: now,
  };
}

function refuseInvalid(invoice: Invoice): void {
  if (hasCriticalIssues(invoice)) {
    throw conflict(
      'BILLING.INVOICE_INVALID',
      `Invoice ${invoice.id} has critical validation issues and cannot be issued`,
    );
  }
}

/**
 * The profile's snapshot on an invoice being issued: supplier, workflow, and the dates the workflow
 * sets — due `dueAfter` after issue, collected `collection.interval` after the period's end.
 */
function underProfile(invoice: Invoice, profile: IssuingProfile | undefined, now: string): Invoice {
  if (profile === undefined) return invoice;
  const { apps, workflow } = profile;
  return {
    ...invoice,
    supplier: profile.supplier,
    workflow: {
      sourceBillingProfileId: profile.id,
      apps: { tax: { id: apps.tax }, invoicing: { id: apps.invoicing }, payment: { id: apps.payment } },
      workflow,
    },
    dueAt: addWorkflowDuration(now, workflow.invoicing.dueAfter),
    collectionAt: addWorkflowDuration(invoice.period.to, workflow.collection.interval),
  };
}

function issue(command: IssueInvoice, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { now, namespace, customerId, subscriptionId, billedThrough } = command.data;
  const invoice = underProfile(command.data.invoice, command.data.profile, now);
  if (documents(state).some((doc) => doc.id === invoice.id)) return [];
  refuseInvalid(invoice);
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
        billedThrough,
        invoice: issued(invoice, sequence, now),
      },
    },
  ];
}

function correct(command: IssueCorrection, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { correction, correctionOf, after, billedThrough, now, namespace, customerId, subscriptionId } =
    command.data;
  const docs = documents(state);
  if (docs.some((doc) => doc.id === correction.id)) return [];
  const original = docs.find((doc) => doc.id === correctionOf && doc.correctionOf === undefined);
  if (!original) {
    throw conflict('BILLING.CORRECTION_OF_UNKNOWN', `No issued invoice ${correctionOf} to correct`);
  }
  const latest = docs.find((doc) => doc.id === correctionOf || doc.correctionOf === correctionOf)!;
  // Another correction of the period went first: this one was computed against an older state.
  if (latest.id !== after) return [];
  // Nothing was read past what the period's latest document billed.
  if (
    latest.billedThrough &&
    comparePositions(parsePosition(billedThrough), parsePosition(latest.billedThrough)) <= 0
  )
    return [];
  refuseInvalid(correction);
  const sequence = state.lastSequence + 1;
  return [
    {
      type: 'CorrectionIssued',
      data: {
        namespace,
        sequence,
        customerId,
        subscriptionId,
        issuedAt: now,
        ...(latest.billedThrough ? { billedAfter: latest.billedThrough } : {}),
        billedThrough,
        invoice: {
          ...issued(correction, sequence, now),
          correctionOf: { id: original.id, number: original.number },
        },
      },
    },
  ];
}

export const invoiceLedgerDecider: Decider<InvoiceLedgerCommand, InvoiceLedgerEvent, InvoiceLedgerState> = {
  initialState: () => ({ lastSequence: 0 }),
  evolve: evolveByType<InvoiceLedgerEvent, InvoiceLedgerState>({
    InvoiceIssued: (state, event) => ({
      lastSequence: event.data.sequence,
      latest: {
        id: event.data.invoice.id,
        number: event.data.invoice.number,
        ...(event.data.billedThrough ? { billedThrough: event.data.billedThrough } : {}),
        earlier: state.latest,
      },
    }),
    CorrectionIssued: (state, event) => ({
      lastSequence: event.data.sequence,
      latest: {
        id: event.data.invoice.id,
        number: event.data.invoice.number,
        correctionOf: event.data.invoice.correctionOf?.id,
        billedThrough: event.data.billedThrough,
        earlier: state.latest,
      },
    }),
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'IssueInvoice':
        return issue(command, state);
      case 'IssueCorrection':
        return correct(command, state);
      default:
        return unreachable(command);
    }
  },
};
