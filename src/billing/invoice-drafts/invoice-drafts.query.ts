import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Invoice } from '../invoices/draft-invoice';
import { type RecordedDraftStatus, statusDetailsOf } from '../invoices/invoice-status';
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

interface DraftRow {
  id: string;
  customer_id: string;
  subscription_id: string;
  extended_status: RecordedDraftStatus;
  draft_until: Date;
  profile: IssuingProfile | null;
}

/** Reads of `invoice_drafts@v1`; callers wait for the projection themselves. */
@Injectable()
export class InvoiceDraftsQuery {
  constructor(private readonly db: DataSource) {}

  /** The namespace's drafts not issued yet (or only `invoiceId`), by invoice id. */
  async pending(namespace: string, invoiceId?: string): Promise<Map<string, RecordedDraft>> {
    const rows = await this.db.query<DraftRow[]>(
      `SELECT id, customer_id, subscription_id, extended_status, draft_until, profile
       FROM billing_invoice_drafts WHERE namespace = $1 AND NOT issued AND ($2::text IS NULL OR id = $2)`,
      [namespace, invoiceId ?? null],
    );
    return new Map(rows.map((row) => [row.id, draftOf(row)]));
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
 * A critical issue makes either `draft.invalid`, which accepts no action until its figures read right.
 */
export function asDraft(invoice: Invoice, recorded: RecordedDraft | undefined, now: string): Invoice {
  const failed = invoice.statusDetails.failed;
  if (!recorded) {
    return {
      ...invoice,
      statusDetails: statusDetailsOf(failed ? 'draft.invalid' : 'draft.waiting_for_collection', failed, {
        now,
      }),
    };
  }
  const at = { now, draftUntil: recorded.draftUntil };
  return {
    ...invoice,
    ...(recorded.profile ? snapshotOf(recorded.profile) : {}),
    draftUntil: recorded.draftUntil,
    statusDetails: statusDetailsOf(failed ? 'draft.invalid' : recorded.extendedStatus, failed, at),
  };
}
