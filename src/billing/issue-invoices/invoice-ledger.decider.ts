import { comparePositions, parsePosition } from '../../event-store/event-store.port';
import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { conflict } from '../../shared/errors';
import { type DocumentRef, hasCriticalIssues, type Invoice, type Period } from '../invoices/draft-invoice';
import {
  availableActions,
  type ExtendedStatus,
  type InvoiceAction,
  type RecordedDraftStatus,
  workflowStatus,
} from '../invoices/invoice-status';
import type { BillingProfile } from '../profiles/billing-profiles.decider';
import { addWorkflowDuration, type Workflow } from '../profiles/workflow';
import { editedProfile, type InvoiceEdit, withEdit } from '../edit-invoices/invoice-edit';
import { pricedWith } from '../edit-invoices/line-edits';

/**
 * A namespace's invoices from draft on, and its issued documents: invoices and their corrections.
 * A closed period becomes a draft under the customer's workflow (`autoAdvance`, `draftPeriod`) or,
 * with auto-advance and no draft period, is issued at once. A draft takes no number; a number is
 * taken only when an invoice is issued. Numbers are the ledger's own
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
    /** A re-bill of a voided invoice: issued at once, as the void was the review. */
    readonly replaces?: DocumentRef;
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
/**
 * A user's action on one invoice (`approve`, `advance`): issues a recorded draft now, with its figures
 * read at `billedThrough`. `status` is the invoice's extended status as read, named when refused.
 */
export type ActOnInvoice = Message<
  'ActOnInvoice',
  {
    readonly namespace: string;
    readonly action: Exclude<InvoiceAction, 'void' | 'retry' | 'snapshotQuantities'>;
    readonly invoice: Invoice;
    readonly status: string;
    readonly billedThrough?: string;
    readonly now: string;
  }
>;
/**
 * Voids an issued invoice. With `rebill` its period's usage is pending again: the issuer bills it on
 * a new invoice (`rebill.invoiceId`, linked to this one) from `rebill.at` on; without, it is discarded.
 */
export type VoidInvoice = Message<
  'VoidInvoice',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    /** The invoice's extended status as read, named when refused. */
    readonly status: string;
    readonly reason: string;
    readonly rebill?: { readonly invoiceId: string; readonly at: string };
    readonly now: string;
  }
>;
/** Deletes a recorded draft: its period goes back to pending, drafted again by the next sweep. */
export type DeleteInvoice = Message<
  'DeleteInvoice',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    /** The invoice's extended status as read, named when refused. */
    readonly status: string;
    readonly now: string;
  }
>;
/**
 * `retry` (a failed invoice, validated again) and `snapshotQuantities` (an invoice still collecting,
 * its collection interval skipped): an invoice not issued moves on now as the issuer would move it
 * once collected — drafted or issued under its workflow — with its figures read at `billedThrough`.
 * `status` and `next` are as the invoice was read (its answer's `statusDetails`), named when refused.
 */
export type ContinueInvoice = Message<
  'ContinueInvoice',
  {
    readonly namespace: string;
    readonly action: 'retry' | 'snapshotQuantities';
    /** The invoice as read now, at `billedThrough`. */
    readonly invoice: Invoice;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly status: string;
    readonly next?: ExtendedStatus;
    readonly billedThrough?: string;
    readonly profile?: IssuingProfile;
    readonly now: string;
  }
>;
/**
 * Invoice-now: a customer's pending invoices up to `asOf`, each drafted or issued at once as its
 * workflow says (as a closed period is), all or none. The last one ends at `asOf`, cutting its period
 * there: its event's `period.to` is the cut, which the period's next invoice starts from.
 */
export type InvoicePendingLines = Message<
  'InvoicePendingLines',
  {
    readonly namespace: string;
    readonly customerId: string;
    readonly asOf: string;
    readonly invoices: readonly {
      readonly subscriptionId: string;
      readonly invoice: Invoice;
      readonly billedThrough: string;
      /** A customer's own pending-lines invoice: issued at once, invoice-now being its review. */
      readonly atOnce?: true;
    }[];
    readonly profile?: IssuingProfile;
    readonly now: string;
  }
>;
/** A one-off charge of a customer (`createPendingInvoiceLine`), as recorded: priced when invoiced. */
export interface PendingLine {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly period: Period;
  readonly invoiceAt: string;
  /** The catalog's price, checked as a plan's is; a flat one bills once. */
  readonly price: Readonly<Record<string, unknown>>;
  readonly featureKey?: string;
  readonly discounts?: Readonly<Record<string, unknown>>;
}

