import type { Invoice } from '../invoices/draft-invoice';

/** OpenMeter's `InvoiceStatus`: Tally's invoices are `gathering`, `draft` or `issued` today. */
export const INVOICE_STATUSES = [
  'gathering',
  'draft',
  'issuing',
  'issued',
  'payment_processing',
  'overdue',
  'paid',
  'uncollectible',
  'voided',
] as const;
export type InvoiceStatusName = (typeof INVOICE_STATUSES)[number];

/** An extended status is a status, refined by dotted parts (`draft.invalid`). */
export const EXTENDED_STATUS = new RegExp(`^(${INVOICE_STATUSES.join('|')})(\\.[a-z_]+)*$`);

export const INVOICE_ORDER_BY = [
  'customer.name',
  'issuedAt',
  'status',
  'createdAt',
  'updatedAt',
  'periodStart',
] as const;
export type InvoiceOrderBy = (typeof INVOICE_ORDER_BY)[number];

/** `listInvoices`' filters on an invoice's own fields; every bound is inclusive, as the spec says. */
export interface InvoiceFilter {
  readonly statuses?: readonly string[];
  readonly extendedStatuses?: readonly string[];
  readonly issuedAfter?: string;
  readonly issuedBefore?: string;
  readonly periodStartAfter?: string;
  readonly periodStartBefore?: string;
  readonly createdAfter?: string;
  readonly createdBefore?: string;
}

export function matchesFilter(invoice: Invoice, filter: InvoiceFilter): boolean {
  const within = (at: string | undefined, after?: string, before?: string) => {
    if (after === undefined && before === undefined) return true;
    if (at === undefined) return false;
    const ms = Date.parse(at);
    return (
      (after === undefined || ms >= Date.parse(after)) && (before === undefined || ms <= Date.parse(before))
    );
  };
  return (
    (filter.statuses === undefined || filter.statuses.includes(invoice.status)) &&
    (filter.extendedStatuses === undefined ||
      filter.extendedStatuses.includes(invoice.statusDetails.extendedStatus)) &&
    within(invoice.issuedAt, filter.issuedAfter, filter.issuedBefore) &&
    within(invoice.period?.from, filter.periodStartAfter, filter.periodStartBefore) &&
    within(invoice.createdAt, filter.createdAfter, filter.createdBefore)
  );
}

/**
 * Invoices ordered by `orderBy` (ties by id, so pages never overlap); invoices without the field
 * (`issuedAt` of one not issued) come last ascending, first descending.
 */
export function sortInvoices(invoices: Invoice[], orderBy: InvoiceOrderBy, order: 'ASC' | 'DESC'): Invoice[] {
  const key = (invoice: Invoice): string | number | undefined => {
    switch (orderBy) {
      case 'customer.name':
        return invoice.customer.name;
      case 'issuedAt':
        return invoice.issuedAt === undefined ? undefined : Date.parse(invoice.issuedAt);
      case 'status':
        return invoice.status;
      case 'createdAt':
        return Date.parse(invoice.createdAt);
      case 'updatedAt':
        return Date.parse(invoice.updatedAt);
      case 'periodStart':
        return invoice.period === undefined ? undefined : Date.parse(invoice.period.from);
    }
  };
  const sign = order === 'DESC' ? -1 : 1;
  const compare = (a: Invoice, b: Invoice): number => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) {
      if (x === undefined) return 1 * sign;
      if (y === undefined) return -1 * sign;
      return (x < y ? -1 : 1) * sign;
    }
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
  return [...invoices].sort(compare);
}
