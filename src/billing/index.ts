/**
 * The billing context's face: its view of subscriptions and billed features, and of issued periods
 * (reconciliation), and the invoice snapshot the replay tool compares before and after.
 */
export { BILLING_VIEW_PROJECTION } from './billing-view/billing-view.projection';
export { BillingViewQuery } from './billing-view/billing-view.query';
export type { BilledFeature, RecordedSubscription } from './billing-view/billing-view.query';
export { BillingModule } from './billing.module';
export { CorrectionsQuery } from './corrections/corrections.query';
export type { IssuedPeriodState } from './corrections/corrections.query';
export { INVOICE_STATUSES_PROJECTION } from './invoice-statuses/invoice-statuses.projection';
export { ISSUED_INVOICES_PROJECTION } from './issue-invoices/issued-invoices.projection';
export { driftBetween } from './recompute/invoice-figures';
export { InvoiceSnapshotService } from './recompute/invoice-snapshot.service';