/** Records a customer's one-off charges: pending until an invoice bills them (see `issueNow`). */
export type CreatePendingLines = Message<
  'CreatePendingLines',
  {
    readonly namespace: string;
    readonly customerId: string;
    readonly currency: string;
    readonly lines: readonly PendingLine[];
    readonly now: string;
  }
>;
/**
 * `updateInvoice`: replaces a draft's header and lines (`InvoiceEdit`). Allowed on a recorded draft and on a
 * closed period's invoice not drafted yet (`status` as read, `draft.*`); the edit then holds when the
 * issuer drafts it and when it is issued, until the draft is deleted.
 */
export type EditInvoiceDraft = Message<
  'EditInvoiceDraft',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly period: Period;
    /** The invoice's extended status as read, named when refused. */
    readonly status: string;
    readonly edit: InvoiceEdit;
    readonly now: string;
  }
>;
export type InvoiceLedgerCommand =
  | EditInvoiceDraft
  | IssueInvoice
  | IssueCorrection
  | ActOnInvoice
  | VoidInvoice
  | DeleteInvoice
  | ContinueInvoice
  | InvoicePendingLines
  | CreatePendingLines;

/** A failed invoice was validated again (`retry`): with no critical issue left it moved on. */
export type InvoiceRetried = Message<
  'InvoiceRetried',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly period: Period;
    /** The critical issues still found: the invoice stays `draft.invalid` while any is left. */
    readonly issues: readonly { readonly code: string; readonly message: string }[];
    readonly retriedAt: string;
  }
>;

/** An invoice still collecting took its quantities now (`snapshotQuantities`), read at `billedThrough`. */
export type InvoiceQuantitiesSnapshotted = Message<
  'InvoiceQuantitiesSnapshotted',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly period: Period;
    readonly billedThrough: string;
    readonly snapshotAt: string;
  }
>;

export type PendingInvoiceLinesCreated = Message<
  'PendingInvoiceLinesCreated',
  {
    readonly namespace: string;
    readonly customerId: string;
    readonly currency: string;
    readonly lines: readonly PendingLine[];
    readonly createdAt: string;
  }
>;

export type InvoiceDraftDeleted = Message<
  'InvoiceDraftDeleted',
  { readonly namespace: string; readonly invoiceId: string; readonly deletedAt: string }
>;

export type InvoiceVoided = Message<
  'InvoiceVoided',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    readonly number: string;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly period: Period;
    readonly reason: string;
    readonly rebill?: { readonly invoiceId: string; readonly at: string };
    readonly voidedAt: string;
  }
>;

/**
 * A closed period's invoice became a draft under its workflow: it waits `draftPeriod` (until
 * `draftUntil`) and issues itself, or, without auto-advance, waits for approval. Its figures stay
 * live until it is issued (late usage still counts); the profile is snapshotted now.
 */
export type InvoiceDrafted = Message<
  'InvoiceDrafted',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly period: Period;
    readonly extendedStatus: RecordedDraftStatus;
    readonly draftUntil: string;
    readonly profile?: IssuingProfile;
    /** Drafted by `snapshotQuantities` before its collection interval was over: when. */
    readonly quantitySnapshotedAt?: string;
    readonly draftedAt: string;
  }
>;

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
/**
 * A draft's header and lines were replaced (`updateInvoice`; `edit.lines` absent on edits recorded
 * before lines could be edited). On a recorded draft `draft` is where its edited
 * workflow puts it: its status and draft period, counted from when it was drafted.
 */
export type InvoiceDraftEdited = Message<
  'InvoiceDraftEdited',
  {
    readonly namespace: string;
    readonly invoiceId: string;
    readonly customerId: string;
    readonly subscriptionId: string;
    readonly period: Period;
    readonly edit: InvoiceEdit;
    readonly draft?: { readonly extendedStatus: RecordedDraftStatus; readonly draftUntil: string };
    readonly editedAt: string;
  }
>;
export type InvoiceLedgerEvent =
  | InvoiceDraftEdited
  | InvoiceIssued
  | CorrectionIssued
  | InvoiceDrafted
  | InvoiceVoided
  | InvoiceDraftDeleted
  | InvoiceRetried
  | InvoiceQuantitiesSnapshotted
  | PendingInvoiceLinesCreated;

