import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { comparePositions, type LogPosition } from '../../event-store/event-store.port';
import { type ChangedHour, type Changes, UsageChanges } from '../../metering';
import { BillingViewQuery } from '../billing-view/billing-view.query';
import { hasCriticalIssues, Invoice } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { draftCorrection } from './correction';

/** An issued period's documents: its invoice and the corrections of it so far, oldest first. */
export interface PeriodDocuments {
  readonly namespace: string;
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly original: Invoice;
  readonly corrections: readonly Invoice[];
  /** The latest of them, and the log position it billed through. */
  readonly latestId: string;
  readonly latestBilledThrough: LogPosition;
}

/** What an issued period needs now. */
export interface PendingCorrection {
  /** The correction it needs (a draft, not numbered yet), or absent when its figures stand. */
  readonly correction?: Invoice;
  /** The position the figures were read at (when read at one). */
  readonly through?: LogPosition;
  /** Why the period's figures cannot be computed now (a critical issue, its subscription gone). */
  readonly failed?: string;
}

/** An issued period as reconciliation counts it: what its documents billed through, and whether more is due. */
export interface IssuedPeriodState {
  readonly subscriptionId: string;
  readonly periodFrom: Date;
  readonly billedThrough: LogPosition;
  /** Its usage changed since its latest document, and the change alters its figures: a correction will follow. */
  readonly correctionPending: boolean;
}

const HOUR_MS = 3_600_000;

interface DocumentRow {
  invoice: Invoice;
  customer_id: string;
  subscription_id: string;
  correction_of: string | null;
  billed_commit: string;
  billed_prepare: string;
}

/**
 * Reads of issued periods for corrections, the recompute report and reconciliation: an issued
 * period's documents, what changed in its usage since the latest of them, and the correction it
 * needs — the period's invoice drafted now, compared line by line with what its documents billed.
 * Callers wait for the read models themselves (the issued invoices, billing's view, usage).
 */
@Injectable()
export class CorrectionsQuery {
  constructor(
    private readonly db: DataSource,
    private readonly previews: InvoicePreviewQuery,
    private readonly view: BillingViewQuery,
    private readonly usage: UsageChanges,
  ) {}

  /** The documents of the period issued as `invoiceId`; undefined if no such invoice is issued. */
  async documents(namespace: string, invoiceId: string): Promise<PeriodDocuments | undefined> {
    const rows = await this.db.query<DocumentRow[]>(
      `SELECT invoice, customer_id, subscription_id, correction_of, billed_commit, billed_prepare
       FROM billing_invoices WHERE namespace = $1 AND (id = $2 OR correction_of = $2) ORDER BY sequence`,
      [namespace, invoiceId],
    );
    const original = rows.find((row) => row.correction_of === null && row.invoice.id === invoiceId);
    if (!original) return undefined;
    const latest = rows[rows.length - 1];
    return {
      namespace,
      customerId: original.customer_id,
      subscriptionId: original.subscription_id,
      original: original.invoice,
      corrections: rows.filter((row) => row.correction_of !== null).map((row) => row.invoice),
      latestId: latest.invoice.id,
      latestBilledThrough: { commit: BigInt(latest.billed_commit), prepare: BigInt(latest.billed_prepare) },
    };
  }

