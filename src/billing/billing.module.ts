import { Module } from '@nestjs/common';
import { ProjectionsService } from '../projections/projections.service';
import { MeteringModule } from '../metering';
import { billingViewProjection } from './billing-view/billing-view.projection';
import { BillingViewQuery } from './billing-view/billing-view.query';
import { CorrectionSweep } from './corrections/correction-sweep.service';
import { CorrectionsQuery } from './corrections/corrections.query';
import { EditInvoiceController } from './edit-invoices/edit-invoice.controller';
import { EditInvoice } from './edit-invoices/edit-invoice.service';
import { InvoiceActionsController } from './invoice-actions/invoice-actions.controller';
import { InvoiceActions } from './invoice-actions/invoice-actions.service';
import { InvoiceNowController } from './invoice-now/invoice-now.controller';
import { InvoiceNow } from './invoice-now/invoice-now.service';
import { PendingLinesController } from './pending-lines/pending-lines.controller';
import { pendingLinesProjection } from './pending-lines/pending-lines.projection';
import { PendingLines } from './pending-lines/pending-lines.service';
import { invoiceStatusesProjection } from './invoice-statuses/invoice-statuses.projection';
import { InvoiceStatusesQuery } from './invoice-statuses/invoice-statuses.query';
import { InvoiceLineageQuery } from './invoice-lineage/invoice-lineage.query';
import { InvoicePreviewQuery } from './invoices/invoice-preview.query';
import { MeterQueryQuantity } from './invoices/meter-query-quantity';
import { METERED_QUANTITY } from './invoices/metered-quantity.port';
import { InvoiceIssuer } from './issue-invoices/invoice-issuer.service';
import { issuedInvoicesProjection } from './issue-invoices/issued-invoices.projection';
import { InvoicesController } from './read-invoices/invoices.controller';
import { InvoicesQuery } from './read-invoices/invoices.query';
import { InvoiceSnapshotService } from './recompute/invoice-snapshot.service';
import { BillingProfilesController } from './profiles/billing-profiles-read-model/billing-profiles.controller';
import { billingProfilesProjection } from './profiles/billing-profiles-read-model/billing-profiles.projection';
import { BillingProfilesQuery } from './profiles/billing-profiles-read-model/billing-profiles.query';
import { BillingProfiles } from './profiles/billing-profiles.service';
import { CustomerOverridesController } from './profiles/customer-overrides-read-model/customer-overrides.controller';
import { CustomerOverridesQuery } from './profiles/customer-overrides-read-model/customer-overrides.query';
import { DeleteCustomerOverrideController } from './profiles/delete-customer-override/delete-customer-override.controller';
import { SimulateInvoiceController } from './simulate-invoice/simulate-invoice.controller';
import { UpsertCustomerOverrideController } from './profiles/upsert-customer-override/upsert-customer-override.controller';
import { CreateBillingProfileController } from './profiles/create-billing-profile/create-billing-profile.controller';
import { DeleteBillingProfileController } from './profiles/delete-billing-profile/delete-billing-profile.controller';
import { UpdateBillingProfileController } from './profiles/update-billing-profile/update-billing-profile.controller';

/** Pricing, invoice previews, period close, issued invoices and their corrections. */
@Module({
  imports: [MeteringModule],
  controllers: [
    InvoicesController,
    InvoiceActionsController,
    EditInvoiceController,
    InvoiceNowController,
    PendingLinesController,
    BillingProfilesController,
    CreateBillingProfileController,
    UpdateBillingProfileController,
    DeleteBillingProfileController,
    CustomerOverridesController,
    UpsertCustomerOverrideController,
    DeleteCustomerOverrideController,
    SimulateInvoiceController,
  ],
  providers: [
    BillingViewQuery,
    InvoicePreviewQuery,
    InvoiceStatusesQuery,
    InvoiceActions,
    EditInvoice,
    InvoiceNow,
    PendingLines,
    InvoicesQuery,
    InvoiceIssuer,
    CorrectionsQuery,
    CorrectionSweep,
    InvoiceLineageQuery,
    InvoiceSnapshotService,
    BillingProfiles,
    BillingProfilesQuery,
    CustomerOverridesQuery,
    { provide: METERED_QUANTITY, useClass: MeterQueryQuantity },
  ],
  exports: [
    InvoicePreviewQuery,
    InvoiceIssuer,
    CorrectionSweep,
    InvoiceSnapshotService,
    BillingViewQuery,
    CorrectionsQuery,
  ],
})
export class BillingModule {
  constructor(projections: ProjectionsService) {
    projections.register(billingViewProjection);
    projections.register(issuedInvoicesProjection);
    projections.register(invoiceStatusesProjection);
    projections.register(pendingLinesProjection);
    projections.register(billingProfilesProjection);
  }
}