/** A draft the ledger holds, newest first; an issued one stays in the list (`documents` says it is issued). */
export interface DraftLink {
  readonly id: string;
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly extendedStatus: RecordedDraftStatus;
  readonly draftUntil: string;
  readonly profile?: IssuingProfile;
  readonly quantitySnapshotedAt?: string;
  /** When it was drafted (absent on drafts recorded before Tally kept it): an edit's draft period counts from it. */
  readonly draftedAt?: string;
  /** Deleted: the period is pending again, as if never drafted. */
  readonly deleted?: true;
  readonly earlier?: DraftLink;
}

/** One issued document, newest first: `evolve` adds a link in constant time, `decide` walks the list once. */
export interface LedgerLink {
  readonly id: string;
  readonly number: string;
  /** An invoice's: whose, and which period (absent on corrections). */
  readonly of?: { readonly customerId: string; readonly subscriptionId: string; readonly period: Period };
  /** The invoice a correction corrects; absent on an invoice. */
  readonly correctionOf?: string;
  readonly billedThrough?: string;
  readonly earlier?: LedgerLink;
}

export interface InvoiceLedgerState {
  readonly lastSequence: number;
  readonly latest?: LedgerLink;
  readonly drafts?: DraftLink;
  /** Voided invoices' ids, newest first. */
  readonly voided?: { readonly id: string; readonly earlier?: InvoiceLedgerState['voided'] };
  /**
   * Pending lines an issued invoice billed, newest first: a void with a re-bill releases them
   * (`invoiceId` absent), pending again. The newest link of a line says where it stands.
   */
  readonly billedLines?: BilledLine;
  /** Drafts' edits, newest first: a link without `edit` (the draft was deleted) forgets the earlier ones. */
  readonly edits?: EditLink;
}

export interface EditLink {
  readonly id: string;
  readonly edit?: InvoiceEdit;
  readonly earlier?: EditLink;
}

function editOf(state: InvoiceLedgerState, id: string): InvoiceEdit | undefined {
  for (let link = state.edits; link; link = link.earlier) if (link.id === id) return link.edit;
  return undefined;
}

export interface BilledLine {
  readonly lineId: string;
  readonly invoiceId?: string;
  readonly earlier?: BilledLine;
}

function billedBy(state: InvoiceLedgerState, lineId: string): string | undefined {
  for (let link = state.billedLines; link; link = link.earlier)
    if (link.lineId === lineId) return link.invoiceId;
  return undefined;
}

/** The one-off (pending) lines an invoice carries. */
const oneOffIds = (invoice: Invoice) =>
  (invoice.lines ?? []).filter((line) => line.managedBy === 'manual').map((line) => line.id);

export function invoiceNumber(sequence: number): string {
  return `INV-${String(sequence).padStart(6, '0')}`;
}

function documents(state: InvoiceLedgerState): LedgerLink[] {
  const links: LedgerLink[] = [];
  for (let link = state.latest; link; link = link.earlier) links.push(link);
  return links;
}

function draftOf(state: InvoiceLedgerState, id: string): DraftLink | undefined {
  for (let link = state.drafts; link; link = link.earlier)
    if (link.id === id) return link.deleted ? undefined : link;
  return undefined;
}

