import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CorrectionRef, DocumentRef, Invoice, Period } from '../invoices/draft-invoice';
import {
  availableActions,
  type ExtendedStatus,
  type RecordedDraftStatus,
  statusDetailsOf,
} from '../invoices/invoice-status';
import type { InvoiceEdit } from '../edit-invoices/invoice-edit';
import { type IssuingProfile, snapshotOf } from '../issue-invoices/invoice-ledger.decider';

/** A draft the ledger holds and has not issued. */
export interface RecordedDraft {
  readonly id: string;
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly extendedStatus: RecordedDraftStatus;
  readonly draftUntil: string;
  readonly profile?: IssuingProfile;
}

/** A voided invoice whose period's usage is due to be billed again, and not billed yet. */
export interface RebillDue {
  readonly namespace: string;
  readonly voided: DocumentRef;
  readonly rebillId: string;
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly period: Period;
}

interface DraftRow {
  id: string;
  customer_id: string;
  subscription_id: string;
  extended_status: RecordedDraftStatus;
  draft_until: Date;
  profile: IssuingProfile | null;
}

/** Reads of `invoice_statuses@v2`; callers wait for the projection themselves. */
@Injectable()
export class InvoiceStatusesQuery {
  constructor(private readonly db: DataSource) {}

  /** The namespace's drafts not issued yet (or only `invoiceId`), by invoice id. */
  async pending(namespace: string, invoiceId?: string): Promise<Map<string, RecordedDraft>> {
    const rows = await this.db.query<DraftRow[]>(
      `SELECT id, customer_id, subscription_id, extended_status, draft_until, profile
       FROM billing_invoice_statuses
       WHERE namespace = $1 AND extended_status LIKE 'draft.%' AND ($2::text IS NULL OR id = $2)`,
      [namespace, invoiceId ?? null],
    );
    return new Map(rows.map((row) => [row.id, draftOf(row)]));
  }

  /** The namespace's drafts' edits in force (or only `invoiceId`'s), by invoice id. */
  async edits(namespace: string, invoiceId?: string): Promise<Map<string, InvoiceEdit>> {
    const rows = await this.db.query<{ id: string; edit: InvoiceEdit }[]>(
      `SELECT id, edit FROM billing_invoice_edits
       WHERE namespace = $1 AND edit IS NOT NULL AND ($2::text IS NULL OR id = $2)`,
      [namespace, invoiceId ?? null],
    );
    return new Map(rows.map((row) => [row.id, row.edit]));
  }

  /**
   * Voided invoices whose re-bill is due by `now` and not issued yet, every namespace's, oldest
   * first. Read beside the issued invoices (both this context's): the caller has caught up with both.
   */
  async rebillsDue(now: string): Promise<RebillDue[]> {
    const rows = await this.db.query<
      {
        namespace: string;
        id: string;
        number: string;
        rebill_id: string;
        customer_id: string;
        subscription_id: string;
        period_from: Date;
        period_to: Date;
      }[]
    >(
      `SELECT s.namespace, s.id, v.invoice->>'number' AS number, s.rebill_id, s.customer_id,
         s.subscription_id, s.period_from, s.period_to
       FROM billing_invoice_statuses s
       JOIN billing_invoices v ON v.namespace = s.namespace AND v.id = s.id
       WHERE s.rebill_id IS NOT NULL AND s.rebill_at <= $1
         AND NOT EXISTS (SELECT 1 FROM billing_invoices r WHERE r.namespace = s.namespace AND r.id = s.rebill_id)
       ORDER BY s.namespace, s.voided_at, s.id`,
      [now],
    );
    return rows.map((row) => ({
      namespace: row.namespace,
      voided: { id: row.id, number: row.number },
      rebillId: row.rebill_id,
      customerId: row.customer_id,
      subscriptionId: row.subscription_id,
      period: { from: row.period_from.toISOString(), to: row.period_to.toISOString() },
    }));
  }
}

function draftOf(row: DraftRow): RecordedDraft {
  return {
    id: row.id,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    extendedStatus: row.extended_status,
    draftUntil: row.draft_until.toISOString(),
    ...(row.profile ? { profile: row.profile } : {}),
  };
}

/**
 * A closed period's invoice as answered: a recorded draft shows its status, draft period and profile
 * snapshot; one the issuer has not drafted yet is still collecting (`draft.waiting_for_collection`).
 * A critical issue makes either `draft.invalid`, which accepts only `retry` until its figures read
 * right. `next` is where an invoice not drafted yet goes when it moves on now (`InvoiceMoment`).
 */
export function asDraft(
  invoice: Invoice,
  recorded: RecordedDraft | undefined,
  now: string,
  next?: ExtendedStatus,
): Invoice {
  const failed = invoice.statusDetails.failed;
  if (!recorded) {
    return {
      ...invoice,
      statusDetails: statusDetailsOf(failed ? 'draft.invalid' : 'draft.waiting_for_collection', failed, {
        now,
        ...(next ? { next } : {}),
      }),
    };
  }
  // Retried once its figures read right, a recorded draft is back in its status (issued if due).
  const due = recorded.extendedStatus === 'draft.waiting_auto_approval' && now >= recorded.draftUntil;
  const at = {
    now,
    draftUntil: recorded.draftUntil,
    next: due ? ('issued' as const) : recorded.extendedStatus,
  };
  return {
    ...invoice,
    ...(recorded.profile ? snapshotOf(recorded.profile) : {}),
    draftUntil: recorded.draftUntil,
    statusDetails: statusDetailsOf(failed ? 'draft.invalid' : recorded.extendedStatus, failed, at),
  };
}

/**
 * An issued document as answered: its figures as issued, the corrections issued since, and where it
 * stands now — voided, or issued and voidable only while it is an invoice with no correction.
 */
export function asIssued(
  invoice: Invoice,
  corrections: readonly CorrectionRef[],
  voidedAt: string | null,
): Invoice {
  const linked = corrections.length > 0 ? { ...invoice, corrections } : invoice;
  if (voidedAt !== null) {
    return {
      ...linked,
      status: 'voided',
      voidedAt,
      statusDetails: statusDetailsOf('voided', false, { now: voidedAt }),
    };
  }
  const voidable = corrections.length === 0 && !invoice.correctionOf;
  return {
    ...linked,
    statusDetails: {
      ...invoice.statusDetails,
      availableActions: voidable ? availableActions('issued', { now: invoice.updatedAt }) : {},
    },
  };
}
