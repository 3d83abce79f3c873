// Generated from Tally's own OpenAPI document (/docs-json) by openapi-typescript: do not edit.
// `npm run api:schema` writes it again; `npm test` fails while it differs from the document.

export interface paths {
    "/api/v1/addons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAddons"];
        put?: never;
        post: operations["createAddon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/addons/{addonId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getAddon"];
        put: operations["updateAddon"];
        post?: never;
        delete: operations["deleteAddon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/addons/{addonId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["archiveAddon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/addons/{addonId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["publishAddon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listProjections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/projections/{name}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["rebuildProjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage reconciliation: events accepted, stored, deduplicated, voided, metered, attributed, billable, billed, pending correction
         * @description For the token's namespace and the events whose time lies in [from, to): totals, one entry per UTC day, and per subscription billing period. accepted = stored + deduplicated always; accepted and deduplicated are null on EventStoreDB, which cannot count them atomically.
         */
        get: operations["getReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customer overrides */
        get: operations["listBillingProfileCustomerOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer override */
        get: operations["getBillingProfileCustomerOverride"];
        /** Create a new or update a customer override */
        put: operations["upsertBillingProfileCustomerOverride"];
        post?: never;
        /** Delete a customer override */
        delete: operations["deleteBillingProfileCustomerOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/customers/{customerId}/invoices/pending-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create pending line items */
        post: operations["createPendingInvoiceLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/customers/{customerId}/invoices/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Simulate an invoice for a customer */
        post: operations["simulateInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/customers/{customerIdOrKey}/invoices/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["previewCustomerInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invoices: issued documents, then each closed period's draft and each open period (gathering) */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getInvoice"];
        /** Update an invoice */
        put: operations["updateInvoice"];
        post?: never;
        /** Delete an invoice */
        delete: operations["deleteInvoice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Advance the invoice's state to the next status */
        post: operations["advanceInvoiceAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the invoice to the customer */
        post: operations["approveInvoiceAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}/lines/{lineId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listInvoiceLineEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry advancing the invoice after a failed attempt */
        post: operations["retryInvoiceAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}/snapshot-quantities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Snapshot quantities for usage based line items */
        post: operations["snapshotQuantitiesInvoiceAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}/taxes/recalculate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recalculate an invoice's tax amounts */
        post: operations["recalculateInvoiceTaxAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{invoiceId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void an invoice */
        post: operations["voidInvoiceAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invoice a customer based on the pending line items */
        post: operations["invoicePendingLinesAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List billing profiles */
        get: operations["listBillingProfiles"];
        put?: never;
        /** Create a new billing profile */
        post: operations["createBillingProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a billing profile */
        get: operations["getBillingProfile"];
        /** Update a billing profile */
        put: operations["updateBillingProfile"];
        post?: never;
        /** Delete a billing profile */
        delete: operations["deleteBillingProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getConsoleSession"];
        put?: never;
        post?: never;
        delete: operations["deleteConsoleSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createConsoleSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCustomers"];
        put?: never;
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customerIdOrKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCustomer"];
        put: operations["updateCustomer"];
        post?: never;
        delete: operations["deleteCustomer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customerIdOrKey}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's access to every feature at once */
        get: operations["getCustomerAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customerIdOrKey}/entitlements/{featureKey}/value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The value of a customer entitlement */
        get: operations["getCustomerEntitlementValue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customerIdOrKey}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCustomerSubscriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{idOrKey}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCustomerHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every entitlement of the namespace */
        get: operations["listEntitlements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entitlements/{entitlementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entitlement by id */
        get: operations["getEntitlementById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent ingested events, newest first, with why meters ignore any of them */
        get: operations["listEvents"];
        put?: never;
        /** Ingest one CloudEvent or a batch; a batch is all-or-nothing */
        post: operations["ingestEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void usage events: they stop counting everywhere, stay in the log, and stay deduplicated */
        post: operations["voidEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listFeatures"];
        put?: never;
        post: operations["createFeature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features/{featureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getFeature"];
        put?: never;
        post?: never;
        delete: operations["deleteFeature"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features/{idOrKey}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getFeatureHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every grant of the namespace */
        get: operations["listGrants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Void a grant */
        delete: operations["voidGrant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/currencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The currencies Tally accepts */
        get: operations["listCurrencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listMeters"];
        put?: never;
        post: operations["createMeter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meters/{idOrKey}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getMeterHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meters/{meterIdOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getMeter"];
        put: operations["updateMeter"];
        post?: never;
        delete: operations["deleteMeter"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meters/{meterIdOrSlug}/group-by/{groupByKey}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The values of one of a meter's group-bys over a range (the last 24 hours by default), sorted */
        get: operations["listMeterGroupByValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meters/{meterIdOrSlug}/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Query a meter: values per window, subject, customer and group-by; JSON or CSV */
        get: operations["queryMeter"];
        put?: never;
        /** Query a meter, the parameters in the body; JSON or CSV */
        post: operations["queryMeterPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meters/{meterIdOrSlug}/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subjects a meter has seen over a range, sorted */
        get: operations["listMeterSubjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listPlans"];
        put?: never;
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{idOrKey}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getPlanHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getPlan"];
        put: operations["updatePlan"];
        post?: never;
        delete: operations["deletePlan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/addons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listPlanAddons"];
        put?: never;
        post: operations["createPlanAddon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/addons/{planAddonId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getPlanAddon"];
        put: operations["updatePlanAddon"];
        post?: never;
        delete: operations["deletePlanAddon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["archivePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["publishPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planIdOrKey}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["nextPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/meters/{meterSlug}/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A portal token's subject's usage of a meter (the meter query's parameters but subject) */
        get: operations["queryPortalMeter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The namespace’s portal tokens, newest first */
        get: operations["listPortalTokens"];
        put?: never;
        /** A token reading one subject’s usage */
        post: operations["createPortalToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tokens/invalidate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes a portal token, or a subject’s */
        post: operations["invalidatePortalTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live subjects, by key, each with its customer */
        get: operations["listSubjects"];
        put?: never;
        /** Creates or partially updates subjects, by key */
        post: operations["upsertSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subject by id (deleted ones too) or key */
        get: operations["getSubject"];
        put?: never;
        post?: never;
        /** Deletes a subject; its id still reads */
        delete: operations["deleteSubject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entitlements of a subject's customer */
        get: operations["listSubjectEntitlements"];
        put?: never;
        /** Create an entitlement for a subject's customer */
        post: operations["createEntitlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entitlement of a subject's customer */
        get: operations["getEntitlement"];
        put?: never;
        post?: never;
        /** Delete an entitlement of a subject's customer */
        delete: operations["deleteEntitlement"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A metered entitlement's balance history */
        get: operations["getEntitlementHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a metered entitlement's usage */
        post: operations["resetEntitlementUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entitlement's grants */
        get: operations["listEntitlementGrants"];
        put?: never;
        /** Grant usage to a metered entitlement */
        post: operations["createGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Override an entitlement of a subject's customer */
        put: operations["overrideEntitlement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The value of a subject's customer's entitlement */
        get: operations["getEntitlementValue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{idOrKey}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSubscriptionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        delete: operations["deleteSubscription"];
        options?: never;
        head?: never;
        patch: operations["editSubscription"];
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}/addons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listSubscriptionAddons"];
        put?: never;
        post: operations["createSubscriptionAddon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}/addons/{subscriptionAddonId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSubscriptionAddon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateSubscriptionAddon"];
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["cancelSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["changeSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["migrateSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["restoreSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{subscriptionId}/unschedule-cancelation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["unscheduleCancelation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listTokens"];
        put?: never;
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{customerIdOrKey}/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's entitlements */
        get: operations["listCustomerEntitlementsV2"];
        put?: never;
        /** Create a customer entitlement */
        post: operations["createCustomerEntitlementV2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer entitlement, by id or by the feature key of the one in force now */
        get: operations["getCustomerEntitlementV2"];
        put?: never;
        post?: never;
        /** Delete a customer entitlement */
        delete: operations["deleteCustomerEntitlementV2"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entitlement's grants */
        get: operations["listCustomerEntitlementGrantsV2"];
        put?: never;
        /** Grant usage to a metered entitlement */
        post: operations["createCustomerEntitlementGrantV2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A metered entitlement's balance history */
        get: operations["getCustomerEntitlementHistoryV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Override a customer entitlement */
        put: operations["overrideCustomerEntitlementV2"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a metered entitlement's usage */
        post: operations["resetCustomerEntitlementUsageV2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The value of a customer entitlement */
        get: operations["getCustomerEntitlementValueV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every entitlement of the namespace */
        get: operations["listEntitlementsV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/entitlements/{entitlementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entitlement by id */
        get: operations["getEntitlementByIdV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ingested events, newest first, filtered and paged by cursor */
        get: operations["listEventsV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every grant of the namespace */
        get: operations["listGrantsV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/openmeter/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest one CloudEvent or a batch (Konnect path) */
        post: operations["ingestMeteringEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddonReferenceDto: {
            /** @description The id (ULID) of a published add-on version */
            id: string;
        };
        AddonSegment: {
            activeFrom: string;
            activeTo?: string;
            quantity: number;
        };
        AddonView: {
            createdAt: string;
            currency: string;
            deletedAt?: string;
            description?: string;
            effectiveFrom?: string;
            effectiveTo?: string;
            id: string;
            /** @enum {string} */
            instanceType: "single" | "multiple";
            key: string;
            metadata: {
                [key: string]: string;
            };
            name: string;
            rateCards: (components["schemas"]["FlatFeeRateCard"] | components["schemas"]["UsageBasedRateCard"])[];
            /** @enum {string} */
            status: "draft" | "active" | "archived";
            updatedAt: string;
            /** @description Null: what depends on features is checked when it is published (400 with every problem). */
            validationErrors: components["schemas"]["OpenMeterValidationError"][] | null;
            version: number;
        };
        Address: {
            city?: string;
            country?: string;
            line1?: string;
            line2?: string;
            phoneNumber?: string;
            postalCode?: string;
            state?: string;
        };
        AddressDto: {
            city?: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example US
             */
            country?: string;
            line1?: string;
            line2?: string;
            phoneNumber?: string;
            postalCode?: string;
            state?: string;
        };
        Alignment: {
            billablesMustAlign?: boolean;
        };
        AlignmentDto: {
            /** @description true: every rate card with a price bills at exactly the plan's billing cadence */
            billablesMustAlign?: boolean;
        };
        ApiToken: {
            createdAt: string;
            createdBy?: string;
            id: string;
            name: string;
            namespace: string;
            /** @description A portal token's scope and end. */
            portal?: {
                allowedMeterSlugs?: string[];
                expiresAt: string;
                subject: string;
            };
            revokedAt?: string;
            /** @enum {string} */
            role: "system" | "admin" | "ingest" | "read" | "portal";
        };
        AuditEntry: {
            data: unknown;
            entityId: string;
            entityType: string;
            metadata: {
                actor?: {
                    id: string;
                    name: string;
                };
                causationId?: string;
                correlationId?: string;
            };
            position: string;
            recordedAt: string;
            streamId: string;
            streamVersion: number;
            type: string;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            /** @description Pass as `afterPosition` for the next page; absent on the last page. */
            nextAfterPosition?: string;
        };
        BalanceHistoryWindowView: {
            balanceAtStart: number;
            period: components["schemas"]["PeriodView"];
            usage: number;
        };
        BillingProfileView: {
            apps: {
                invoicing: {
                    id: string;
                };
                payment: {
                    id: string;
                };
                tax: {
                    id: string;
                };
            };
            createdAt: string;
            default: boolean;
            deletedAt?: string;
            description?: string;
            id: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            supplier: {
                [key: string]: unknown;
            };
            updatedAt: string;
            workflow: components["schemas"]["Workflow"];
        };
        BooleanEntitlementTemplate: {
            metadata?: {
                [key: string]: string;
            };
            /** @enum {string} */
            type: "boolean";
        };
        BooleanEntitlementTemplateDto: {
            metadata?: {
                [key: string]: string;
            } | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "BooleanEntitlementTemplateDto";
        };
        CancelSubscriptionRequest: {
            /**
             * @description "immediate", "next_billing_cycle" or an RFC 3339 date-time at most two minutes in the past
             * @default immediate
             */
            timing?: string;
        };
        ChangeSubscriptionRequest: {
            /** @deprecated */
            alignment?: components["schemas"]["AlignmentDto"];
            /**
             * Format: date-time
             * @description Periods are billingAnchor + n × billingCadence; defaults to the current subscription’s
             */
            billingAnchor?: string;
            /**
             * @description Kept and shown back
             * @default dynamic
             * @enum {string}
             */
            costBasisMode?: "dynamic" | "pinned";
            /** @description A plan given inline, for this subscription alone */
            customPlan?: components["schemas"]["CustomPlanInputDto"];
            description?: string;
            metadata?: {
                [key: string]: string;
            };
            /** @description Defaults to the plan name */
            name?: string;
            /** @description A catalog plan; or else customPlan */
            plan?: components["schemas"]["PlanReferenceInputDto"];
            /**
             * @description Kept and shown back
             * @enum {string}
             */
            settlementMode?: "credit_then_invoice" | "credit_only";
            /** @description The key of the phase to start in; earlier phases are skipped */
            startingPhase?: string;
            /**
             * @description OpenMeter's `SubscriptionTiming`: "immediate" (now, to the second), "next_billing_cycle" (the end of the period in progress) or an RFC 3339 date-time at most two minutes in the past
             * @example immediate
             */
            timing: string;
        };
        CollectionAlignmentDto: {
            /**
             * @description `anchored` is not built
             * @enum {string}
             */
            type: "subscription";
        };
        CollectionSettingsDto: {
            /**
             * @default {
             *       "type": "subscription"
             *     }
             */
            alignment?: components["schemas"]["CollectionAlignmentDto"];
            /**
             * Format: ISO8601
             * @description How long after a period ends its invoice is issued (the default profile starts at COLLECTION_GRACE_SECONDS)
             * @default PT1H
             * @example PT1H
             */
            interval?: string;
        };
        ConsoleSessionAnswer: {
            csrfToken?: string;
            expiresAt?: string;
            namespace: string;
            /** @enum {string} */
            role: "system" | "admin" | "ingest" | "read" | "portal";
            tokenId: string;
            tokenName: string;
        };
        CorrectionRef: {
            id: string;
            number: string;
            total: string;
            /** @enum {string} */
            type: "standard" | "credit_note";
        };
        CreateAddonRequest: {
            /** @example USD */
            currency: string;
            description?: string;
            /**
             * @description single: added once; multiple: with a quantity
             * @enum {string}
             */
            instanceType: "single" | "multiple";
            /** @example extra_seats */
            key: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            /** @description flat_fee or usage_based rate cards */
            rateCards: (components["schemas"]["FlatFeeRateCardDto"] | components["schemas"]["UsageBasedRateCardDto"])[];
        };
        CreateBillingProfileRequest: {
            apps?: components["schemas"]["ProfileAppsDto"];
            /** @description Making a profile the default unsets the previous default */
            default: boolean;
            description?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            /** @example EU entity */
            name: string;
            supplier: components["schemas"]["SupplierDto"];
            workflow?: components["schemas"]["WorkflowDto"];
        };
        CreateCustomerRequest: {
            billingAddress?: components["schemas"]["AddressDto"];
            /** @example USD */
            currency?: string;
            description?: string;
            /**
             * @description Unique among customers and subject keys
             * @example acme-inc
             */
            key?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            /** @example Acme Inc */
            name: string;
            /** @example billing@acme.example */
            primaryEmail?: string;
            usageAttribution?: components["schemas"]["UsageAttributionDto"];
        };
        CreateFeatureRequest: {
            /**
             * @description Group-by name → filter; wins over meterGroupByFilters
             * @example {
             *       "model": {
             *         "$in": [
             *           "gpt-4",
             *           "gpt-4o"
             *         ]
             *       },
             *       "type": {
             *         "$eq": "input"
             *       }
             *     }
             */
            advancedMeterGroupByFilters?: {
                [key: string]: components["schemas"]["FilterString"];
            };
            /** @example active_users */
            key: string;
            metadata?: {
                [key: string]: string;
            } | null;
            /**
             * @example {
             *       "model": "gpt-4"
             *     }
             */
            meterGroupByFilters?: {
                [key: string]: string;
            };
            /** @example active_users_total */
            meterSlug?: string;
            /** @example active-users */
            name: string;
            /** @description Kept and shown back; Tally prices through plans */
            unitCost?: components["schemas"]["FeatureUnitCostDto"];
        };
        CreateMeterRequest: {
            /** @enum {string} */
            aggregation: "SUM" | "COUNT" | "UNIQUE_COUNT" | "AVG" | "MIN" | "MAX" | "LATEST";
            description?: string;
            /**
             * Format: date-time
             * @description Only events from this time on are counted
             */
            eventFrom?: string;
            /** @example user_activity */
            eventType: string;
            /**
             * @example {
             *       "model": "$.model"
             *     }
             */
            groupBy?: {
                [key: string]: string;
            };
            metadata?: {
                [key: string]: string;
            } | null;
            /** @description Defaults to the slug */
            name?: string;
            /** @example active_users_total */
            slug: string;
            /**
             * @description JSONPath into the event data; absent for COUNT
             * @example $.user_id
             */
            valueProperty?: string;
        };
        CreatePendingLinesRequest: {
            /** @example USD */
            currency: string;
            lines: components["schemas"]["PendingLineDto"][];
        };
        CreatePlanRequest: {
            /** @deprecated */
            alignment?: components["schemas"]["AlignmentDto"];
            /**
             * @description ISO-8601 duration: how often subscriptions are invoiced
             * @example P1M
             */
            billingCadence: string;
            /** @example USD */
            currency: string;
            description?: string;
            /** @example per_seat */
            key: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            phases: components["schemas"]["PlanPhaseDto"][];
            proRatingConfig?: components["schemas"]["ProRatingConfigDto"];
            /**
             * @description Kept and shown back; Tally invoices every period whatever the mode
             * @enum {string}
             */
            settlementMode?: "credit_then_invoice" | "credit_only";
        };
        CreatePortalTokenRequest: {
            /** @description Only these meters; all when left out */
            allowedMeterSlugs?: string[];
            /**
             * Format: date-time
             * @description In the future; an hour from now by default (also when null)
             */
            expiresAt?: string | null;
            /**
             * @description The one subject whose usage the token reads
             * @example customer-1
             */
            subject: string;
        };
        CreateSubscriptionAddonRequest: {
            addon: components["schemas"]["AddonReferenceDto"];
            description?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            /** @description Always 1 for a single add-on; at least 1 on create */
            quantity: number;
            /**
             * @description OpenMeter's `SubscriptionTiming`: "immediate" (now, to the second), "next_billing_cycle" (the end of the period in progress) or an RFC 3339 date-time at most two minutes in the past; never before the subscription starts
             * @example immediate
             */
            timing: string;
        };
        CreateSubscriptionRequest: {
            /** @deprecated */
            alignment?: components["schemas"]["AlignmentDto"];
            /**
             * Format: date-time
             * @description Periods are billingAnchor + n × billingCadence; defaults to the start
             */
            billingAnchor?: string;
            /**
             * @description Kept and shown back
             * @default dynamic
             * @enum {string}
             */
            costBasisMode?: "dynamic" | "pinned";
            /** @description The customer id; takes precedence over customerKey */
            customerId?: string;
            /** @example acme-inc */
            customerKey?: string;
            /** @description A plan given inline, for this subscription alone */
            customPlan?: components["schemas"]["CustomPlanInputDto"];
            description?: string;
            metadata?: {
                [key: string]: string;
            };
            /** @description Defaults to the plan name */
            name?: string;
            /** @description A catalog plan; or else customPlan */
            plan?: components["schemas"]["PlanReferenceInputDto"];
            /**
             * @description Kept and shown back
             * @enum {string}
             */
            settlementMode?: "credit_then_invoice" | "credit_only";
            /** @description The key of the phase to start in; earlier phases are skipped */
            startingPhase?: string;
            /**
             * @description "immediate" (now, to the second) or an RFC 3339 date-time, in the past at most SUBSCRIPTION_BACKDATE_LIMIT (default P1Y)
             * @default immediate
             */
            timing?: string;
        };
        CreateTokenRequest: {
            /** @example ingest from checkout service */
            name: string;
            /**
             * @description `system` only from a system token
             * @enum {string}
             */
            role: "system" | "admin" | "ingest" | "read";
        };
        CurrencyView: {
            /** @example USD */
            code: string;
            /** @example US Dollar */
            name: string;
            /**
             * @description How many minor units make one unit (0 when there are none)
             * @example 100
             */
            subunits: number;
            /** @example $ */
            symbol: string;
        };
        CustomerAccessView: {
            /** @description Each feature the customer has an entitlement to now, by key, and its value */
            entitlements: {
                [key: string]: components["schemas"]["EntitlementValueView"];
            };
        };
        CustomerOverrideView: {
            baseBillingProfileId: string;
            customer?: components["schemas"]["CustomerView"];
            customerOverride?: {
                billingProfileId?: string;
                createdAt: string;
                customerId: string;
                updatedAt: string;
                workflow?: {
                    collection?: {
                        alignment?: {
                            /** @enum {string} */
                            type?: "subscription";
                        };
                        interval?: string;
                    };
                    invoicing?: {
                        autoAdvance?: boolean;
                        draftPeriod?: string;
                        dueAfter?: string;
                        progressiveBilling?: boolean;
                    };
                    payment?: {
                        /** @enum {string} */
                        collectionMethod?: "charge_automatically" | "send_invoice";
                    };
                    tax?: {
                        enabled?: boolean;
                        enforced?: boolean;
                    };
                };
            };
            customerProfile: {
                apps: {
                    invoicing: {
                        id: string;
                    };
                    payment: {
                        id: string;
                    };
                    tax: {
                        id: string;
                    };
                };
                supplier: {
                    [key: string]: unknown;
                };
                workflow: components["schemas"]["Workflow"];
            };
        };
        CustomerView: {
            billingAddress?: components["schemas"]["Address"];
            createdAt: string;
            currency?: string;
            /** @description The subscription running now, if any. */
            currentSubscriptionId?: string;
            deletedAt?: string;
            description?: string;
            id: string;
            key?: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            primaryEmail?: string;
            /** @description With `expand=subscriptions`. */
            subscriptions?: components["schemas"]["SubscriptionView"][];
            updatedAt: string;
            usageAttribution: {
                subjectKeys: string[];
            };
        };
        CustomPlanInputDto: {
            /** @deprecated */
            alignment?: components["schemas"]["AlignmentDto"];
            /**
             * @description ISO-8601 duration: how often subscriptions are invoiced
             * @example P1M
             */
            billingCadence: string;
            /** @example USD */
            currency: string;
            description?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            phases: components["schemas"]["PlanPhaseDto"][];
            proRatingConfig?: components["schemas"]["ProRatingConfigDto"];
            /**
             * @description Kept and shown back; Tally invoices every period whatever the mode
             * @enum {string}
             */
            settlementMode?: "credit_then_invoice" | "credit_only";
        };
        DiscountPercentage: {
            percentage: string | number;
        };
        Discounts: {
            percentage?: components["schemas"]["DiscountPercentage"];
            usage?: components["schemas"]["DiscountUsage"];
        };
        DiscountsDto: {
            percentage?: components["schemas"]["PercentageDiscountDto"];
            usage?: components["schemas"]["UsageDiscountDto"];
        };
        DiscountUsage: {
            quantity: string;
        };
        DocumentRef: {
            id: string;
            number: string;
        };
        DynamicCharge: {
            billedQuantity: string;
            /** @description Removed so the charge stays within the price's `maximumAmount`. */
            capReduction: string;
            currency: string;
            discountAmount: string;
            /** @description "0" without a percentage discount. */
            discountPercentage: string;
            /** @description Added so the charge reaches the price's `minimumAmount`. */
            minimumTrueUp: string;
            multiplier: string;
            quantity: string;
            subtotal: string;
            total: string;
            /** @enum {string} */
            type: "dynamic";
            unroundedTotal: string;
            usageDiscountQuantity: string;
        };
        DynamicPriceDto: {
            /** @description Most spend per billing period */
            maximumAmount?: string;
            /** @description Least spend per billing period */
            minimumAmount?: string;
            /**
             * @default 1
             * @example 1.5
             */
            multiplier?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "DynamicPriceDto";
        };
        DynamicPriceWithCommitments: {
            maximumAmount?: string;
            minimumAmount?: string;
            multiplier?: string;
            /** @enum {string} */
            type: "dynamic";
        };
        EditAddItemDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "EditAddItemDto";
            phaseKey: string;
            rateCard: components["schemas"]["FlatFeeRateCardDto"] | components["schemas"]["UsageBasedRateCardDto"];
        };
        EditAddPhaseDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "EditAddPhaseDto";
            phase: components["schemas"]["SubscriptionPhaseCreateDto"];
        };
        EditRemoveItemDto: {
            itemKey: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "EditRemoveItemDto";
            phaseKey: string;
        };
        EditRemovePhaseDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "EditRemovePhaseDto";
            phaseKey: string;
            /** @enum {string} */
            shift: "next" | "prev";
        };
        EditStretchPhaseDto: {
            /**
             * @description ISO-8601 duration the phase is lengthened by
             * @example P1M
             */
            extendBy: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "EditStretchPhaseDto";
            phaseKey: string;
        };
        EditSubscriptionRequest: {
            /** @description Applied in order, at `timing`; each problem is named by its index */
            customizations: (components["schemas"]["EditAddItemDto"] | components["schemas"]["EditRemoveItemDto"] | components["schemas"]["EditAddPhaseDto"] | components["schemas"]["EditRemovePhaseDto"] | components["schemas"]["EditStretchPhaseDto"] | components["schemas"]["EditUnscheduleDto"])[];
            /**
             * @description "immediate" (now, to the second), "next_billing_cycle" (the end of the period in progress) or an RFC 3339 date-time at most two minutes in the past
             * @default immediate
             */
            timing?: string;
        };
        EditUnscheduleDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "EditUnscheduleDto";
        };
        EmptyInvoice: {
            /** @description When the period's usage was collected for issue: its end + the workflow's `collection.interval`. */
            collectionAt?: string;
            correctionOf?: components["schemas"]["DocumentRef"];
            /** @description An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued. */
            corrections?: components["schemas"]["CorrectionRef"][];
            createdAt: string;
            currency: string;
            customer: {
                addresses?: {
                    [key: string]: unknown;
                }[];
                id: string;
                key?: string;
                name: string;
                /** @description Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`. */
                taxId?: {
                    [key: string]: unknown;
                };
                usageAttribution: {
                    subjectKeys: string[];
                };
            };
            description?: string;
            /** @description A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself. */
            draftUntil?: string;
            /** @description When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`. */
            dueAt?: string;
            id: string;
            issuedAt?: string;
            lines: components["schemas"]["InvoiceLine"][];
            metadata?: {
                [key: string]: string;
            };
            number: string;
            /** @description When `snapshotQuantities` took the quantities, skipping the rest of the collection interval. */
            quantitySnapshotedAt?: string;
            replaces?: components["schemas"]["DocumentRef"];
            /** @enum {string} */
            status: "gathering" | "draft" | "issued" | "voided";
            statusDetails: {
                /** @description The actions the invoice accepts now: each is refused (409) while it is absent. */
                availableActions: {
                    advance?: components["schemas"]["InvoiceAvailableActionDetails"];
                    approve?: components["schemas"]["InvoiceAvailableActionDetails"];
                    delete?: components["schemas"]["InvoiceAvailableActionDetails"];
                    retry?: components["schemas"]["InvoiceAvailableActionDetails"];
                    snapshotQuantities?: components["schemas"]["InvoiceAvailableActionDetails"];
                    void?: components["schemas"]["InvoiceAvailableActionDetails"];
                };
                extendedStatus: string;
                /** @description True while a critical validation issue keeps the invoice from being issued. */
                failed: boolean;
                immutable: boolean;
            };
            /** @description OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue. */
            supplier: {
                [key: string]: unknown;
            };
            totals: components["schemas"]["InvoiceTotals"];
            /** @enum {string} */
            type: "standard" | "credit_note";
            updatedAt: string;
            validationIssues: components["schemas"]["ValidationIssue"][];
            /** @description A voided invoice's: when it was voided. */
            voidedAt?: string;
            /** @description OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice. */
            workflow: {
                apps?: {
                    invoicing: {
                        id: string;
                    };
                    payment: {
                        id: string;
                    };
                    tax: {
                        id: string;
                    };
                };
                sourceBillingProfileId?: string;
                workflow: {
                    collection?: {
                        alignment?: {
                            /** @enum {string} */
                            type?: "subscription";
                        };
                        interval?: string;
                    };
                    invoicing?: {
                        autoAdvance?: boolean;
                        draftPeriod?: string;
                        dueAfter?: string;
                        progressiveBilling?: boolean;
                    };
                    payment?: {
                        /** @enum {string} */
                        collectionMethod?: "charge_automatically" | "send_invoice";
                    };
                    tax?: {
                        enabled?: boolean;
                        enforced?: boolean;
                    };
                };
            };
        };
        EntitlementCreateRequest: {
            /**
             * @description Static entitlements: a JSON object, serialized
             * @example {"seats":10}
             */
            config?: string;
            /** @description featureKey or featureId */
            featureId?: string;
            /** @description featureKey or featureId */
            featureKey?: string;
            grants?: components["schemas"]["GrantCreateRequest"][];
            /** @default false */
            isSoftLimit?: boolean;
            issue?: components["schemas"]["IssueAfterResetRequest"];
            /** @description A grant of this amount, restored at every reset */
            issueAfterReset?: number;
            /** @default 1 */
            issueAfterResetPriority?: number;
            /** @description Metered: CURRENT_PERIOD_START, NOW or an RFC 3339 date-time; defaults to now */
            measureUsageFrom?: string;
            metadata?: {
                [key: string]: string;
            };
            /** @default false */
            preserveOverageAtReset?: boolean;
            /** @enum {string} */
            type: "metered" | "static" | "boolean";
            /** @description Required for metered entitlements */
            usagePeriod?: components["schemas"]["RecurringPeriodRequest"];
        };
        EntitlementCreateRequestV1: {
            /**
             * @description Static entitlements: a JSON object, serialized
             * @example {"seats":10}
             */
            config?: string;
            /** @description featureKey or featureId */
            featureId?: string;
            /** @description featureKey or featureId */
            featureKey?: string;
            /** @default false */
            isSoftLimit?: boolean;
            /** @description A grant of this amount, restored at every reset */
            issueAfterReset?: number;
            /** @default 1 */
            issueAfterResetPriority?: number;
            /**
             * @deprecated
             * @description Ignored, as OpenMeter ignores it
             * @default false
             */
            isUnlimited?: boolean;
            /** @description Metered: CURRENT_PERIOD_START, NOW or an RFC 3339 date-time; defaults to now */
            measureUsageFrom?: string;
            metadata?: {
                [key: string]: string;
            };
            /** @default false */
            preserveOverageAtReset?: boolean;
            /** @enum {string} */
            type: "metered" | "static" | "boolean";
            /** @description Required for metered entitlements */
            usagePeriod?: components["schemas"]["RecurringPeriodRequest"];
        };
        EntitlementV1PageView: {
            items: components["schemas"]["EntitlementV1View"][];
            page: number;
            pageSize: number;
            totalCount: number;
        };
        EntitlementV1View: {
            /** Format: date-time */
            activeFrom: string;
            /** Format: date-time */
            activeTo?: string;
            /** @description subscription.id names the subscription that provides (manages) it */
            annotations?: {
                [key: string]: unknown;
            };
            /** @description Static entitlements: the JSON config */
            config?: string;
            /** Format: date-time */
            createdAt: string;
            currentUsagePeriod?: components["schemas"]["PeriodView"];
            /** Format: date-time */
            deletedAt?: string;
            featureId: string;
            featureKey: string;
            id: string;
            /** @description Metered */
            isSoftLimit?: boolean;
            /** @description Metered */
            issueAfterReset?: number;
            /** @description Metered */
            issueAfterResetPriority?: number;
            /** @description Metered; always false (deprecated, ignored) */
            isUnlimited?: boolean;
            /**
             * Format: date-time
             * @description Metered: the start of the usage period in progress
             */
            lastReset?: string;
            /**
             * Format: date-time
             * @description Metered
             */
            measureUsageFrom?: string;
            metadata?: {
                [key: string]: string;
            };
            /** @description Metered */
            preserveOverageAtReset?: boolean;
            subjectKey: string;
            /** @enum {string} */
            type: "metered" | "static" | "boolean";
            /** Format: date-time */
            updatedAt: string;
            usagePeriod?: components["schemas"]["RecurringPeriodView"];
        };
        EntitlementV2PageView: {
            items: components["schemas"]["EntitlementV2View"][];
            page: number;
            pageSize: number;
            totalCount: number;
        };
        EntitlementV2View: {
            /** Format: date-time */
            activeFrom: string;
            /** Format: date-time */
            activeTo?: string;
            /** @description subscription.id names the subscription that provides (manages) it */
            annotations?: {
                [key: string]: unknown;
            };
            /** @description Static entitlements: the JSON config */
            config?: string;
            /** Format: date-time */
            createdAt: string;
            currentUsagePeriod?: components["schemas"]["PeriodView"];
            customerId: string;
            customerKey?: string;
            /** Format: date-time */
            deletedAt?: string;
            featureId: string;
            featureKey: string;
            id: string;
            /** @description Metered */
            isSoftLimit?: boolean;
            /** @description Metered */
            issue?: components["schemas"]["IssueAfterResetView"];
            /** @description Metered */
            issueAfterReset?: number;
            /** @description Metered */
            issueAfterResetPriority?: number;
            /**
             * Format: date-time
             * @description Metered: the start of the usage period in progress
             */
            lastReset?: string;
            /**
             * Format: date-time
             * @description Metered
             */
            measureUsageFrom?: string;
            metadata?: {
                [key: string]: string;
            };
            /** @description Metered */
            preserveOverageAtReset?: boolean;
            /** @enum {string} */
            type: "metered" | "static" | "boolean";
            /** Format: date-time */
            updatedAt: string;
            usagePeriod?: components["schemas"]["RecurringPeriodView"];
        };
        EntitlementValueV2View: {
            /** @description Metered: what the active grants have left; never negative */
            balance?: number;
            /** @description Static: the JSON config */
            config?: string;
            /** @description Metered: each active grant and its balance */
            grantBalances?: {
                [key: string]: number;
            };
            hasAccess: boolean;
            /** @description Metered: usage no grant covered */
            overage?: number;
            /** @description Metered: what grants covered in the period, plus the balance */
            totalAvailableGrantAmount?: number;
            /** @description Metered: usage in the usage period in progress */
            usage?: number;
        };
        EntitlementValueView: {
            /** @description Metered: what the active grants have left; never negative */
            balance?: number;
            /** @description Static: the JSON config */
            config?: string;
            hasAccess: boolean;
            /** @description Metered: usage no grant covered */
            overage?: number;
            /** @description Metered: what grants covered in the period, plus the balance */
            totalAvailableGrantAmount?: number;
            /** @description Metered: usage in the usage period in progress */
            usage?: number;
        };
        EvidenceEntry: {
            event: components["schemas"]["UsageCloudEvent"];
            /** @description UNIQUE_COUNT: how many later events in the window repeated this value (they count once). */
            repeats?: number;
            /** @description What the meter read from it (absent for COUNT). */
            value?: string;
            /** @description An event a correction takes away: voided after the document before it billed the event. */
            voided?: {
                actor: {
                    id: string;
                    name: string;
                };
                reason: string;
                voidedAt: string;
            };
        };
        ExpirationRequest: {
            count: number;
            /** @enum {string} */
            duration: "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR";
        };
        ExpirationView: {
            count: number;
            /** @enum {string} */
            duration: "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR";
        };
        FeatureUnitCostDto: {
            /**
             * @description manual: the cost of one unit, in USD
             * @example 0.0001
             */
            amount?: string;
            model?: string;
            modelProperty?: string;
            provider?: string;
            providerProperty?: string;
            tokenType?: string;
            tokenTypeProperty?: string;
            /** @enum {string} */
            type: "manual" | "llm";
        };
        FeatureView: {
            /** @description What the feature counts of its meter; for a metered feature. */
            advancedMeterGroupByFilters?: {
                [key: string]: components["schemas"]["StringFilter"];
            };
            archivedAt?: string;
            createdAt: string;
            id: string;
            key: string;
            metadata: {
                [key: string]: string;
            };
            /** @description While every filter is a plain equality (OpenMeter's legacy form). */
            meterGroupByFilters?: {
                [key: string]: string;
            };
            meterSlug?: string;
            name: string;
            unitCost?: {
                amount: string;
                /** @enum {string} */
                type: "manual";
            } | {
                model?: string;
                modelProperty?: string;
                provider?: string;
                providerProperty?: string;
                tokenType?: string;
                tokenTypeProperty?: string;
                /** @enum {string} */
                type: "llm";
            };
            updatedAt: string;
        };
        FieldProblem: {
            code?: string;
            field: string;
            message: string;
        };
        /** @description One operator: $eq, $ne, $in, $nin, $like, $nlike, $ilike, $nilike, $contains, $ncontains, $gt, $gte, $lt, $lte, $exists, $and, $or */
        FilterString: {
            $and?: components["schemas"]["FilterString"][] | null;
            $contains?: string | null;
            $eq?: string | null;
            $exists?: boolean | null;
            $gt?: string | null;
            $gte?: string | null;
            $ilike?: string | null;
            $in?: string[] | null;
            $like?: string | null;
            $lt?: string | null;
            $lte?: string | null;
            $ncontains?: string | null;
            $ne?: string | null;
            $nilike?: string | null;
            $nin?: string[] | null;
            $nlike?: string | null;
            $or?: components["schemas"]["FilterString"][] | null;
        };
        FlatCharge: {
            billedQuantity: string;
            /** @description Removed so the charge stays within the price's `maximumAmount`. */
            capReduction: string;
            currency: string;
            discountAmount: string;
            /** @description "0" without a percentage discount. */
            discountPercentage: string;
            /** @description Added so the charge reaches the price's `minimumAmount`. */
            minimumTrueUp: string;
            proration?: components["schemas"]["Proration"];
            quantity: string;
            subtotal: string;
            total: string;
            /** @enum {string} */
            type: "flat";
            unitPrice: string;
            unroundedTotal: string;
            usageDiscountQuantity: string;
        };
        FlatFeeRateCard: {
            billingCadence: string | null;
            description?: string;
            discounts?: components["schemas"]["Discounts"];
            /** @description Needs `featureKey`. */
            entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplate"] | components["schemas"]["StaticEntitlementTemplate"] | components["schemas"]["MeteredEntitlementTemplate"];
            featureKey?: string;
            /** @description Unique within its phase; equals `featureKey` when that is set. */
            key: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            price: components["schemas"]["FlatPriceWithPaymentTerm"] | null;
            taxConfig?: components["schemas"]["TaxConfig"];
            /** @enum {string} */
            type: "flat_fee";
        };
        FlatFeeRateCardDto: {
            /**
             * @description null for a one-time fee
             * @example P1M
             */
            billingCadence: string | null;
            description?: string;
            discounts?: components["schemas"]["DiscountsDto"];
            /** @description boolean, static or metered; needs featureKey */
            entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplateDto"] | components["schemas"]["StaticEntitlementTemplateDto"] | components["schemas"]["MeteredEntitlementTemplateDto"];
            /** @example active_users */
            featureKey?: string;
            /** @example active_users */
            key: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            /** @description null when free */
            price: components["schemas"]["FlatPriceDto"] | null;
            /** @description Kept and shown back; Tally calculates no tax */
            taxConfig?: components["schemas"]["TaxConfigDto"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "FlatFeeRateCardDto";
        };
        FlatPrice: {
            amount: string;
            /** @enum {string} */
            type: "flat";
        };
        FlatPriceDto: {
            /** @example 49.99 */
            amount: string;
            /**
             * @default in_advance
             * @enum {string}
             */
            paymentTerm?: "in_advance" | "in_arrears";
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "FlatPriceDto";
        };
        FlatPriceWithPaymentTerm: {
            amount: string;
            /** @enum {string} */
            paymentTerm?: "in_advance" | "in_arrears";
            /** @enum {string} */
            type: "flat";
        };
        GrantBurnDownHistorySegmentView: {
            balanceAtEnd: number;
            balanceAtStart: number;
            grantBalancesAtEnd: {
                [key: string]: number;
            };
            grantBalancesAtStart: {
                [key: string]: number;
            };
            grantUsages: components["schemas"]["GrantUsageRecordView"][];
            overage: number;
            period: components["schemas"]["PeriodView"];
            usage: number;
        };
        GrantCreateRequest: {
            /** @example 100 */
            amount: number;
            annotations?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description Truncated to the minute
             */
            effectiveAt: string;
            /** @description None: the grant never expires */
            expiration?: components["schemas"]["ExpirationRequest"];
            /** @description Defaults to the amount */
            maxRolloverAmount?: number;
            metadata?: {
                [key: string]: string;
            };
            /** @default 0 */
            minRolloverAmount?: number;
            /**
             * @description 1 burns first
             * @default 1
             */
            priority?: number;
            /** @description Anchor defaults to effectiveAt */
            recurrence?: components["schemas"]["RecurringPeriodRequest"];
        };
        GrantCreateRequestV1: {
            /** @example 100 */
            amount: number;
            annotations?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description Truncated to the minute
             */
            effectiveAt: string;
            expiration: components["schemas"]["ExpirationRequest"];
            /** @default 0 */
            maxRolloverAmount?: number;
            metadata?: {
                [key: string]: string;
            };
            /** @default 0 */
            minRolloverAmount?: number;
            /**
             * @description 1 burns first
             * @default 1
             */
            priority?: number;
            /** @description Anchor defaults to effectiveAt */
            recurrence?: components["schemas"]["RecurringPeriodRequest"];
        };
        GrantPageView: {
            items: components["schemas"]["GrantView"][];
            page: number;
            pageSize: number;
            totalCount: number;
        };
        GrantUsageRecordView: {
            grantId: string;
            usage: number;
        };
        GrantView: {
            amount: number;
            annotations?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            effectiveAt: string;
            entitlementId: string;
            expiration?: components["schemas"]["ExpirationView"];
            /** Format: date-time */
            expiresAt?: string;
            id: string;
            maxRolloverAmount: number;
            metadata?: {
                [key: string]: string;
            };
            minRolloverAmount: number;
            /** Format: date-time */
            nextRecurrence?: string;
            priority: number;
            recurrence?: components["schemas"]["RecurringPeriodView"];
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            voidedAt?: string;
        };
        IngestedEvent: {
            customerId?: string;
            event: components["schemas"]["UsageCloudEvent"];
            ingestedAt: string;
            storedAt: string;
            /** @description Why live meters of the event's type ignore it (e.g. a SUM meter's value is not a number), that no meter reads its type, and whether no customer claims its subject (its usage is then never billed): one line each, worded as OpenMeter words them. */
            validationError?: string;
            /** @description Present once the event is voided (Tally's addition): it stays listed, and counts nowhere. */
            voided?: {
                actor: {
                    id: string;
                    name: string;
                };
                reason: string;
                voidedAt: string;
            };
        };
        IngestedEventsPage: {
            items: components["schemas"]["IngestedEvent"][];
            /** @description Present when there may be more: pass it as `cursor` for the next page. */
            nextCursor?: string;
        };
        InvalidatePortalTokensRequest: {
            /** @description Invalidate a portal token by id */
            id?: string;
            /** @description Invalidate every portal token of a subject */
            subject?: string;
        };
        Invoice: {
            /** @description When the period's usage was collected for issue: its end + the workflow's `collection.interval`. */
            collectionAt?: string;
            correctionOf?: components["schemas"]["DocumentRef"];
            /** @description An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued. */
            corrections?: components["schemas"]["CorrectionRef"][];
            createdAt: string;
            currency: string;
            customer: {
                addresses?: {
                    [key: string]: unknown;
                }[];
                id: string;
                key?: string;
                name: string;
                /** @description Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`. */
                taxId?: {
                    [key: string]: unknown;
                };
                usageAttribution: {
                    subjectKeys: string[];
                };
            };
            description?: string;
            /** @description A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself. */
            draftUntil?: string;
            /** @description When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`. */
            dueAt?: string;
            id: string;
            issuedAt?: string;
            lines: components["schemas"]["InvoiceLine"][];
            metadata?: {
                [key: string]: string;
            };
            number: string;
            period: components["schemas"]["Period"];
            /** @description When `snapshotQuantities` took the quantities, skipping the rest of the collection interval. */
            quantitySnapshotedAt?: string;
            replaces?: components["schemas"]["DocumentRef"];
            /** @enum {string} */
            status: "gathering" | "draft" | "issued" | "voided";
            statusDetails: {
                /** @description The actions the invoice accepts now: each is refused (409) while it is absent. */
                availableActions: {
                    advance?: components["schemas"]["InvoiceAvailableActionDetails"];
                    approve?: components["schemas"]["InvoiceAvailableActionDetails"];
                    delete?: components["schemas"]["InvoiceAvailableActionDetails"];
                    retry?: components["schemas"]["InvoiceAvailableActionDetails"];
                    snapshotQuantities?: components["schemas"]["InvoiceAvailableActionDetails"];
                    void?: components["schemas"]["InvoiceAvailableActionDetails"];
                };
                extendedStatus: string;
                /** @description True while a critical validation issue keeps the invoice from being issued. */
                failed: boolean;
                immutable: boolean;
            };
            /** @description OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue. */
            supplier: {
                [key: string]: unknown;
            };
            totals: components["schemas"]["InvoiceTotals"];
            /** @enum {string} */
            type: "standard" | "credit_note";
            updatedAt: string;
            validationIssues: components["schemas"]["ValidationIssue"][];
            /** @description A voided invoice's: when it was voided. */
            voidedAt?: string;
            /** @description OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice. */
            workflow: {
                apps?: {
                    invoicing: {
                        id: string;
                    };
                    payment: {
                        id: string;
                    };
                    tax: {
                        id: string;
                    };
                };
                sourceBillingProfileId?: string;
                workflow: {
                    collection?: {
                        alignment?: {
                            /** @enum {string} */
                            type?: "subscription";
                        };
                        interval?: string;
                    };
                    invoicing?: {
                        autoAdvance?: boolean;
                        draftPeriod?: string;
                        dueAfter?: string;
                        progressiveBilling?: boolean;
                    };
                    payment?: {
                        /** @enum {string} */
                        collectionMethod?: "charge_automatically" | "send_invoice";
                    };
                    tax?: {
                        enabled?: boolean;
                        enforced?: boolean;
                    };
                };
            };
        };
        InvoiceAvailableActionDetails: {
            /** @enum {string} */
            resultingState: "gathering" | "issued" | "voided" | "draft.waiting_for_collection" | "draft.waiting_auto_approval" | "draft.manual_approval_needed" | "draft.invalid";
        };
        InvoiceInvoicingEditDto: {
            /** @description false: the draft waits for approval */
            autoAdvance?: boolean;
            /**
             * Format: ISO8601
             * @description Counted from when the draft was drafted
             * @example P1D
             */
            draftPeriod?: string;
            /**
             * Format: ISO8601
             * @description The issued invoice is due this long after issue
             * @example P30D
             */
            dueAfter?: string;
        };
        InvoiceLine: {
            /** @description How the total came about (Tally's addition): the pricing engine's working, every figure a decimal string. Absent on a line that could not be priced (its totals are zero; a critical issue says why). */
            charge?: components["schemas"]["FlatCharge"] | components["schemas"]["UnitCharge"] | components["schemas"]["PackageCharge"] | components["schemas"]["TieredCharge"] | components["schemas"]["DynamicCharge"];
            correction?: components["schemas"]["LineCorrection"];
            createdAt: string;
            /** @description A credit line's (Tally's addition): the subscription a change ended, whose in-advance fee this line gives back for the unused part of its period; `charge` is the part credited. */
            creditOf?: {
                subscription: {
                    id: string;
                };
            };
            currency: string;
            description?: string;
            featureKey?: string;
            id: string;
            invoice: {
                id: string;
            };
            invoiceAt: string;
            /**
             * @description `manual`: a one-off charge (a pending line), its `id` the pending line's.
             * @enum {string}
             */
            managedBy: "subscription" | "manual";
            metadata?: {
                [key: string]: string;
            };
            meteredQuantity: string;
            name: string;
            period: components["schemas"]["Period"];
            price: components["schemas"]["FlatPriceWithPaymentTerm"] | components["schemas"]["UnitPriceWithCommitments"] | components["schemas"]["TieredPriceWithCommitments"] | components["schemas"]["PackagePriceWithCommitments"] | components["schemas"]["DynamicPriceWithCommitments"];
            quantity: string;
            rateCard: {
                discounts?: components["schemas"]["Discounts"];
                featureKey?: string;
                price: components["schemas"]["FlatPriceWithPaymentTerm"] | components["schemas"]["UnitPriceWithCommitments"] | components["schemas"]["TieredPriceWithCommitments"] | components["schemas"]["PackagePriceWithCommitments"] | components["schemas"]["DynamicPriceWithCommitments"];
            };
            /** @enum {string} */
            status: "valid";
            subscription: {
                billingPeriod: components["schemas"]["Period"];
                item: {
                    id: string;
                };
                phase: {
                    id: string;
                };
                subscription: {
                    id: string;
                };
            };
            totals: components["schemas"]["InvoiceTotals"];
            /**
             * @description A flat fee's line is `flat_fee` (quantity 1); invoices issued before said `usage_based`, and keep it.
             * @enum {string}
             */
            type: "flat_fee" | "usage_based";
            updatedAt: string;
        };
        InvoicePage: {
            /** @description Without `lines` unless they were asked for (`expand=lines`). */
            items: (components["schemas"]["Invoice"] | components["schemas"]["InvoiceSummary"])[];
            page: number;
            pageSize: number;
            totalCount: number;
        };
        InvoicePendingLinesFiltersDto: {
            /** @description Not built in Tally (a customer's pending lines are invoiced together): must be empty */
            lineIds?: string[];
        };
        InvoicePendingLinesRequest: {
            /**
             * Format: date-time
             * @description Invoice the usage up to this instant (default now; never in the future)
             */
            asOf?: string;
            /**
             * @description The customer's id (or key)
             * @example 01G65Z755AFWAKHE12NY0CQ9FH
             */
            customerId: string;
            filters?: components["schemas"]["InvoicePendingLinesFiltersDto"];
            /** @description true: the open period is cut at asOf and its usage so far invoiced; false: only what is invoicable (periods over, one-off lines due). Left out, the customer's workflow (invoicing.progressiveBilling) decides */
            progressiveBillingOverride?: boolean;
        };
        InvoiceSummary: {
            /** @description When the period's usage was collected for issue: its end + the workflow's `collection.interval`. */
            collectionAt?: string;
            correctionOf?: components["schemas"]["DocumentRef"];
            /** @description An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued. */
            corrections?: components["schemas"]["CorrectionRef"][];
            createdAt: string;
            currency: string;
            customer: {
                addresses?: {
                    [key: string]: unknown;
                }[];
                id: string;
                key?: string;
                name: string;
                /** @description Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`. */
                taxId?: {
                    [key: string]: unknown;
                };
                usageAttribution: {
                    subjectKeys: string[];
                };
            };
            description?: string;
            /** @description A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself. */
            draftUntil?: string;
            /** @description When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`. */
            dueAt?: string;
            id: string;
            issuedAt?: string;
            metadata?: {
                [key: string]: string;
            };
            number: string;
            period: components["schemas"]["Period"];
            /** @description When `snapshotQuantities` took the quantities, skipping the rest of the collection interval. */
            quantitySnapshotedAt?: string;
            replaces?: components["schemas"]["DocumentRef"];
            /** @enum {string} */
            status: "gathering" | "draft" | "issued" | "voided";
            statusDetails: {
                /** @description The actions the invoice accepts now: each is refused (409) while it is absent. */
                availableActions: {
                    advance?: components["schemas"]["InvoiceAvailableActionDetails"];
                    approve?: components["schemas"]["InvoiceAvailableActionDetails"];
                    delete?: components["schemas"]["InvoiceAvailableActionDetails"];
                    retry?: components["schemas"]["InvoiceAvailableActionDetails"];
                    snapshotQuantities?: components["schemas"]["InvoiceAvailableActionDetails"];
                    void?: components["schemas"]["InvoiceAvailableActionDetails"];
                };
                extendedStatus: string;
                /** @description True while a critical validation issue keeps the invoice from being issued. */
                failed: boolean;
                immutable: boolean;
            };
            /** @description OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue. */
            supplier: {
                [key: string]: unknown;
            };
            totals: components["schemas"]["InvoiceTotals"];
            /** @enum {string} */
            type: "standard" | "credit_note";
            updatedAt: string;
            validationIssues: components["schemas"]["ValidationIssue"][];
            /** @description A voided invoice's: when it was voided. */
            voidedAt?: string;
            /** @description OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice. */
            workflow: {
                apps?: {
                    invoicing: {
                        id: string;
                    };
                    payment: {
                        id: string;
                    };
                    tax: {
                        id: string;
                    };
                };
                sourceBillingProfileId?: string;
                workflow: {
                    collection?: {
                        alignment?: {
                            /** @enum {string} */
                            type?: "subscription";
                        };
                        interval?: string;
                    };
                    invoicing?: {
                        autoAdvance?: boolean;
                        draftPeriod?: string;
                        dueAfter?: string;
                        progressiveBilling?: boolean;
                    };
                    payment?: {
                        /** @enum {string} */
                        collectionMethod?: "charge_automatically" | "send_invoice";
                    };
                    tax?: {
                        enabled?: boolean;
                        enforced?: boolean;
                    };
                };
            };
        };
        InvoiceTotals: {
            amount: string;
            chargesTotal: string;
            creditsTotal: string;
            discountsTotal: string;
            taxesExclusiveTotal: string;
            taxesInclusiveTotal: string;
            taxesTotal: string;
            total: string;
        };
        InvoiceWorkflowEditDto: {
            workflow: components["schemas"]["InvoiceWorkflowSettingsEditDto"];
        };
        InvoiceWorkflowSettingsEditDto: {
            invoicing?: components["schemas"]["InvoiceInvoicingEditDto"];
            payment?: components["schemas"]["PaymentSettingsDto"];
        };
        InvoicingSettingsDto: {
            /**
             * @description The draft of a closed period issues itself (after `draftPeriod`); `false`: it waits for approval
             * @default true
             */
            autoAdvance?: boolean;
            /**
             * Format: ISO8601
             * @description How long a draft waits before it issues itself (with `autoAdvance`)
             * @default P0D
             * @example P1D
             */
            draftPeriod?: string;
            /**
             * Format: ISO8601
             * @description An issued invoice is due this long after issue
             * @default P30D
             * @example P30D
             */
            dueAfter?: string;
            /**
             * @description whether invoice-now (`POST /api/v1/billing/invoices/invoice`) may invoice an open period early, cutting it at `asOf`
             * @default true
             */
            progressiveBilling?: boolean;
        };
        IssueAfterResetRequest: {
            amount: number;
            /** @default 1 */
            priority?: number;
        };
        IssueAfterResetView: {
            amount: number;
            priority?: number;
        };
        LineCorrection: {
            billed: components["schemas"]["LineFigures"];
            lineId: string;
            now: components["schemas"]["LineFigures"];
        };
        LineFigures: {
            meteredQuantity: string;
            quantity: string;
            total: string;
        };
        LineLineage: {
            aggregation?: string;
            featureKey?: string;
            invoiceId: string;
            items: components["schemas"]["EvidenceEntry"][];
            lineId: string;
            meteredQuantity: string;
            meterSlug?: string;
            period: {
                from: string;
                to: string;
            };
            /** @description How many entries there are in all (`items` holds `limit` of them from `offset`). */
            totalCount: number;
        };
        MeteredEntitlementTemplate: {
            /** @description Access continues once the balance is spent. Defaults to false. */
            isSoftLimit?: boolean;
            /** @description Balance granted at every usage-period reset. */
            issueAfterReset?: number;
            /** @description 1–255, needs `issueAfterReset`. Defaults to 1. */
            issueAfterResetPriority?: number;
            metadata?: {
                [key: string]: string;
            };
            /** @description Defaults to false. */
            preserveOverageAtReset?: boolean;
            /** @enum {string} */
            type: "metered";
            /** @description ISO-8601 duration; defaults to the rate card's billing cadence. */
            usagePeriod?: string;
        };
        MeteredEntitlementTemplateDto: {
            /** @default false */
            isSoftLimit?: boolean;
            issueAfterReset?: number;
            /** @default 1 */
            issueAfterResetPriority?: number;
            metadata?: {
                [key: string]: string;
            } | null;
            /** @default false */
            preserveOverageAtReset?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "MeteredEntitlementTemplateDto";
            /** @description ISO-8601 duration; defaults to the rate card billing cadence */
            usagePeriod?: string;
        };
        MeterQueryRequestDoc: {
            /**
             * @example {
             *       "model": {
             *         "$in": [
             *           "gpt-4",
             *           "gpt-4o"
             *         ]
             *       },
             *       "type": {
             *         "$eq": "input"
             *       }
             *     }
             */
            advancedMeterGroupByFilters?: {
                [key: string]: components["schemas"]["FilterString"];
            };
            /** @description Accepted; changes nothing */
            clientId?: string;
            filterCustomerId?: string[];
            /** @description Deprecated: use advancedMeterGroupByFilters */
            filterGroupBy?: {
                [key: string]: string[];
            };
            /**
             * Format: date-time
             * @description Inclusive
             */
            from?: string;
            /** @description Group-by names, subject, customer_id */
            groupBy?: string[];
            subject?: string[];
            /**
             * Format: date-time
             * @description Exclusive
             */
            to?: string;
            /** @enum {string} */
            windowSize?: "MINUTE" | "HOUR" | "DAY" | "MONTH";
            /**
             * @description IANA time zone
             * @default UTC
             */
            windowTimeZone?: string;
        };
        MeterView: {
            /** @enum {string} */
            aggregation: "SUM" | "COUNT" | "UNIQUE_COUNT" | "AVG" | "MIN" | "MAX" | "LATEST";
            createdAt: string;
            deletedAt?: string;
            description?: string;
            eventFrom?: string;
            eventType: string;
            groupBy: {
                [key: string]: string;
            };
            id: string;
            metadata: {
                [key: string]: string;
            };
            name: string;
            slug: string;
            updatedAt: string;
            valueProperty?: string;
        };
        MigrateSubscriptionRequest: {
            /**
             * Format: date-time
             * @description Periods are billingAnchor + n × billingCadence; defaults to the current subscription’s
             */
            billingAnchor?: string;
            /** @description The key of the phase to start in; earlier phases are skipped */
            startingPhase?: string;
            /** @description Defaults to the plan’s active version */
            targetVersion?: number;
            /**
             * @description OpenMeter's `SubscriptionTiming`: "immediate" (now, to the second), "next_billing_cycle" (the end of the period in progress) or an RFC 3339 date-time at most two minutes in the past
             * @default immediate
             */
            timing?: string;
        };
        OpenMeterValidationError: {
            code: string;
            field: string;
            message: string;
        };
        PackageCharge: {
            billedQuantity: string;
            /** @description Removed so the charge stays within the price's `maximumAmount`. */
            capReduction: string;
            currency: string;
            discountAmount: string;
            /** @description "0" without a percentage discount. */
            discountPercentage: string;
            /** @description Added so the charge reaches the price's `minimumAmount`. */
            minimumTrueUp: string;
            packages: string;
            quantity: string;
            quantityPerPackage: string;
            subtotal: string;
            total: string;
            /** @enum {string} */
            type: "package";
            unitPrice: string;
            unroundedTotal: string;
            usageDiscountQuantity: string;
        };
        PackagePriceDto: {
            /**
             * @description The price of one package
             * @example 10
             */
            amount: string;
            /** @description Most spend per billing period */
            maximumAmount?: string;
            /** @description Least spend per billing period */
            minimumAmount?: string;
            /** @example 1000 */
            quantityPerPackage: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "PackagePriceDto";
        };
        PackagePriceWithCommitments: {
            amount: string;
            maximumAmount?: string;
            minimumAmount?: string;
            quantityPerPackage: string;
            /** @enum {string} */
            type: "package";
        };
        PaymentSettingsDto: {
            /**
             * @default charge_automatically
             * @enum {string}
             */
            collectionMethod?: "charge_automatically" | "send_invoice";
        };
        PendingLineDto: {
            description?: string;
            /** @deprecated */
            featureKey?: string;
            /** Format: date-time */
            invoiceAt: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            period: components["schemas"]["SimulationPeriodDto"];
            /**
             * @deprecated
             * @description Use rateCard.price
             */
            price?: components["schemas"]["FlatPriceDto"] | components["schemas"]["UnitPriceDto"] | components["schemas"]["TieredPriceDto"] | components["schemas"]["PackagePriceDto"];
            rateCard?: components["schemas"]["SimulationRateCardDto"];
            /**
             * @deprecated
             * @description Accepted, not acted on
             */
            taxConfig?: {
                [key: string]: unknown;
            };
        };
        PendingLinesCreated: {
            invoice: components["schemas"]["Invoice"];
            isInvoiceNew: boolean;
            lines: components["schemas"]["InvoiceLine"][];
        };
        PercentageDiscountDto: {
            /** @example 10 */
            percentage: number;
        };
        Period: {
            from: string;
            to: string;
        };
        PeriodView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        PlanAddonCreateRequest: {
            /** @description A published add-on version id (ULID) */
            addonId: string;
            /**
             * @description The key of the plan phase from which the add-on is offered
             * @example default
             */
            fromPlanPhase: string;
            /** @description Only for a multiple-instance add-on; absent: no limit */
            maxQuantity?: number;
            metadata?: {
                [key: string]: string;
            };
        };
        PlanAddonTermsDto: {
            /**
             * @description The key of the plan phase from which the add-on is offered
             * @example default
             */
            fromPlanPhase: string;
            /** @description Only for a multiple-instance add-on; absent: no limit */
            maxQuantity?: number;
            metadata?: {
                [key: string]: string;
            };
        };
        PlanAddonView: {
            addon: components["schemas"]["AddonView"];
            createdAt: string;
            deletedAt?: string;
            fromPlanPhase: string;
            maxQuantity?: number;
            metadata: {
                [key: string]: string;
            };
            updatedAt: string;
            /** @description Its phase gone from the draft plan (edited since), which refuses the plan's publishing; else null. */
            validationErrors: components["schemas"]["OpenMeterValidationError"][] | null;
        };
        PlanPhaseDto: {
            description?: string;
            /**
             * @description ISO-8601 duration; null on the last phase
             * @example null
             */
            duration: string | null;
            /** @example active_users */
            key: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            /** @description flat_fee or usage_based rate cards */
            rateCards: (components["schemas"]["FlatFeeRateCardDto"] | components["schemas"]["UsageBasedRateCardDto"])[];
        };
        PlanPhaseView: {
            description?: string;
            duration: string | null;
            key: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            rateCards: (components["schemas"]["FlatFeeRateCard"] | components["schemas"]["UsageBasedRateCard"])[];
        };
        PlanReferenceInputDto: {
            /** @example per_seat */
            key: string;
            /** @description Defaults to the key’s active version */
            version?: number;
        };
        PlanView: {
            alignment?: components["schemas"]["Alignment"];
            billingCadence: string;
            createdAt: string;
            currency: string;
            deletedAt?: string;
            description?: string;
            effectiveFrom?: string;
            effectiveTo?: string;
            id: string;
            key: string;
            metadata: {
                [key: string]: string;
            };
            name: string;
            phases: components["schemas"]["PlanPhaseView"][];
            proRatingConfig: components["schemas"]["ProRatingConfig"];
            /** @enum {string} */
            settlementMode?: "credit_then_invoice" | "credit_only";
            /** @enum {string} */
            status: "draft" | "active" | "scheduled" | "archived";
            updatedAt: string;
            /** @description A draft's problems that would refuse its publishing (its rate cards' cadences against its own), as OpenMeter lists them; null when there are none, and for every plan not a draft. What depends on features is checked when it is published (400 with every problem). */
            validationErrors: components["schemas"]["OpenMeterValidationError"][] | null;
            version: number;
        };
        PortalTokenView: {
            allowedMeterSlugs?: string[];
            /** Format: date-time */
            createdAt: string;
            expired: boolean;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            subject: string;
            /** @description The secret: in the create answer only */
            token?: string;
        };
        PriceTier: {
            flatPrice?: components["schemas"]["FlatPrice"] | null;
            unitPrice?: components["schemas"]["UnitPrice"] | null;
            upToAmount?: string;
        };
        PriceTierDto: {
            flatPrice: components["schemas"]["TierFlatPriceDto"] | null;
            unitPrice: components["schemas"]["TierUnitPriceDto"] | null;
            /**
             * @description Inclusive upper bound; absent (or null) on the last, open-ended tier
             * @example 1000
             */
            upToAmount?: string | null;
        };
        ProblemDetails: {
            code: string;
            detail: string;
            errors?: components["schemas"]["FieldProblem"][];
            extensions?: {
                validationErrors: components["schemas"]["OpenMeterValidationError"][];
            };
            instance?: string;
            status: number;
            title: string;
            type: string;
        };
        ProfileAppsDto: {
            invoicing: string;
            payment: string;
            tax: string;
        };
        ProjectionStatus: {
            /** @description Events in the log after the checkpoint (capped), or null where the store cannot count them. */
            lag: number | null;
            /** @description How long ago the oldest event it has not applied was written (0 when caught up), or null where unknown. */
            lagSeconds: number | null;
            lastError?: string;
            name: string;
            position: string;
            /** @enum {string} */
            state: "running" | "rebuilding" | "stopped" | "failed";
            version: number;
        };
        ProRatingConfig: {
            enabled: boolean;
            /** @enum {string} */
            mode: "prorate_prices";
        };
        ProRatingConfigDto: {
            /** @default true */
            enabled: boolean;
            /**
             * @default prorate_prices
             * @enum {string}
             */
            mode: "prorate_prices";
        };
        Proration: {
            part: string;
            whole: string;
        };
        PublishPlanRequest: {
            /**
             * Format: date-time
             * @description not accepted: publishPlan takes no body and publishes the version effective now, as OpenMeter does; publish it when it should start
             */
            effectiveFrom?: string;
            /**
             * Format: date-time
             * @description not accepted: publishPlan takes no body and publishes the version effective now, as OpenMeter does; publish it when it should start
             */
            effectiveTo?: string;
        };
        ReconciliationAnswerDto: {
            billingPeriods: components["schemas"]["ReconciliationBillingPeriodDto"][];
            days: components["schemas"]["ReconciliationDayDto"][];
            /** Format: date-time */
            from: string;
            namespace: string;
            /** Format: date-time */
            to: string;
            totals: components["schemas"]["ReconciliationCountsDto"];
        };
        ReconciliationBillingPeriodDto: {
            /** @description Billable events in the period and the range (each once, however many rate cards) */
            billable: number;
            /** @description Of them, those on the period's issued documents */
            billed: number;
            customerId: string;
            /**
             * Format: date-time
             * @description The whole billing period; only its part in the range counts
             */
            from: string;
            /** @description Whether the period is issued */
            issued: boolean;
            /** @description Changes since its latest document that a correction will bill */
            pendingCorrection: number;
            subscriptionId: string;
            /** Format: date-time */
            to: string;
        };
        ReconciliationCountsDto: {
            /** @description Events of acknowledged ingestion requests, repeats included; null on EventStoreDB */
            accepted: number | null;
            /** @description Stored events, not voided, whose subject is a customer's key or subject key */
            attributed: number;
            /** @description Attributed events a subscription active at their time bills through its phase's usage-based rate cards, issued or not */
            billable: number;
            /** @description Events on issued documents: stored at or before the log position their period was billed through, not voided by then */
            billed: number;
            /** @description accepted − stored; null on EventStoreDB */
            deduplicated: number | null;
            /** @description Stored events a live meter reads (its event type, at or after its eventFrom), not voided */
            metered: number;
            /** @description Events that changed an issued period after its latest document (late, or voided), altering its figures: the next correction bills them */
            pendingCorrection: number;
            /** @description Accepted events written to the log (the first of each source and id) */
            stored: number;
            /** @description Stored events voided since: they count in none of the figures below */
            voided: number;
        };
        ReconciliationDayDto: {
            /** @description Events of acknowledged ingestion requests, repeats included; null on EventStoreDB */
            accepted: number | null;
            /** @description Stored events, not voided, whose subject is a customer's key or subject key */
            attributed: number;
            /** @description Attributed events a subscription active at their time bills through its phase's usage-based rate cards, issued or not */
            billable: number;
            /** @description Events on issued documents: stored at or before the log position their period was billed through, not voided by then */
            billed: number;
            /** @description accepted − stored; null on EventStoreDB */
            deduplicated: number | null;
            /**
             * Format: date-time
             * @description Start of the UTC day, clipped to the range
             */
            from: string;
            /** @description Stored events a live meter reads (its event type, at or after its eventFrom), not voided */
            metered: number;
            /** @description Events that changed an issued period after its latest document (late, or voided), altering its figures: the next correction bills them */
            pendingCorrection: number;
            /** @description Accepted events written to the log (the first of each source and id) */
            stored: number;
            /**
             * Format: date-time
             * @description End of the UTC day, clipped to the range
             */
            to: string;
            /** @description Stored events voided since: they count in none of the figures below */
            voided: number;
        };
        RecurringPeriodRequest: {
            /**
             * Format: date-time
             * @description Defaults to now; truncated to the minute
             */
            anchor?: string;
            /**
             * @description DAY, WEEK, MONTH, YEAR or an ISO-8601 duration (at least an hour)
             * @example MONTH
             */
            interval: string;
        };
        RecurringPeriodView: {
            /** Format: date-time */
            anchor: string;
            /** @description DAY, WEEK, MONTH, YEAR, or the ISO-8601 duration when it is none of them */
            interval: string;
            /** Format: duration */
            intervalISO: string;
        };
        ResetUsageRequest: {
            /**
             * Format: date-time
             * @description Defaults to now; truncated to the minute
             */
            effectiveAt?: string;
            /** @description Defaults to the entitlement's preserveOverageAtReset */
            preserveOverage?: boolean;
            /** @default false */
            retainAnchor?: boolean;
        };
        SignInRequest: {
            /** @description An API token of the `read`, `admin` or `system` role */
            token: string;
        };
        SimulatedInvoice: {
            /** @description When the period's usage was collected for issue: its end + the workflow's `collection.interval`. */
            collectionAt?: string;
            correctionOf?: components["schemas"]["DocumentRef"];
            /** @description An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued. */
            corrections?: components["schemas"]["CorrectionRef"][];
            createdAt: string;
            currency: string;
            customer: {
                addresses?: {
                    [key: string]: unknown;
                }[];
                id: string;
                key?: string;
                name: string;
                /** @description Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`. */
                taxId?: {
                    [key: string]: unknown;
                };
                usageAttribution: {
                    subjectKeys: string[];
                };
            };
            description?: string;
            /** @description A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself. */
            draftUntil?: string;
            /** @description When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`. */
            dueAt?: string;
            id: string;
            issuedAt?: string;
            lines: components["schemas"]["SimulatedLine"][];
            metadata?: {
                [key: string]: string;
            };
            number: string;
            period: components["schemas"]["Period"];
            /** @description When `snapshotQuantities` took the quantities, skipping the rest of the collection interval. */
            quantitySnapshotedAt?: string;
            replaces?: components["schemas"]["DocumentRef"];
            /** @enum {string} */
            status: "gathering" | "draft" | "issued" | "voided";
            statusDetails: {
                /** @description The actions the invoice accepts now: each is refused (409) while it is absent. */
                availableActions: {
                    advance?: components["schemas"]["InvoiceAvailableActionDetails"];
                    approve?: components["schemas"]["InvoiceAvailableActionDetails"];
                    delete?: components["schemas"]["InvoiceAvailableActionDetails"];
                    retry?: components["schemas"]["InvoiceAvailableActionDetails"];
                    snapshotQuantities?: components["schemas"]["InvoiceAvailableActionDetails"];
                    void?: components["schemas"]["InvoiceAvailableActionDetails"];
                };
                extendedStatus: string;
                /** @description True while a critical validation issue keeps the invoice from being issued. */
                failed: boolean;
                immutable: boolean;
            };
            /** @description OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue. */
            supplier: {
                [key: string]: unknown;
            };
            totals: components["schemas"]["InvoiceTotals"];
            /** @enum {string} */
            type: "standard" | "credit_note";
            updatedAt: string;
            validationIssues: components["schemas"]["ValidationIssue"][];
            /** @description A voided invoice's: when it was voided. */
            voidedAt?: string;
            /** @description OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice. */
            workflow: {
                apps?: {
                    invoicing: {
                        id: string;
                    };
                    payment: {
                        id: string;
                    };
                    tax: {
                        id: string;
                    };
                };
                sourceBillingProfileId?: string;
                workflow: {
                    collection?: {
                        alignment?: {
                            /** @enum {string} */
                            type?: "subscription";
                        };
                        interval?: string;
                    };
                    invoicing?: {
                        autoAdvance?: boolean;
                        draftPeriod?: string;
                        dueAfter?: string;
                        progressiveBilling?: boolean;
                    };
                    payment?: {
                        /** @enum {string} */
                        collectionMethod?: "charge_automatically" | "send_invoice";
                    };
                    tax?: {
                        enabled?: boolean;
                        enforced?: boolean;
                    };
                };
            };
        };
        SimulatedLine: {
            /** @description How the total came about (Tally's addition): the pricing engine's working, every figure a decimal string. Absent on a line that could not be priced (its totals are zero; a critical issue says why). */
            charge?: components["schemas"]["FlatCharge"] | components["schemas"]["UnitCharge"] | components["schemas"]["PackageCharge"] | components["schemas"]["TieredCharge"] | components["schemas"]["DynamicCharge"];
            correction?: components["schemas"]["LineCorrection"];
            createdAt: string;
            /** @description A credit line's (Tally's addition): the subscription a change ended, whose in-advance fee this line gives back for the unused part of its period; `charge` is the part credited. */
            creditOf?: {
                subscription: {
                    id: string;
                };
            };
            currency: string;
            description?: string;
            featureKey?: string;
            id: string;
            invoice: {
                id: string;
            };
            invoiceAt: string;
            /** @enum {string} */
            managedBy: "manual";
            metadata?: {
                [key: string]: string;
            };
            meteredQuantity: string;
            name: string;
            period: components["schemas"]["Period"];
            price: components["schemas"]["FlatPriceWithPaymentTerm"] | components["schemas"]["UnitPriceWithCommitments"] | components["schemas"]["TieredPriceWithCommitments"] | components["schemas"]["PackagePriceWithCommitments"] | components["schemas"]["DynamicPriceWithCommitments"];
            quantity: string;
            rateCard: {
                discounts?: components["schemas"]["Discounts"];
                featureKey?: string;
                price: components["schemas"]["FlatPriceWithPaymentTerm"] | components["schemas"]["UnitPriceWithCommitments"] | components["schemas"]["TieredPriceWithCommitments"] | components["schemas"]["PackagePriceWithCommitments"] | components["schemas"]["DynamicPriceWithCommitments"];
            };
            /** @enum {string} */
            status: "valid";
            totals: components["schemas"]["InvoiceTotals"];
            /**
             * @description A flat fee's line is `flat_fee` (quantity 1); invoices issued before said `usage_based`, and keep it.
             * @enum {string}
             */
            type: "flat_fee" | "usage_based";
            updatedAt: string;
        };
        SimulateInvoiceRequest: {
            /** @example USD */
            currency: string;
            lines: components["schemas"]["SimulationLineDto"][];
            /** @example INV-2027-SIM */
            number?: string;
        };
        SimulationLineDto: {
            description?: string;
            /** @deprecated */
            featureKey?: string;
            id?: string;
            /** Format: date-time */
            invoiceAt: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            period: components["schemas"]["SimulationPeriodDto"];
            /** @description Accepted; progressive billing is not built, so not acted on */
            preLinePeriodQuantity?: string;
            /**
             * @deprecated
             * @description Use rateCard.price
             */
            price?: components["schemas"]["FlatPriceDto"] | components["schemas"]["UnitPriceDto"] | components["schemas"]["TieredPriceDto"] | components["schemas"]["PackagePriceDto"];
            /**
             * @description A decimal string
             * @example 12.5
             */
            quantity: string;
            rateCard?: components["schemas"]["SimulationRateCardDto"];
            /**
             * @deprecated
             * @description Accepted, not acted on
             */
            taxConfig?: {
                [key: string]: unknown;
            };
        };
        SimulationPeriodDto: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        SimulationRateCardDto: {
            discounts?: components["schemas"]["DiscountsDto"];
            featureKey?: string;
            /** @description flat, unit, tiered or package, as a plan takes it; null when free */
            price: (components["schemas"]["FlatPriceDto"] | components["schemas"]["UnitPriceDto"] | components["schemas"]["TieredPriceDto"] | components["schemas"]["PackagePriceDto"]) | null;
            /** @description Accepted, not acted on */
            taxConfig?: {
                [key: string]: unknown;
            };
        };
        StaticEntitlementTemplate: {
            /** @description A JSON object, serialized: returned as is by entitlement checks. */
            config: string;
            metadata?: {
                [key: string]: string;
            };
            /** @enum {string} */
            type: "static";
        };
        StaticEntitlementTemplateDto: {
            /**
             * @description A JSON object, serialized
             * @example {"seats":10}
             */
            config: string;
            metadata?: {
                [key: string]: string;
            } | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "StaticEntitlementTemplateDto";
        };
        StringFilter: {
            $and?: components["schemas"]["StringFilter"][] | null;
            $contains?: string | null;
            $eq?: string | null;
            $exists?: boolean | null;
            $gt?: string | null;
            $gte?: string | null;
            $ilike?: string | null;
            $in?: string[] | null;
            $like?: string | null;
            $lt?: string | null;
            $lte?: string | null;
            $ncontains?: string | null;
            $ne?: string | null;
            $nilike?: string | null;
            $nin?: string[] | null;
            $nlike?: string | null;
            $or?: components["schemas"]["StringFilter"][] | null;
        };
        StripeTaxCodeDto: {
            /** @example txcd_10000000 */
            code: string;
        };
        SubjectUpsertDto: {
            /**
             * Format: date-time
             * @deprecated
             */
            currentPeriodEnd?: string | null;
            /**
             * Format: date-time
             * @deprecated
             */
            currentPeriodStart?: string | null;
            /** @example Customer Name */
            displayName?: string | null;
            /** @example customer-db-id-123 */
            key: string;
            /**
             * @example {
             *       "hubspotId": "123456"
             *     }
             */
            metadata?: {
                [key: string]: unknown;
            } | null;
            /**
             * @deprecated
             * @example cus_JMOlctsKV8
             */
            stripeCustomerId?: string | null;
        };
        SubjectView: {
            createdAt: string;
            currentPeriodEnd?: string;
            currentPeriodStart?: string;
            customerId?: string;
            customerKey?: string;
            deletedAt?: string;
            displayName?: string;
            id: string;
            key: string;
            metadata?: {
                [key: string]: unknown;
            };
            stripeCustomerId?: string;
            updatedAt: string;
        };
        SubscriptionAddonRateCardView: {
            /** @description Empty: Tally bills an add-on's rate cards as lines of their own beside the plan's items, and changes none of them (OpenMeter merges a card into the plan's item of the same key). */
            affectedSubscriptionItemIds: string[];
            rateCard: components["schemas"]["FlatFeeRateCard"] | components["schemas"]["UsageBasedRateCard"];
        };
        SubscriptionAddonView: {
            /** @description Its first quantity change. */
            activeFrom: string;
            /** @description Where quantity 0 ended it, else the subscription's end, if either. */
            activeTo?: string;
            addon: {
                id: string;
                /** @enum {string} */
                instanceType: "single" | "multiple";
                key: string;
                version: number;
            };
            createdAt: string;
            description?: string;
            id: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            quantity: number;
            quantityAt: string;
            rateCards: components["schemas"]["SubscriptionAddonRateCardView"][];
            subscriptionId: string;
            timeline: components["schemas"]["AddonSegment"][];
            updatedAt: string;
        };
        SubscriptionChangeView: {
            current: components["schemas"]["SubscriptionView"];
            next: components["schemas"]["SubscriptionExpandedView"];
        };
        SubscriptionExpandedView: {
            activeFrom: string;
            activeTo?: string;
            alignment: {
                billablesMustAlign?: boolean;
                currentAlignedBillingPeriod?: components["schemas"]["Period"];
            };
            /** @description As given at creation (else `activeFrom`): periods are `billingAnchor + n × billingCadence`. */
            billingAnchor: string;
            billingCadence: string;
            /** @enum {string} */
            costBasisMode: "dynamic" | "pinned";
            costBasisPins: Record<string, never>[];
            createdAt: string;
            currency: string;
            currentPeriod?: components["schemas"]["Period"];
            customerId: string;
            /** @description Tally's: set once the subscription is edited; it then no longer follows its plan (whose reference it keeps). */
            customized?: boolean;
            description?: string;
            id: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            /** @description Tally's: the subscription a change or migration replaced this one with (it starts at this one's `activeTo`). */
            nextSubscriptionId?: string;
            phases: components["schemas"]["SubscriptionPhaseView"][];
            /** @description The catalog plan; absent for a custom plan (given inline). */
            plan?: {
                id: string;
                key: string;
                version: number;
            };
            /** @description Tally's: the subscription this one replaced by a change or migration (it ended where this one starts). */
            previousSubscriptionId?: string;
            proRatingConfig: components["schemas"]["ProRatingConfig"];
            /**
             * @description As requested, else the plan's, else OpenMeter's defaults; shown back, not acted on: Tally invoices every period and pins no cost bases.
             * @enum {string}
             */
            settlementMode: "credit_then_invoice" | "credit_only";
            /** @enum {string} */
            status: "active" | "inactive" | "canceled" | "scheduled";
            updatedAt: string;
        };
        SubscriptionPhaseCreateDto: {
            description?: string;
            /**
             * @description Required unless it is the last phase
             * @example P1M
             */
            duration?: string;
            key: string;
            name: string;
            /**
             * @description ISO-8601 duration after the subscription starts; null: at its start
             * @example P1M
             */
            startAfter: string | null;
        };
        SubscriptionPhaseView: {
            activeFrom: string;
            activeTo?: string;
            createdAt: string;
            description?: string;
            items: ({
                activeFrom: string;
                activeTo?: string;
                billingCadence: string | null;
                description?: string;
                discounts?: components["schemas"]["Discounts"];
                /** @description Needs `featureKey`. */
                entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplate"] | components["schemas"]["StaticEntitlementTemplate"] | components["schemas"]["MeteredEntitlementTemplate"];
                featureKey?: string;
                /** @description Unique within its phase; equals `featureKey` when that is set. */
                key: string;
                metadata?: {
                    [key: string]: string;
                };
                name: string;
                price: components["schemas"]["FlatPriceWithPaymentTerm"] | null;
                taxConfig?: components["schemas"]["TaxConfig"];
                /** @enum {string} */
                type: "flat_fee";
            } | {
                activeFrom: string;
                activeTo?: string;
                billingCadence: string;
                description?: string;
                discounts?: components["schemas"]["Discounts"];
                /** @description Needs `featureKey`. */
                entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplate"] | components["schemas"]["StaticEntitlementTemplate"] | components["schemas"]["MeteredEntitlementTemplate"];
                featureKey?: string;
                /** @description Unique within its phase; equals `featureKey` when that is set. */
                key: string;
                metadata?: {
                    [key: string]: string;
                };
                name: string;
                price: (components["schemas"]["FlatPriceWithPaymentTerm"] | components["schemas"]["UnitPriceWithCommitments"] | components["schemas"]["TieredPriceWithCommitments"] | components["schemas"]["PackagePriceWithCommitments"] | components["schemas"]["DynamicPriceWithCommitments"]) | null;
                taxConfig?: components["schemas"]["TaxConfig"];
                /** @enum {string} */
                type: "usage_based";
            })[];
            itemTimelines: {
                [key: string]: ({
                    activeFrom: string;
                    activeTo?: string;
                    billingCadence: string | null;
                    description?: string;
                    discounts?: components["schemas"]["Discounts"];
                    /** @description Needs `featureKey`. */
                    entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplate"] | components["schemas"]["StaticEntitlementTemplate"] | components["schemas"]["MeteredEntitlementTemplate"];
                    featureKey?: string;
                    /** @description Unique within its phase; equals `featureKey` when that is set. */
                    key: string;
                    metadata?: {
                        [key: string]: string;
                    };
                    name: string;
                    price: components["schemas"]["FlatPriceWithPaymentTerm"] | null;
                    taxConfig?: components["schemas"]["TaxConfig"];
                    /** @enum {string} */
                    type: "flat_fee";
                } | {
                    activeFrom: string;
                    activeTo?: string;
                    billingCadence: string;
                    description?: string;
                    discounts?: components["schemas"]["Discounts"];
                    /** @description Needs `featureKey`. */
                    entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplate"] | components["schemas"]["StaticEntitlementTemplate"] | components["schemas"]["MeteredEntitlementTemplate"];
                    featureKey?: string;
                    /** @description Unique within its phase; equals `featureKey` when that is set. */
                    key: string;
                    metadata?: {
                        [key: string]: string;
                    };
                    name: string;
                    price: (components["schemas"]["FlatPriceWithPaymentTerm"] | components["schemas"]["UnitPriceWithCommitments"] | components["schemas"]["TieredPriceWithCommitments"] | components["schemas"]["PackagePriceWithCommitments"] | components["schemas"]["DynamicPriceWithCommitments"]) | null;
                    taxConfig?: components["schemas"]["TaxConfig"];
                    /** @enum {string} */
                    type: "usage_based";
                })[];
            };
            key: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            updatedAt: string;
        };
        SubscriptionView: {
            activeFrom: string;
            activeTo?: string;
            /** @description As given at creation (else `activeFrom`): periods are `billingAnchor + n × billingCadence`. */
            billingAnchor: string;
            billingCadence: string;
            /** @enum {string} */
            costBasisMode: "dynamic" | "pinned";
            costBasisPins: Record<string, never>[];
            createdAt: string;
            currency: string;
            currentPeriod?: components["schemas"]["Period"];
            customerId: string;
            /** @description Tally's: set once the subscription is edited; it then no longer follows its plan (whose reference it keeps). */
            customized?: boolean;
            description?: string;
            id: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            /** @description Tally's: the subscription a change or migration replaced this one with (it starts at this one's `activeTo`). */
            nextSubscriptionId?: string;
            /** @description The catalog plan; absent for a custom plan (given inline). */
            plan?: {
                id: string;
                key: string;
                version: number;
            };
            /** @description Tally's: the subscription this one replaced by a change or migration (it ended where this one starts). */
            previousSubscriptionId?: string;
            proRatingConfig: components["schemas"]["ProRatingConfig"];
            /**
             * @description As requested, else the plan's, else OpenMeter's defaults; shown back, not acted on: Tally invoices every period and pins no cost bases.
             * @enum {string}
             */
            settlementMode: "credit_then_invoice" | "credit_only";
            /** @enum {string} */
            status: "active" | "inactive" | "canceled" | "scheduled";
            updatedAt: string;
        };
        SupplierDto: {
            addresses?: components["schemas"]["AddressDto"][];
            key?: string;
            /** @example Tally Inc */
            name?: string;
            taxId?: components["schemas"]["TaxIdentityDto"];
        };
        TaxCodeDto: {
            /** @example txcd_10000000 */
            code: string;
        };
        TaxConfig: {
            /** @enum {string} */
            behavior?: "inclusive" | "exclusive";
            customInvoicing?: {
                code: string;
            };
            /** @description `^txcd_\d{8}$`. */
            stripe?: {
                code: string;
            };
            /** @description A ULID. */
            taxCodeId?: string;
        };
        TaxConfigDto: {
            /** @enum {string} */
            behavior?: "inclusive" | "exclusive";
            /** @deprecated */
            customInvoicing?: components["schemas"]["TaxCodeDto"];
            /** @deprecated */
            stripe?: components["schemas"]["StripeTaxCodeDto"];
            taxCodeId?: string;
        };
        TaxIdentityDto: {
            code?: string;
        };
        TaxSettingsDto: {
            /** @default true */
            enabled?: boolean;
            /** @default false */
            enforced?: boolean;
        };
        TierCharge: {
            amount: string;
            flatAmount: string;
            quantity: string;
            tierIndex: number;
            unitAmount: string;
        };
        TieredCharge: {
            billedQuantity: string;
            /** @description Removed so the charge stays within the price's `maximumAmount`. */
            capReduction: string;
            currency: string;
            discountAmount: string;
            /** @description "0" without a percentage discount. */
            discountPercentage: string;
            /** @description Added so the charge reaches the price's `minimumAmount`. */
            minimumTrueUp: string;
            /** @enum {string} */
            mode: "volume" | "graduated";
            quantity: string;
            subtotal: string;
            tiers: components["schemas"]["TierCharge"][];
            total: string;
            /** @enum {string} */
            type: "tiered";
            unroundedTotal: string;
            usageDiscountQuantity: string;
        };
        TieredPriceDto: {
            /** @description Most spend per billing period */
            maximumAmount?: string;
            /** @description Least spend per billing period */
            minimumAmount?: string;
            /** @enum {string} */
            mode: "volume" | "graduated";
            tiers: components["schemas"]["PriceTierDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "TieredPriceDto";
        };
        TieredPriceWithCommitments: {
            maximumAmount?: string;
            minimumAmount?: string;
            /** @enum {string} */
            mode: "volume" | "graduated";
            tiers: components["schemas"]["PriceTier"][];
            /** @enum {string} */
            type: "tiered";
        };
        TierFlatPriceDto: {
            /** @example 10 */
            amount: string;
            /** @enum {string} */
            type: "flat";
        };
        TierUnitPriceDto: {
            /** @example 0.5 */
            amount: string;
            /** @enum {string} */
            type: "unit";
        };
        UnitCharge: {
            billedQuantity: string;
            /** @description Removed so the charge stays within the price's `maximumAmount`. */
            capReduction: string;
            currency: string;
            discountAmount: string;
            /** @description "0" without a percentage discount. */
            discountPercentage: string;
            /** @description Added so the charge reaches the price's `minimumAmount`. */
            minimumTrueUp: string;
            quantity: string;
            subtotal: string;
            total: string;
            /** @enum {string} */
            type: "unit";
            unitPrice: string;
            unroundedTotal: string;
            usageDiscountQuantity: string;
        };
        UnitPrice: {
            amount: string;
            /** @enum {string} */
            type: "unit";
        };
        UnitPriceDto: {
            /** @example 1 */
            amount: string;
            /** @description Most spend per billing period */
            maximumAmount?: string;
            /** @description Least spend per billing period */
            minimumAmount?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "UnitPriceDto";
        };
        UnitPriceWithCommitments: {
            /** @description Price of one unit of usage. */
            amount: string;
            maximumAmount?: string;
            minimumAmount?: string;
            /** @enum {string} */
            type: "unit";
        };
        UpdateAddonRequest: {
            description?: string;
            /**
             * @description single: added once; multiple: with a quantity
             * @enum {string}
             */
            instanceType: "single" | "multiple";
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            /** @description flat_fee or usage_based rate cards */
            rateCards: (components["schemas"]["FlatFeeRateCardDto"] | components["schemas"]["UsageBasedRateCardDto"])[];
        };
        UpdateBillingProfileRequest: {
            /** @description Making a profile the default unsets the previous default */
            default: boolean;
            description?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            /** @example EU entity */
            name: string;
            supplier: components["schemas"]["SupplierDto"];
            workflow: components["schemas"]["WorkflowDto"];
        };
        UpdateCustomerRequest: {
            billingAddress?: components["schemas"]["AddressDto"];
            /** @example USD */
            currency?: string;
            description?: string;
            /**
             * @description Unique among customers and subject keys
             * @example acme-inc
             */
            key?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            /** @example Acme Inc */
            name: string;
            /** @example billing@acme.example */
            primaryEmail?: string;
            usageAttribution?: components["schemas"]["UsageAttributionDto"];
        };
        UpdateInvoiceRequest: {
            /** @description The customer's key, if given, must be the invoice's */
            customer: components["schemas"]["SupplierDto"];
            description?: string;
            /** @description OpenMeter's InvoiceLineReplaceUpdate: the draft's lines as they should be — a known id updates its line (name, description, metadata, rateCard.price and discounts, a usage line’s period), a line without id is added, a subscription line left out is waived */
            lines: ({
                description?: string;
                /** @deprecated */
                featureKey?: string;
                /** @description A line of the draft; absent: a line added */
                id?: string;
                /** Format: date-time */
                invoiceAt?: string;
                metadata?: {
                    [key: string]: string;
                } | null;
                name?: string;
                period?: {
                    /** Format: date-time */
                    from?: string;
                    /** Format: date-time */
                    to?: string;
                };
                /** @deprecated */
                price?: {
                    [key: string]: unknown;
                };
                rateCard?: {
                    discounts?: {
                        [key: string]: unknown;
                    };
                    featureKey?: string;
                    price?: {
                        [key: string]: unknown;
                    };
                };
            } & {
                [key: string]: unknown;
            })[];
            metadata?: {
                [key: string]: string;
            } | null;
            supplier: components["schemas"]["SupplierDto"];
            workflow: components["schemas"]["InvoiceWorkflowEditDto"];
        };
        UpdateMeterRequest: {
            description?: string;
            groupBy?: {
                [key: string]: string;
            };
            metadata?: {
                [key: string]: string;
            } | null;
            /** @description Defaults to the slug */
            name?: string;
        };
        UpdatePlanRequest: {
            /** @deprecated */
            alignment?: components["schemas"]["AlignmentDto"];
            /**
             * @description ISO-8601 duration: how often subscriptions are invoiced
             * @example P1M
             */
            billingCadence: string;
            description?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            phases: components["schemas"]["PlanPhaseDto"][];
            proRatingConfig?: components["schemas"]["ProRatingConfigDto"];
            /**
             * @description Kept and shown back; Tally invoices every period whatever the mode
             * @enum {string}
             */
            settlementMode?: "credit_then_invoice" | "credit_only";
        };
        UpdateSubscriptionAddonRequest: {
            description?: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name?: string;
            /** @description From `timing` on; 0 ends the add-on */
            quantity?: number;
            /**
             * @description OpenMeter's `SubscriptionTiming`: "immediate" (now, to the second), "next_billing_cycle" (the end of the period in progress) or an RFC 3339 date-time at most two minutes in the past; never before the subscription starts
             * @default immediate
             */
            timing?: string;
        };
        UpsertCustomerOverrideRequest: {
            /** @description Pin this profile; else the default applies */
            billingProfileId?: string;
            /** @description Tally's: settings over the profile's, for this customer */
            workflow?: components["schemas"]["WorkflowDto"];
        };
        UsageAttributionDto: {
            /**
             * @description The event subjects that are this customer’s usage
             * @example [
             *       "acme-inc"
             *     ]
             */
            subjectKeys: string[];
        };
        UsageBasedRateCard: {
            billingCadence: string;
            description?: string;
            discounts?: components["schemas"]["Discounts"];
            /** @description Needs `featureKey`. */
            entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplate"] | components["schemas"]["StaticEntitlementTemplate"] | components["schemas"]["MeteredEntitlementTemplate"];
            featureKey?: string;
            /** @description Unique within its phase; equals `featureKey` when that is set. */
            key: string;
            metadata?: {
                [key: string]: string;
            };
            name: string;
            price: (components["schemas"]["FlatPriceWithPaymentTerm"] | components["schemas"]["UnitPriceWithCommitments"] | components["schemas"]["TieredPriceWithCommitments"] | components["schemas"]["PackagePriceWithCommitments"] | components["schemas"]["DynamicPriceWithCommitments"]) | null;
            taxConfig?: components["schemas"]["TaxConfig"];
            /** @enum {string} */
            type: "usage_based";
        };
        UsageBasedRateCardDto: {
            /** @example P1M */
            billingCadence: string;
            description?: string;
            discounts?: components["schemas"]["DiscountsDto"];
            /** @description boolean, static or metered; needs featureKey */
            entitlementTemplate?: components["schemas"]["BooleanEntitlementTemplateDto"] | components["schemas"]["StaticEntitlementTemplateDto"] | components["schemas"]["MeteredEntitlementTemplateDto"];
            /** @example active_users */
            featureKey?: string;
            /** @example active_users */
            key: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            /** @description flat, unit, tiered, package or dynamic; null when free */
            price: (components["schemas"]["FlatPriceDto"] | components["schemas"]["UnitPriceDto"] | components["schemas"]["TieredPriceDto"] | components["schemas"]["PackagePriceDto"] | components["schemas"]["DynamicPriceDto"]) | null;
            /** @description Kept and shown back; Tally calculates no tax */
            taxConfig?: components["schemas"]["TaxConfigDto"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "UsageBasedRateCardDto";
        };
        UsageCloudEvent: {
            data?: {
                [key: string]: unknown;
            } | null;
            datacontenttype?: string | null;
            dataschema?: string | null;
            id: string;
            source: string;
            /** @enum {string} */
            specversion: "1.0";
            subject: string;
            time: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        UsageDiscountDto: {
            /**
             * @description Units of usage free in each period
             * @example 100
             */
            quantity: string;
        };
        UsageVoidActor: {
            /** @description The token that voided the event */
            id: string;
            name: string;
        };
        UsageVoidView: {
            actor: components["schemas"]["UsageVoidActor"];
            id: string;
            /** @description The first void's reason */
            reason: string;
            source: string;
            /**
             * Format: date-time
             * @description When the event was first voided
             */
            voidedAt: string;
        };
        ValidationIssue: {
            code: string;
            component: string;
            createdAt: string;
            /** @description JSONPath into the invoice, e.g. `$.lines[1].quantity`. */
            field?: string;
            id: string;
            message: string;
            metadata?: {
                [key: string]: string;
            };
            /** @enum {string} */
            severity: "critical" | "warning";
            updatedAt: string;
        };
        VoidActionDto: {
            action: components["schemas"]["VoidLineActionDto"];
            /** @description How much of the invoice is voided: Tally voids whole invoices (100) */
            percentage: number;
        };
        VoidedEventRef: {
            /** @example 57B5F342-B8D5-49AE-9D6C-350C1D92155C */
            id: string;
            /** @example acme-platform */
            source: string;
        };
        VoidInvoiceRequest: {
            action: components["schemas"]["VoidActionDto"];
            /** @description Per-line actions: not built in Tally (a void acts on the whole invoice); must be empty */
            overrides?: {
                action?: {
                    /** @enum {string} */
                    type?: "discard" | "pending";
                };
                lineId?: string;
            }[] | null;
            reason: string;
        };
        VoidLineActionDto: {
            /**
             * Format: date-time
             * @description pending only: when the usage is billed again (default: at the next sweep)
             */
            nextInvoiceAt?: string;
            /** @enum {string} */
            type: "discard" | "pending";
        };
        VoidUsageAnswer: {
            /** @description Each named event, as its first void recorded it */
            events: components["schemas"]["UsageVoidView"][];
        };
        VoidUsageRequest: {
            events: components["schemas"]["VoidedEventRef"][];
            /** @example sent twice by a misconfigured client */
            reason: string;
        };
        WindowedBalanceHistoryView: {
            burndownHistory: components["schemas"]["GrantBurnDownHistorySegmentView"][];
            windowedHistory: components["schemas"]["BalanceHistoryWindowView"][];
        };
        Workflow: {
            collection: {
                alignment: {
                    /** @enum {string} */
                    type: "subscription";
                };
                interval: string;
            };
            invoicing: {
                autoAdvance: boolean;
                draftPeriod: string;
                dueAfter: string;
                progressiveBilling: boolean;
            };
            payment: {
                /** @enum {string} */
                collectionMethod: "charge_automatically" | "send_invoice";
            };
            tax: {
                enabled: boolean;
                enforced: boolean;
            };
        };
        WorkflowDto: {
            collection?: components["schemas"]["CollectionSettingsDto"];
            invoicing?: components["schemas"]["InvoicingSettingsDto"];
            payment?: components["schemas"]["PaymentSettingsDto"];
            tax?: components["schemas"]["TaxSettingsDto"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAddons: {
        parameters: {
            query?: {
                currency?: string[];
                id?: string[];
                includeDeleted?: boolean;
                key?: string[];
                order?: "ASC" | "DESC";
                orderBy?: "id" | "key" | "version" | "created_at" | "updated_at";
                page?: number;
                pageSize?: number;
                status?: ("draft" | "active" | "archived")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AddonView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createAddon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAddonRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAddon: {
        parameters: {
            query?: {
                /** @description By key: the latest version whatever its status */
                includeLatest?: boolean;
            };
            header?: never;
            path: {
                /** @description The add-on version id (ULID) or the add-on key */
                addonId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateAddon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the add-on changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The add-on version id (ULID) */
                addonId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAddonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteAddon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the add-on changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The add-on version id (ULID) */
                addonId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    archiveAddon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the add-on changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The add-on version id (ULID) */
                addonId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    publishAddon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the add-on changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The add-on version id (ULID) */
                addonId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listProjections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionStatus"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rebuildProjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionStatus"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getReconciliation: {
        parameters: {
            query: {
                /** @description RFC 3339 on a whole hour, inclusive */
                from: unknown;
                /** @description RFC 3339 on a whole hour, exclusive; ≤ 366 days after from */
                to: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationAnswerDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Token id of the actor */
                actor?: string;
                /** @description Only events after this log position ("commit/prepare", from a previous page) */
                afterPosition?: string;
                correlationId?: string;
                entityId?: string;
                entityType?: string;
                /** @description Recorded at or after (RFC 3339) */
                from?: string;
                limit?: number;
                /** @description Exact stream name, e.g. meter-01J… */
                stream?: string;
                /** @description Recorded before (RFC 3339) */
                to?: string;
                /** @description Event type, e.g. CustomerCreated */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listBillingProfileCustomerOverrides: {
        parameters: {
            query?: {
                /** @description Only customers billed under these profiles */
                billingProfile?: string[];
                customerId?: string[];
                /** @description Exact */
                customerKey?: string;
                /** @description Case-insensitive, partial */
                customerName?: string;
                /** @description Case-insensitive, partial */
                customerPrimaryEmail?: string;
                /** @description Only customers with no pinned profile (implies includeAllCustomers) */
                customersWithoutPinnedProfile?: boolean;
                expand?: ("apps" | "customer")[];
                /** @description Customers without an override too */
                includeAllCustomers?: boolean;
                order?: "ASC" | "DESC";
                orderBy?: "customerId" | "customerName" | "customerKey" | "customerPrimaryEmail" | "customerCreatedAt";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CustomerOverrideView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getBillingProfileCustomerOverride: {
        parameters: {
            query?: {
                expand?: ("apps" | "customer")[];
            };
            header?: never;
            path: {
                /** @description The customer's id (or key) */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerOverrideView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    upsertBillingProfileCustomerOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (or key) */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpsertCustomerOverrideRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerOverrideView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteBillingProfileCustomerOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (or key) */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createPendingInvoiceLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (or key) */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePendingLinesRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingLinesCreated"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    simulateInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (or key) */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulateInvoiceRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulatedInvoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    previewCustomerInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"] | components["schemas"]["EmptyInvoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description Created at or after (inclusive) */
                createdAfter?: string;
                /** @description Created at or before (inclusive) */
                createdBefore?: string;
                /** @description Customer ids or keys */
                customers?: string[];
                expand?: "lines"[];
                /** @description Only invoices in these extended statuses (a status, refined: `draft.waiting_auto_approval`) */
                extendedStatuses?: string[];
                /** @description Accepted; Tally deletes no invoice */
                includeDeleted?: boolean;
                /** @description Issued at or after (inclusive) */
                issuedAfter?: string;
                /** @description Issued at or before (inclusive) */
                issuedBefore?: string;
                order?: "ASC" | "DESC";
                /** @description Without it: issued documents by number, then those not issued yet */
                orderBy?: "customer.name" | "issuedAt" | "status" | "createdAt" | "updatedAt" | "periodStart";
                page?: number;
                pageSize?: number;
                /** @description Period starting at or after (inclusive) */
                periodStartAfter?: string;
                /** @description Period starting at or before (inclusive) */
                periodStartBefore?: string;
                /** @description Only invoices in these statuses */
                statuses?: ("gathering" | "draft" | "issuing" | "issued" | "payment_processing" | "overdue" | "paid" | "uncollectible" | "voided")[];
                /** @description Only documents of these types: invoices and corrections billing more, or corrections giving back (Tally's filter) */
                types?: ("standard" | "credit_note")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoicePage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the invoice ledger changed since */
                "If-Match"?: string;
            };
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInvoiceRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the invoice ledger changed since */
                "If-Match"?: string;
            };
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    advanceInvoiceAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the invoice ledger changed since */
                "If-Match"?: string;
            };
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    approveInvoiceAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the invoice ledger changed since */
                "If-Match"?: string;
            };
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listInvoiceLineEvents: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                invoiceId: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineLineage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    retryInvoiceAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the invoice ledger changed since */
                "If-Match"?: string;
            };
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    snapshotQuantitiesInvoiceAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the invoice ledger changed since */
                "If-Match"?: string;
            };
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recalculateInvoiceTaxAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    voidInvoiceAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the invoice ledger changed since */
                "If-Match"?: string;
            };
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidInvoiceRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invoicePendingLinesAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoicePendingLinesRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listBillingProfiles: {
        parameters: {
            query?: {
                expand?: "apps"[];
                includeArchived?: boolean;
                order?: "ASC" | "DESC";
                orderBy?: "createdAt" | "updatedAt" | "default" | "name";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BillingProfileView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createBillingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBillingProfileRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingProfileView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getBillingProfile: {
        parameters: {
            query?: {
                expand?: "apps"[];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingProfileView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateBillingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBillingProfileRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingProfileView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteBillingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSessionAnswer"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSessionAnswer"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                expand?: "subscriptions"[];
                includeDeleted?: boolean;
                /** @description Part of the key, any case */
                key?: string;
                /** @description Part of the name, any case */
                name?: string;
                order?: "ASC" | "DESC";
                orderBy?: "id" | "name" | "createdAt";
                page?: number;
                pageSize?: number;
                /** @description The plan key of the subscription running now, exactly */
                planKey?: string;
                /** @description Part of the primary email, any case */
                primaryEmail?: string;
                /** @description Part of a subject key the customer holds, any case */
                subject?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CustomerView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCustomerRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: {
                expand?: "subscriptions"[];
            };
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the customer changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCustomerRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the customer changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomerAccess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAccessView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomerEntitlementValue: {
        parameters: {
            query?: {
                /** @description Defaults to now; read at the end of its minute */
                time?: string;
            };
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                featureKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementValueView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listCustomerSubscriptions: {
        parameters: {
            query?: {
                order?: "ASC" | "DESC";
                orderBy?: "activeFrom" | "activeTo";
                page?: number;
                pageSize?: number;
                status?: ("active" | "inactive" | "canceled" | "scheduled")[];
            };
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SubscriptionView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomerHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listEntitlements: {
        parameters: {
            query?: {
                entitlementType?: ("metered" | "static" | "boolean")[];
                /** @description Only the entitlements in force now */
                excludeInactive?: boolean;
                /** @description Feature keys */
                feature?: string[];
                limit?: number;
                offset?: number;
                order?: "ASC" | "DESC";
                orderBy?: "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
                /** @description Subject keys */
                subject?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV1View"][] | components["schemas"]["EntitlementV1PageView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEntitlementById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entitlement id (ULID) */
                entitlementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV1View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Accepted; changes nothing */
                clientId?: string;
                /** @description Customer ids; repeat the parameter for several */
                customerId?: string[];
                /** @description Event time, inclusive (RFC 3339) */
                from?: string;
                /** @description Part of the CloudEvent id */
                id?: string;
                /** @description Ingestion time, inclusive (RFC 3339) */
                ingestedAtFrom?: string;
                /** @description Ingestion time, exclusive (RFC 3339) */
                ingestedAtTo?: string;
                limit?: number;
                /** @description Part of the subject */
                subject?: string;
                /** @description Event time, exclusive (RFC 3339) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestedEvent"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ingestEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/cloudevents-batch+json": ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                })[];
                "application/cloudevents+json": ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                })[];
                "application/json": ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                })[];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    voidEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidUsageRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoidUsageAnswer"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listFeatures: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                /** @description Without page/pageSize: items to return */
                limit?: number;
                /** @description Repeat the parameter for several meters */
                meterSlug?: string[];
                /** @description Without page/pageSize: items to skip */
                offset?: number;
                order?: "ASC" | "DESC";
                orderBy?: "id" | "key" | "name" | "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FeatureView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    } | components["schemas"]["FeatureView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createFeature: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFeatureRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFeature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The feature id (ULID) */
                featureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteFeature: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the feature changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The feature id (ULID) */
                featureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFeatureHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listGrants: {
        parameters: {
            query?: {
                /** @description Feature keys */
                feature?: string[];
                /** @description Voided grants, and those of deleted entitlements */
                includeDeleted?: boolean;
                limit?: number;
                offset?: number;
                order?: "ASC" | "DESC";
                orderBy?: "id" | "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
                /** @description Subject keys */
                subject?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantView"][] | components["schemas"]["GrantPageView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    voidGrant: {
        parameters: {
            query?: {
                /** @description Defaults to now; truncated to the minute */
                at?: string;
            };
            header?: never;
            path: {
                /** @description The grant id (ULID) */
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listCurrencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrencyView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMeters: {
        parameters: {
            query?: {
                includeDeleted?: boolean;
                order?: "ASC" | "DESC";
                orderBy?: "key" | "name" | "aggregation" | "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeterView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createMeter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMeterRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeterView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMeterHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMeter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The meter id (ULID) or slug */
                meterIdOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeterView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateMeter: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the meter changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The meter id (ULID) or slug */
                meterIdOrSlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeterRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeterView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteMeter: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the meter changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The meter id (ULID) or slug */
                meterIdOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMeterGroupByValues: {
        parameters: {
            query?: {
                /** @description Inclusive */
                from?: string;
                /** @description Exclusive */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A group-by name of the meter, or subject */
                groupByKey: string;
                /** @description The meter id (ULID) or slug */
                meterIdOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    queryMeter: {
        parameters: {
            query?: {
                /** @description Group-by name → filter, as JSON or deepObject brackets ([model][$in]=gpt-4) */
                advancedMeterGroupByFilters?: {
                    [key: string]: components["schemas"]["FilterString"];
                };
                /** @description Accepted; changes nothing */
                clientId?: unknown;
                filterCustomerId?: string[];
                /** @description filterGroupBy[name]=value, repeatable (deprecated: use advancedMeterGroupByFilters) */
                filterGroupBy?: Record<string, never>;
                /** @description RFC 3339, inclusive */
                from?: unknown;
                /** @description Group-by names, subject, customer_id */
                groupBy?: string[];
                subject?: string[];
                /** @description RFC 3339, exclusive */
                to?: unknown;
                windowSize?: "MINUTE" | "HOUR" | "DAY" | "MONTH";
                /** @description IANA time zone; UTC by default */
                windowTimeZone?: unknown;
            };
            header?: never;
            path: {
                meterIdOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            customerId?: string;
                            groupBy: {
                                [key: string]: string | null;
                            };
                            subject: string | null;
                            value: number;
                            windowEnd: string;
                            windowStart: string;
                        }[];
                        from?: string;
                        to?: string;
                        /** @enum {string} */
                        windowSize?: "MINUTE" | "HOUR" | "DAY" | "MONTH";
                    };
                    "text/csv": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    queryMeterPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                meterIdOrSlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeterQueryRequestDoc"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            customerId?: string;
                            groupBy: {
                                [key: string]: string | null;
                            };
                            subject: string | null;
                            value: number;
                            windowEnd: string;
                            windowStart: string;
                        }[];
                        from?: string;
                        to?: string;
                        /** @enum {string} */
                        windowSize?: "MINUTE" | "HOUR" | "DAY" | "MONTH";
                    };
                    "text/csv": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMeterSubjects: {
        parameters: {
            query?: {
                /** @description Inclusive */
                from?: string;
                /** @description Exclusive */
                to?: string;
            };
            header?: never;
            path: {
                /** @description The meter id (ULID) or slug */
                meterIdOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: {
                currency?: string[];
                id?: string[];
                includeDeleted?: boolean;
                key?: string[];
                order?: "ASC" | "DESC";
                orderBy?: "id" | "key" | "version" | "created_at" | "updated_at";
                page?: number;
                pageSize?: number;
                status?: ("draft" | "active" | "archived" | "scheduled")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PlanView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlanRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPlanHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPlan: {
        parameters: {
            query?: {
                /** @description By key: the latest version whatever its status */
                includeLatest?: boolean;
            };
            header?: never;
            path: {
                /** @description The plan version id (ULID) or the plan key */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the plan changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The plan version id (ULID) */
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlanRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deletePlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the plan changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The plan version id (ULID) */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listPlanAddons: {
        parameters: {
            query?: {
                /** @description Filter by addon.id */
                id?: string[];
                includeDeleted?: boolean;
                /** @description Filter by addon.key */
                key?: string[];
                order?: "ASC" | "DESC";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                /** @description The plan version id (ULID), or a plan key for its active version */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PlanAddonView"][];
                        page: number;
                        pageSize: number;
                        totalCount: number;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createPlanAddon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The plan version id (ULID), or a plan key for its active version */
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanAddonCreateRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanAddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPlanAddon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The add-on version id (ULID) or the add-on key */
                planAddonId: string;
                /** @description The plan version id (ULID), or a plan key for its active version */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanAddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updatePlanAddon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The add-on version id (ULID) */
                planAddonId: string;
                /** @description The plan version id (ULID) */
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanAddonTermsDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanAddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deletePlanAddon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The add-on version id (ULID) */
                planAddonId: string;
                /** @description The plan version id (ULID) */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    archivePlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the plan changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The plan version id (ULID) */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    publishPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the plan changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The plan version id (ULID) */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PublishPlanRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    nextPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A published plan version id (ULID), or a plan key for its latest published version */
                planIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    queryPortalMeter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A meter the token may read */
                meterSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            customerId?: string;
                            groupBy: {
                                [key: string]: string | null;
                            };
                            subject: string | null;
                            value: number;
                            windowEnd: string;
                            windowStart: string;
                        }[];
                        from?: string;
                        to?: string;
                        /** @enum {string} */
                        windowSize?: "MINUTE" | "HOUR" | "DAY" | "MONTH";
                    };
                    "text/csv": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listPortalTokens: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalTokenView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createPortalToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePortalTokenRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalTokenView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invalidatePortalTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvalidatePortalTokensRequest"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listSubjects: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    upsertSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectUpsertDto"][];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subject id (ULID) or key */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subject id (ULID) or key */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listSubjectEntitlements: {
        parameters: {
            query?: {
                includeDeleted?: boolean;
            };
            header?: never;
            path: {
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV1View"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntitlementCreateRequestV1"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV1View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entitlement id (ULID) */
                entitlementId: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV1View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entitlement id (ULID) */
                entitlementId: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEntitlementHistory: {
        parameters: {
            query: {
                /** @description Defaults to the start of the usage period in progress */
                from?: string;
                /** @description Defaults to now */
                to?: string;
                windowSize: "MINUTE" | "HOUR" | "DAY" | "MONTH";
                /** @description IANA time zone the windows start in */
                windowTimeZone?: string;
            };
            header?: never;
            path: {
                /** @description The entitlement id (ULID) */
                entitlementId: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowedBalanceHistoryView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resetEntitlementUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entitlement id (ULID) */
                entitlementId: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetUsageRequest"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listEntitlementGrants: {
        parameters: {
            query?: {
                /** @description Voided grants too */
                includeDeleted?: boolean;
                orderBy?: "id" | "createdAt" | "updatedAt";
            };
            header?: never;
            path: {
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantCreateRequestV1"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    overrideEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntitlementCreateRequestV1"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV1View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEntitlementValue: {
        parameters: {
            query?: {
                /** @description Defaults to now; read at the end of its minute */
                time?: string;
            };
            header?: never;
            path: {
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
                /** @description A subject key: a customer's key or one of its subject keys */
                subjectIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementValueView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriptionRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionExpandedView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getSubscriptionHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: {
                /** @description Status and periods as at this time; defaults to now */
                at?: string;
            };
            header?: never;
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionExpandedView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    editSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditSubscriptionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionExpandedView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listSubscriptionAddons: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionAddonView"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createSubscriptionAddon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriptionAddonRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionAddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getSubscriptionAddon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription add-on id (ULID) */
                subscriptionAddonId: string;
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionAddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateSubscriptionAddon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription add-on id (ULID) */
                subscriptionAddonId: string;
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSubscriptionAddonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionAddonView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    cancelSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelSubscriptionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionExpandedView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeSubscriptionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionChangeView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    migrateSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigrateSubscriptionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionChangeView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    restoreSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionExpandedView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    unscheduleCancelation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 when the subscription changed since */
                "If-Match"?: string;
            };
            path: {
                /** @description The subscription id (ULID) */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionExpandedView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        createdBy?: string;
                        id: string;
                        name: string;
                        namespace: string;
                        /** @description A portal token's scope and end. */
                        portal?: {
                            allowedMeterSlugs?: string[];
                            expiresAt: string;
                            subject: string;
                        };
                        revokedAt?: string;
                        /** @enum {string} */
                        role: "system" | "admin" | "ingest" | "read" | "portal";
                        secret: string;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listCustomerEntitlementsV2: {
        parameters: {
            query?: {
                includeDeleted?: boolean;
                order?: "ASC" | "DESC";
                orderBy?: "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV2PageView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createCustomerEntitlementV2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntitlementCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV2View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomerEntitlementV2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV2View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteCustomerEntitlementV2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listCustomerEntitlementGrantsV2: {
        parameters: {
            query?: {
                /** @description Voided grants too */
                includeDeleted?: boolean;
                limit?: number;
                offset?: number;
                order?: "ASC" | "DESC";
                orderBy?: "id" | "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantPageView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createCustomerEntitlementGrantV2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomerEntitlementHistoryV2: {
        parameters: {
            query: {
                /** @description Defaults to the start of the usage period in progress */
                from?: string;
                /** @description Defaults to now */
                to?: string;
                windowSize: "MINUTE" | "HOUR" | "DAY" | "MONTH";
                /** @description IANA time zone the windows start in */
                windowTimeZone?: string;
            };
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowedBalanceHistoryView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    overrideCustomerEntitlementV2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntitlementCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV2View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resetCustomerEntitlementUsageV2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetUsageRequest"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomerEntitlementValueV2: {
        parameters: {
            query?: {
                /** @description Defaults to now; read at the end of its minute */
                time?: string;
            };
            header?: never;
            path: {
                /** @description The customer id (ULID) or key */
                customerIdOrKey: string;
                /** @description The entitlement id (ULID) or its feature key */
                entitlementIdOrFeatureKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementValueV2View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listEntitlementsV2: {
        parameters: {
            query?: {
                customerIds?: string[];
                customerKeys?: string[];
                entitlementType?: ("metered" | "static" | "boolean")[];
                /** @description Only the entitlements in force now */
                excludeInactive?: boolean;
                /** @description Feature keys */
                feature?: string[];
                limit?: number;
                offset?: number;
                order?: "ASC" | "DESC";
                orderBy?: "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV2PageView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEntitlementByIdV2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entitlement id (ULID) */
                entitlementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementV2View"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listEventsV2: {
        parameters: {
            query?: {
                /** @description Accepted; changes nothing */
                clientId?: unknown;
                /** @description The previous page's nextCursor */
                cursor?: unknown;
                /** @description JSON (or deepObject brackets): id, source, subject, type (FilterString); customerId ({ $in }); time, ingestedAt (FilterTime) */
                filter?: unknown;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestedEventsPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listGrantsV2: {
        parameters: {
            query?: {
                /** @description Customer ids or keys */
                customer?: string[];
                /** @description Feature keys */
                feature?: string[];
                /** @description Voided grants, and those of deleted entitlements */
                includeDeleted?: boolean;
                limit?: number;
                offset?: number;
                order?: "ASC" | "DESC";
                orderBy?: "id" | "createdAt" | "updatedAt";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantPageView"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                reason?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        projections: {
                            name?: string;
                            state?: string;
                        }[];
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not ready: the checks say which part */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                reason?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        projections: {
                            name?: string;
                            state?: string;
                        }[];
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
        };
    };
    ingestMeteringEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/cloudevents-batch+json": ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                })[];
                "application/cloudevents+json": ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                })[];
                "application/json": ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    data?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON media type such as application/json */
                    datacontenttype?: string | null;
                    dataschema?: string | null;
                    /** @description With `source`, the identity of the event: a second send is a duplicate */
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    /** @description A subject key of the customer whose usage it is */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339; the time of ingestion when absent
                     */
                    time?: string;
                    /** @description The meters whose eventType it is count it */
                    type: string;
                } & {
                    [key: string]: unknown;
                })[];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