function issued(invoice: Invoice, sequence: number, now: string): Invoice {
  return {
    ...invoice,
    number: invoiceNumber(sequence),
    status: 'issued',
    statusDetails: {
      ...invoice.statusDetails,
      immutable: true,
      extendedStatus: 'issued',
      availableActions: availableActions('issued', { now }),
    },
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

/** What an invoice is issued under for a customer now: its effective profile and workflow, if any. */
export function issuingProfileOf(
  effective: { readonly profile: BillingProfile; readonly workflow: Workflow } | undefined,
): IssuingProfile | undefined {
  if (effective === undefined) return undefined;
  const { profile, workflow } = effective;
  return { id: profile.id, supplier: profile.supplier, apps: profile.apps, workflow };
}

/** What an invoice shows of the profile it is drafted or issued under: supplier and workflow. */
export function snapshotOf(profile: IssuingProfile): Pick<Invoice, 'supplier' | 'workflow'> {
  const { apps, workflow } = profile;
  return {
    supplier: profile.supplier,
    workflow: {
      sourceBillingProfileId: profile.id,
      apps: { tax: { id: apps.tax }, invoicing: { id: apps.invoicing }, payment: { id: apps.payment } },
      workflow,
    },
  };
}

/**
 * The profile's snapshot on an invoice being issued: supplier, workflow, and the dates the workflow
 * sets — due `dueAfter` after issue, collected `collection.interval` after the period's end.
 */
function underProfile(invoice: Invoice, profile: IssuingProfile | undefined, now: string): Invoice {
  if (profile === undefined) return invoice;
  const { workflow } = profile;
  return {
    ...invoice,
    ...snapshotOf(profile),
    dueAt: addWorkflowDuration(now, workflow.invoicing.dueAfter),
    collectionAt: addWorkflowDuration(invoice.period.to, workflow.collection.interval),
  };
}

/** The issuer's sweep: drafts a closed period, issues a draft whose draft period is over, or waits. */
function issue(command: IssueInvoice, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { now, namespace, customerId, subscriptionId } = command.data;
  const id = command.data.invoice.id;
  const profile = editedProfile(command.data.profile, editOf(state, id));
  if (documents(state).some((doc) => doc.id === id)) return [];
  const draft = draftOf(state, id);
  if (draft) {
    const due = draft.extendedStatus === 'draft.waiting_auto_approval' && now >= draft.draftUntil;
    return due ? issueNow(command.data, draft, state) : [];
  }
  // With auto-advance and no draft period a closed period is issued at once, as it always was.
  const status = profile && !command.data.replaces ? workflowStatus(profile.workflow, now) : 'issued';
  if (profile && status !== 'issued') {
    const snapshotAt = command.data.invoice.quantitySnapshotedAt;
    return [
      {
        type: 'InvoiceDrafted',
        data: {
          namespace,
          invoiceId: id,
          customerId,
          subscriptionId,
          period: command.data.invoice.period,
          extendedStatus: status,
          draftUntil: addWorkflowDuration(now, profile.workflow.invoicing.draftPeriod),
          profile,
          ...(snapshotAt ? { quantitySnapshotedAt: snapshotAt } : {}),
          draftedAt: now,
        },
      },
    ];
  }
  return issueNow(command.data, undefined, state);
}

/** Issues the invoice: under the draft's profile snapshot when it was drafted, else the profile now. */
function issueNow(
  data: Omit<IssueInvoice['data'], 'billedThrough'> & { readonly billedThrough?: string },
  draft: DraftLink | undefined,
  state: InvoiceLedgerState,
): InvoiceLedgerEvent[] {
  const { now, namespace, customerId, subscriptionId, billedThrough } = data;
  const edit = editOf(state, data.invoice.id);
  const profile = editedProfile(draft ? draft.profile : data.profile, edit);
  const invoice = withEdit(underProfile(data.invoice, profile, now), edit);
  refuseInvalid(invoice);
  if (edit?.lines && !pricedWith(invoice, edit.lines)) {
    throw conflict(
      'BILLING.INVOICE_EDITED',
      `Invoice ${invoice.id} was read before its latest line edit: read it again`,
    );
  }
  // A pending line is billed once: an invoice read before another billed it is refused, read again.
  const taken = oneOffIds(invoice).filter((lineId) => billedBy(state, lineId) !== undefined);
  if (taken.length > 0) {
    throw conflict(
      'BILLING.LINE_ALREADY_BILLED',
      `Invoice ${invoice.id}'s pending lines ${taken.join(', ')} are already billed`,
    );
  }
  if (billedThrough === undefined) {
    throw conflict('BILLING.INVOICE_INVALID', `Invoice ${invoice.id}'s figures could not be read`);
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
        billedThrough,
        invoice: {
          ...issued(invoice, sequence, now),
          ...(draft ? { draftUntil: draft.draftUntil } : {}),
          ...(draft?.quantitySnapshotedAt ? { quantitySnapshotedAt: draft.quantitySnapshotedAt } : {}),
          ...(data.replaces ? { replaces: data.replaces } : {}),
        },
      },
    },
  ];
}

