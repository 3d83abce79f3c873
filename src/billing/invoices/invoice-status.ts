import { workflowDurationMs, type Workflow } from '../profiles/workflow';

/**
 * OpenMeter's invoice statuses as Tally has them, and the actions each accepts now. Pure: the
 * answer's `statusDetails` and the ledger's decisions read the same table, so an action an invoice
 * lists is one the ledger accepts, and one it does not list is refused (409 naming the status).
 */
export type ExtendedStatus =
  | 'gathering'
  | 'draft.waiting_for_collection'
  | 'draft.waiting_auto_approval'
  | 'draft.manual_approval_needed'
  | 'draft.invalid'
  | 'issued'
  | 'voided';

/** A draft the ledger holds (drafted by the issuer under its workflow), before it is issued. */
export type RecordedDraftStatus = Extract<
  ExtendedStatus,
  'draft.waiting_auto_approval' | 'draft.manual_approval_needed'
>;

export type InvoiceAction = 'advance' | 'approve' | 'delete' | 'void' | 'retry' | 'snapshotQuantities';

export interface InvoiceAvailableActionDetails {
  readonly resultingState: ExtendedStatus;
}

/** OpenMeter's `InvoiceAvailableActions`: only the actions the invoice accepts now are present. */
export type AvailableActions = Partial<Record<InvoiceAction, InvoiceAvailableActionDetails>>;

export interface StatusDetails {
  readonly immutable: boolean;
  readonly failed: boolean;
  readonly extendedStatus: string;
  readonly availableActions: AvailableActions;
}

/** A deleted draft's period is pending again: collected, then drafted anew by the next sweep. */
const DELETE: InvoiceAvailableActionDetails = { resultingState: 'draft.waiting_for_collection' };

/**
 * Where an invoice not drafted yet goes when it moves on now (`retry`, `snapshotQuantities`): the
 * status its workflow gives it, or, for a failed one still collecting, collecting again. Absent while
 * an earlier period of its subscription is not issued: it waits behind that one, as the issuer does.
 */
export interface InvoiceMoment {
  readonly now: string;
  readonly draftUntil?: string;
  readonly next?: ExtendedStatus;
}

/** The status a collected, valid invoice takes under its workflow: issued at once, or a draft. */
export function workflowStatus(workflow: Workflow, now: string): 'issued' | RecordedDraftStatus {
  if (!workflow.invoicing.autoAdvance) return 'draft.manual_approval_needed';
  return workflowDurationMs(now, workflow.invoicing.draftPeriod) > 0
    ? 'draft.waiting_auto_approval'
    : 'issued';
}

/** What the invoice's state allows: `now` and `draftUntil` decide whether a waiting draft may advance. */
export function availableActions(extendedStatus: string, at: InvoiceMoment): AvailableActions {
  switch (extendedStatus) {
    case 'draft.waiting_for_collection':
      // OpenMeter's collection skip: the quantities are taken now and the invoice moves on.
      return at.next ? { snapshotQuantities: { resultingState: at.next } } : {};
    case 'draft.invalid':
      return at.next ? { retry: { resultingState: at.next } } : {};
    case 'draft.manual_approval_needed':
      return { approve: { resultingState: 'issued' }, delete: DELETE };
    case 'draft.waiting_auto_approval':
      // Advancing does what the issuer would do on its own: only once the draft period is over.
      return at.draftUntil !== undefined && at.now >= at.draftUntil
        ? { advance: { resultingState: 'issued' }, approve: { resultingState: 'issued' }, delete: DELETE }
        : { approve: { resultingState: 'issued' }, delete: DELETE };
    case 'issued':
      return { void: { resultingState: 'voided' } };
    default:
      return {};
  }
}

export function statusDetailsOf(
  extendedStatus: ExtendedStatus,
  failed: boolean,
  at: InvoiceMoment,
): StatusDetails {
  return {
    immutable: extendedStatus === 'issued' || extendedStatus === 'voided',
    failed,
    extendedStatus,
    // A failed invoice accepts only `retry`: validated again, it moves on if its cause is gone.
    availableActions:
      failed && extendedStatus !== 'draft.invalid' ? {} : availableActions(extendedStatus, at),
  };
}