  /**
   * Every issued period of the namespace overlapping `range`, with the position its documents billed
   * through and whether a correction is pending (its usage changed since, altering its figures).
   */
  async issuedPeriods(
    namespace: string,
    range: { readonly from: Date; readonly to: Date },
  ): Promise<IssuedPeriodState[]> {
    const rows = await this.db.query<
      {
        id: string;
        subscription_id: string;
        period_from: Date;
        period_to: Date;
        latest_commit: string;
        latest_prepare: string;
      }[]
    >(
      `SELECT id, subscription_id, period_from, period_to, latest_commit, latest_prepare FROM billing_invoices
       WHERE namespace = $1 AND correction_of IS NULL AND period_to > $2 AND period_from < $3
         AND NOT EXISTS (SELECT 1 FROM billing_invoice_statuses v
           WHERE v.namespace = billing_invoices.namespace AND v.id = billing_invoices.id AND v.extended_status = 'voided')
       ORDER BY period_from, id`,
      [namespace, range.from, range.to],
    );
    if (rows.length === 0) return [];
    const from = Math.min(...rows.map((r) => r.period_from.getTime()));
    const to = Math.max(...rows.map((r) => r.period_to.getTime()));
    const hours = await this.usage.hoursIn(namespace, { from: new Date(from), to: new Date(to) });
    const states: IssuedPeriodState[] = [];
    for (const row of rows) {
      const billedThrough = { commit: BigInt(row.latest_commit), prepare: BigInt(row.latest_prepare) };
      const changed = changedHours(hours, row.period_from, row.period_to, billedThrough);
      let correctionPending = false;
      if (changed.length > 0) {
        const documents = await this.documents(namespace, row.id);
        if (documents && (await this.changes(documents, changed)).count > 0) {
          const pending = await this.pending(documents, {
            asOf: false,
            issuedAt: documents.original.period.to,
          });
          correctionPending = pending.correction !== undefined;
        }
      }
      states.push({
        subscriptionId: row.subscription_id,
        periodFrom: row.period_from,
        billedThrough,
        correctionPending,
      });
    }
    return states;
  }

  /**
   * What changed in the period's usage after its latest document: events of its lines' meters from
   * its customer's subjects, stored since (late) or voided since. `hours` narrows the look to them.
   */
  async changes(documents: PeriodDocuments, hours?: readonly Date[]): Promise<Changes> {
    const { namespace, original } = documents;
    const customer = await this.previews.customer(namespace, documents.customerId);
    const keys = original.lines.flatMap((line) => (line.featureKey ? [line.featureKey] : []));
    if (!customer || keys.length === 0) return { count: 0 };
    const features = await this.view.billedFeatures(namespace, keys);
    return this.usage.changesAfter({
      namespace,
      meterSlugs: [...new Set([...features.values()].map((feature) => feature.meterSlug))],
      subjects: customer.subjectKeys,
      window: original.period,
      after: documents.latestBilledThrough,
      ...(hours ? { hours } : {}),
    });
  }

  /**
   * The correction the period needs: its invoice drafted now (at one log position with `asOf`) and
   * compared with what its documents billed. Nothing is pending while its figures stand.
   */
  async pending(
    documents: PeriodDocuments,
    options: { readonly asOf: boolean; readonly issuedAt: string },
  ): Promise<PendingCorrection> {
    const { original } = documents;
    const drafted = await this.previews.draftOfIssued(
      documents.namespace,
      {
        customerId: documents.customerId,
        subscriptionId: documents.subscriptionId,
        period: original.period,
        invoiceId: original.id,
      },
      options.asOf,
    );
    if (!drafted) return { failed: 'its customer or subscription is no longer in billing' };
    if (hasCriticalIssues(drafted.invoice)) {
      return {
        failed: drafted.invoice.validationIssues
          .filter((issue) => issue.severity === 'critical')
          .map((issue) => `${issue.code} ${issue.message}`)
          .join('; '),
      };
    }
    const correction = draftCorrection({
      original,
      corrections: documents.corrections,
      now: drafted.invoice,
      issuedAt: options.issuedAt,
    });
    return {
      ...(correction ? { correction } : {}),
      ...(drafted.through ? { through: drafted.through } : {}),
    };
  }
}

/** The hours overlapping `[from, to)` whose usage changed after `after`. */
export function changedHours(
  hours: readonly ChangedHour[],
  from: Date,
  to: Date,
  after: LogPosition,
): Date[] {
  return hours
    .filter((h) => h.hour.getTime() < to.getTime() && h.hour.getTime() + HOUR_MS > from.getTime())
    .filter((h) => comparePositions(h.last, after) > 0)
    .map((h) => h.hour);
}