/** `approve` issues a draft awaiting approval or its draft period; `advance` only one whose draft period is over. */
function act(command: ActOnInvoice, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { action, invoice, now } = command.data;
  const issuedAlready = documents(state).some((doc) => doc.id === invoice.id);
  const draft = issuedAlready ? undefined : draftOf(state, invoice.id);
  const status = issuedAlready ? 'issued' : (draft?.extendedStatus ?? command.data.status);
  const allowed = draft ? availableActions(draft.extendedStatus, { now, draftUntil: draft.draftUntil }) : {};
  if (!draft || !allowed[action]) {
    throw conflict(
      'BILLING.INVOICE_ACTION_NOT_ALLOWED',
      `Invoice ${invoice.id} is ${status}: ${action} is not allowed in that status`,
    );
  }
  return issueNow(
    { ...command.data, customerId: draft.customerId, subscriptionId: draft.subscriptionId },
    draft,
    state,
  );
}

/**
 * Moves an invoice not issued on now. A retry that still finds a critical issue is recorded and
 * changes nothing else (the invoice stays `draft.invalid`, listing its issues); a snapshot of an
 * invoice found invalid is refused, as there are no quantities to take.
 */
function continueInvoice(command: ContinueInvoice, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { action, invoice, status, next, now, namespace, customerId, subscriptionId, billedThrough } =
    command.data;
  const id = invoice.id;
  const refuse = (why: string) =>
    conflict(
      'BILLING.INVOICE_ACTION_NOT_ALLOWED',
      `Invoice ${id} is ${why}: ${action} is not allowed in that status`,
    );
  if (documents(state).some((doc) => doc.id === id)) throw refuse(isVoided(state, id) ? 'voided' : 'issued');
  const draft = draftOf(state, id);
  // Drafted since it was read (another snapshot went first): it is no longer collecting.
  if (draft && action === 'snapshotQuantities') throw refuse(draft.extendedStatus);
  const at = { now, ...(draft ? { draftUntil: draft.draftUntil } : {}), ...(next ? { next } : {}) };
  if (!availableActions(status, at)[action]) throw refuse(status);
  const about = { namespace, invoiceId: id, customerId, subscriptionId, period: invoice.period };
  if (action === 'retry') {
    const issues = invoice.validationIssues
      .filter((issue) => issue.severity === 'critical')
      .map(({ code, message }) => ({ code, message }));
    const retried: InvoiceRetried = { type: 'InvoiceRetried', data: { ...about, issues, retriedAt: now } };
    if (issues.length > 0 || next === 'draft.waiting_for_collection') return [retried];
    return [retried, ...moveOn(command.data, draft, state)];
  }
  refuseInvalid(invoice);
  if (billedThrough === undefined)
    throw conflict('BILLING.INVOICE_INVALID', `Invoice ${id}'s figures could not be read`);
  return [
    { type: 'InvoiceQuantitiesSnapshotted', data: { ...about, billedThrough, snapshotAt: now } },
    ...moveOn({ ...command.data, invoice: { ...invoice, quantitySnapshotedAt: now } }, draft, state),
  ];
}

