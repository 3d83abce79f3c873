import { createHash } from 'node:crypto';
import type { Invoice } from '../invoices/draft-invoice';

/** What a billing team checks of an invoice after a replay: who, when, each line's quantity and money. */
export interface InvoiceFigures {
  readonly namespace: string;
  readonly invoiceId: string;
  readonly customerId: string;
  readonly status: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly total: string;
  readonly lines: readonly {
    readonly lineId: string;
    readonly name: string;
    readonly quantity: string;
    readonly total: string;
  }[];
}

export interface Drift {
  readonly namespace: string;
  readonly invoiceId: string;
  readonly customerId: string;
  readonly period: { readonly from: string; readonly to: string };
  /** The line that changed, or absent when the invoice itself appeared, vanished or changed total. */
  readonly line?: string;
  readonly before?: { readonly quantity?: string; readonly total: string };
  readonly after?: { readonly quantity?: string; readonly total: string };
}

export function figuresOf(namespace: string, invoice: Invoice): InvoiceFigures {
  return {
    namespace,
    invoiceId: invoice.id,
    customerId: invoice.customer.id,
    status: invoice.status,
    period: invoice.period,
    total: invoice.totals.total,
    lines: invoice.lines.map((l) => ({
      lineId: l.id,
      name: l.name,
      quantity: l.quantity,
      total: l.totals.total,
    })),
  };
}

/** A digest of every invoice's figures, in a canonical order: equal logs replay to equal digests. */
export function digestOf(invoices: readonly InvoiceFigures[]): string {
  const canonical = [...invoices]
    .sort((a, b) => (a.namespace + a.invoiceId).localeCompare(b.namespace + b.invoiceId))
    .map((i) => ({ ...i, lines: [...i.lines].sort((a, b) => a.lineId.localeCompare(b.lineId)) }));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Every difference between two sets of invoice figures, line by line. */
export function driftBetween(before: readonly InvoiceFigures[], after: readonly InvoiceFigures[]): Drift[] {
  const key = (i: InvoiceFigures) => `${i.namespace}/${i.invoiceId}`;
  const afterByKey = new Map(after.map((i) => [key(i), i]));
  const beforeByKey = new Map(before.map((i) => [key(i), i]));
  const drift: Drift[] = [];
  for (const old of before) {
    const now = afterByKey.get(key(old));
    const where = {
      namespace: old.namespace,
      invoiceId: old.invoiceId,
      customerId: old.customerId,
      period: old.period,
    };
    if (!now) {
      drift.push({ ...where, before: { total: old.total } });
      continue;
    }
    const newLines = new Map(now.lines.map((l) => [l.lineId, l]));
    for (const line of old.lines) {
      const next = newLines.get(line.lineId);
      if (!next || next.quantity !== line.quantity || next.total !== line.total) {
        drift.push({
          ...where,
          line: line.name,
          before: { quantity: line.quantity, total: line.total },
          ...(next ? { after: { quantity: next.quantity, total: next.total } } : {}),
        });
      }
    }
    for (const line of now.lines) {
      if (!old.lines.some((l) => l.lineId === line.lineId)) {
        drift.push({ ...where, line: line.name, after: { quantity: line.quantity, total: line.total } });
      }
    }
    if (old.total !== now.total && !drift.some((d) => d.invoiceId === old.invoiceId)) {
      drift.push({ ...where, before: { total: old.total }, after: { total: now.total } });
    }
  }
  for (const added of after) {
    if (!beforeByKey.has(key(added))) {
      drift.push({
        namespace: added.namespace,
        invoiceId: added.invoiceId,
        customerId: added.customerId,
        period: added.period,
        after: { total: added.total },
      });
    }
  }
  return drift;
}
