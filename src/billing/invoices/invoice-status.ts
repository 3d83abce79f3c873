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

export type InvoiceAction = 'advance' | 'approve' | 'delete' | 'void';

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

/** What the invoice's state allows: `now` and `draftUntil` decide whether a waiting draft may advance. */
export function availableActions(
  extendedStatus: string,
  at: { readonly now: string; readonly draftUntil?: string },
): AvailableActions {
  switch (extendedStatus) {
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
  at: { readonly now: string; readonly draftUntil?: string },
): StatusDetails {
  return {
    immutable: extendedStatus === 'issued' || extendedStatus === 'voided',
    failed,
    extendedStatus,
    availableActions: failed ? {} : availableActions(extendedStatus, at),
  };
}