/** What the issuer does with a collected period: a draft due is issued; one not drafted is drafted or issued. */
function moveOn(
  data: ContinueInvoice['data'],
  draft: DraftLink | undefined,
  state: InvoiceLedgerState,
): InvoiceLedgerEvent[] {
  if (draft) {
    const due = draft.extendedStatus === 'draft.waiting_auto_approval' && data.now >= draft.draftUntil;
    return due ? issueNow(data, draft, state) : [];
  }
  if (data.billedThrough === undefined) {
    throw conflict('BILLING.INVOICE_INVALID', `Invoice ${data.invoice.id}'s figures could not be read`);
  }
  const { action: _action, status: _status, next: _next, ...issuing } = data;
  return issue({ type: 'IssueInvoice', data: { ...issuing, billedThrough: data.billedThrough } }, state);
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
  // A voided invoice's period is billed again by its re-bill, which is corrected in its stead.
  if (isVoided(state, correctionOf)) return [];
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

function isVoided(state: InvoiceLedgerState, id: string): boolean {
  for (let link = state.voided; link; link = link.earlier) if (link.id === id) return true;
  return false;
}

/**
 * Only an issued invoice with no correction is voided: a correction amends its invoice, and voiding
 * either alone would leave the period's documents billing a figure nobody issued.
 */
function voidInvoice(command: VoidInvoice, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { namespace, invoiceId, reason, rebill, now } = command.data;
  const docs = documents(state);
  const doc = docs.find((d) => d.id === invoiceId);
  const refuse = (why: string) =>
    conflict('BILLING.INVOICE_ACTION_NOT_ALLOWED', `Invoice ${invoiceId} is ${why}: void is not allowed`);
  if (!doc) throw refuse(command.data.status);
  if (isVoided(state, invoiceId)) throw refuse('voided');
  if (doc.correctionOf !== undefined || !doc.of) throw refuse('a correction');
  if (docs.some((d) => d.correctionOf === invoiceId)) throw refuse('corrected (it has corrections)');
  return [
    {
      type: 'InvoiceVoided',
      data: {
        namespace,
        invoiceId,
        number: doc.number,
        ...doc.of,
        reason,
        ...(rebill ? { rebill } : {}),
        voidedAt: now,
      },
    },
  ];
}

/** Only a recorded draft not issued is deleted: a draft the issuer has not made yet has nothing to delete. */
function deleteDraft(command: DeleteInvoice, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { namespace, invoiceId, now } = command.data;
  const issuedAlready = documents(state).some((doc) => doc.id === invoiceId);
  const draft = issuedAlready ? undefined : draftOf(state, invoiceId);
  if (!draft) {
    const status = issuedAlready ? (isVoided(state, invoiceId) ? 'voided' : 'issued') : command.data.status;
    throw conflict(
      'BILLING.INVOICE_ACTION_NOT_ALLOWED',
      `Invoice ${invoiceId} is ${status}: delete is not allowed in that status`,
    );
  }
  return [{ type: 'InvoiceDraftDeleted', data: { namespace, invoiceId, deletedAt: now } }];
}

/**
 * Only a draft not issued is edited: a recorded one, whose edited workflow re-decides its status and
 * draft period as the issuer decided them when it drafted it, or a closed period's invoice not
 * drafted yet (`draft.*` as read), which the issuer drafts under the edit.
 */
function editDraft(command: EditInvoiceDraft, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { namespace, invoiceId, customerId, subscriptionId, period, edit, now } = command.data;
  const issuedAlready = documents(state).some((doc) => doc.id === invoiceId);
  const draft = issuedAlready ? undefined : draftOf(state, invoiceId);
  if (issuedAlready || (!draft && !command.data.status.startsWith('draft.'))) {
    const status = issuedAlready ? (isVoided(state, invoiceId) ? 'voided' : 'issued') : command.data.status;
    throw conflict(
      'BILLING.INVOICE_ACTION_NOT_ALLOWED',
      `Invoice ${invoiceId} is ${status}: it cannot be edited in that status`,
    );
  }
  const workflow = draft && editedProfile(draft.profile, edit)?.workflow;
  const from = draft?.draftedAt ?? now;
  const status = workflow && workflowStatus(workflow, from);
  return [
    {
      type: 'InvoiceDraftEdited',
      data: {
        namespace,
        invoiceId,
        customerId: draft?.customerId ?? customerId,
        subscriptionId: draft?.subscriptionId ?? subscriptionId,
        period,
        edit,
        ...(workflow && status
          ? {
              draft: {
                // With auto-advance and no draft period it is due at once: the next sweep issues it.
                extendedStatus: status === 'issued' ? 'draft.waiting_auto_approval' : status,
                draftUntil: addWorkflowDuration(from, workflow.invoicing.draftPeriod),
              },
            }
          : {}),
        editedAt: now,
      },
    },
  ];
}

/**
 * Each invoice is new or the whole command is refused (409): one already drafted or issued means a
 * concurrent invoice-now, or the sweep, billed that span first — never twice.
 */
function invoiceNow(command: InvoicePendingLines, state: InvoiceLedgerState): InvoiceLedgerEvent[] {
  const { namespace, customerId, profile, now } = command.data;
  const events: InvoiceLedgerEvent[] = [];
  let current = state;
  for (const { subscriptionId, invoice, billedThrough, atOnce } of command.data.invoices) {
    if (documents(current).some((doc) => doc.id === invoice.id) || draftOf(current, invoice.id)) {
      throw conflict(
        'BILLING.ALREADY_INVOICED',
        `Invoice ${invoice.id} (${invoice.period.from}..${invoice.period.to}) is already drafted or issued`,
      );
    }
    const data = {
      namespace,
      customerId,
      subscriptionId,
      invoice,
      billedThrough,
      ...(profile && { profile }),
      now,
    };
    const decided = atOnce
      ? issueNow(data, undefined, current)
      : issue({ type: 'IssueInvoice', data }, current);
    events.push(...decided);
    current = decided.reduce(invoiceLedgerDecider.evolve, current);
  }
  return events;
}

/** The pending lines an issued invoice bills, marked billed by it. */
function billing(state: InvoiceLedgerState, invoice: Invoice): Pick<InvoiceLedgerState, 'billedLines'> {
  let billedLines = state.billedLines;
  for (const lineId of oneOffIds(invoice))
    billedLines = { lineId, invoiceId: invoice.id, earlier: billedLines };
  return billedLines ? { billedLines } : {};
}

/** A voided invoice's pending lines, pending again for its re-bill. */
function released(state: InvoiceLedgerState, invoiceId: string): Pick<InvoiceLedgerState, 'billedLines'> {
  let billedLines = state.billedLines;
  for (let link = state.billedLines; link; link = link.earlier)
    if (link.invoiceId === invoiceId && billedBy(state, link.lineId) === invoiceId)
      billedLines = { lineId: link.lineId, earlier: billedLines };
  return billedLines ? { billedLines } : {};
}

function createPending(command: CreatePendingLines): InvoiceLedgerEvent[] {
  const { namespace, customerId, currency, lines, now } = command.data;
  return [
    { type: 'PendingInvoiceLinesCreated', data: { namespace, customerId, currency, lines, createdAt: now } },
  ];
}

export const invoiceLedgerDecider: Decider<InvoiceLedgerCommand, InvoiceLedgerEvent, InvoiceLedgerState> = {
  initialState: () => ({ lastSequence: 0 }),
  evolve: evolveByType<InvoiceLedgerEvent, InvoiceLedgerState>({
    InvoiceIssued: (state, event) => ({
      ...state,
      ...billing(state, event.data.invoice),
      lastSequence: event.data.sequence,
      latest: {
        id: event.data.invoice.id,
        number: event.data.invoice.number,
        of: {
          customerId: event.data.customerId,
          subscriptionId: event.data.subscriptionId,
          period: event.data.invoice.period,
        },
        ...(event.data.billedThrough ? { billedThrough: event.data.billedThrough } : {}),
        earlier: state.latest,
      },
    }),
    InvoiceDraftDeleted: (state, event) => {
      const draft = draftOf(state, event.data.invoiceId);
      if (!draft) return state;
      const { invoiceId } = event.data;
      const forgotten = editOf(state, invoiceId) ? { edits: { id: invoiceId, earlier: state.edits } } : {};
      return { ...state, drafts: { ...draft, deleted: true, earlier: state.drafts }, ...forgotten };
    },
    InvoiceDraftEdited: (state, event) => {
      const { invoiceId, edit, draft: redecided } = event.data;
      const draft = draftOf(state, invoiceId);
      const drafts = draft && redecided ? { drafts: { ...draft, ...redecided, earlier: state.drafts } } : {};
      return { ...state, ...drafts, edits: { id: invoiceId, edit, earlier: state.edits } };
    },
    InvoiceVoided: (state, event) => ({
      ...state,
      voided: { id: event.data.invoiceId, earlier: state.voided },
      ...(event.data.rebill ? released(state, event.data.invoiceId) : {}),
    }),
    PendingInvoiceLinesCreated: (state) => state,
    InvoiceDrafted: (state, event) => ({
      ...state,
      drafts: {
        id: event.data.invoiceId,
        customerId: event.data.customerId,
        subscriptionId: event.data.subscriptionId,
        extendedStatus: event.data.extendedStatus,
        draftUntil: event.data.draftUntil,
        ...(event.data.profile ? { profile: event.data.profile } : {}),
        ...(event.data.quantitySnapshotedAt ? { quantitySnapshotedAt: event.data.quantitySnapshotedAt } : {}),
        draftedAt: event.data.draftedAt,
        earlier: state.drafts,
      },
    }),
    // Recorded for the audit trail: the decisions they lead to are the events after them.
    InvoiceRetried: (state) => state,
    InvoiceQuantitiesSnapshotted: (state) => state,
    CorrectionIssued: (state, event) => ({
      ...state,
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
      case 'ActOnInvoice':
        return act(command, state);
      case 'VoidInvoice':
        return voidInvoice(command, state);
      case 'DeleteInvoice':
        return deleteDraft(command, state);
      case 'ContinueInvoice':
        return continueInvoice(command, state);
      case 'InvoicePendingLines':
        return invoiceNow(command, state);
      case 'CreatePendingLines':
        return createPending(command);
      case 'EditInvoiceDraft':
        return editDraft(command, state);
      default:
        return unreachable(command);
    }
  },
};
