// Generated from Tally's own OpenAPI document (/docs-json) by openapi-typescript: do not edit.
// `npm run console:schema` writes it again; `npm test` fails while it differs from the document.

export interface paths {
    "/api/v1/admin/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProjectionsController_list"];
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
        post: operations["ProjectionsController_rebuild"];
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
         * Usage reconciliation: events accepted, stored, deduplicated, metered, attributed, billed
         * @description For the token's namespace and the events whose time lies in [from, to): totals, one entry per UTC day, and billed events per subscription billing period. accepted = stored + deduplicated always; accepted and deduplicated are null on EventStoreDB, which cannot count them atomically.
         */
        get: operations["ReconciliationController_reconcile"];
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
        get: operations["AuditLogController_read"];
        put?: never;
        post?: never;
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
        get: operations["InvoicesController_preview"];
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
        get: operations["InvoicesController_list"];
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
        get: operations["InvoicesController_get"];
        put?: never;
        post?: never;
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
        get: operations["InvoicesController_lineEvents"];
        put?: never;
        post?: never;
        delete?: never;
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
        get: operations["SessionsController_current"];
        put?: never;
        post?: never;
        delete: operations["SessionsController_signOut"];
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
        post: operations["SessionsController_signIn"];
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
        get: operations["CustomersController_list"];
        put?: never;
        post: operations["CreateCustomerController_create"];
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
        get: operations["CustomersController_get"];
        put: operations["UpdateCustomerController_update"];
        post?: never;
        delete: operations["DeleteCustomerController_delete"];
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
        get: operations["EntitlementValueController_value"];
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
        get: operations["SubscriptionsController_ofCustomer"];
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
        get: operations["AuditLogController_customer"];
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
        get: operations["ListEventsController_list"];
        put?: never;
        /** Ingest one CloudEvent or a batch; a batch is all-or-nothing */
        post: operations["IngestEventsController_ingest"];
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
        get: operations["FeaturesController_list"];
        put?: never;
        post: operations["CreateFeatureController_create"];
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
        get: operations["FeaturesController_get"];
        put?: never;
        post?: never;
        delete: operations["ArchiveFeatureController_archive"];
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
        get: operations["AuditLogController_feature"];
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
        get: operations["MetersController_list"];
        put?: never;
        post: operations["CreateMeterController_create"];
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
        get: operations["AuditLogController_meter"];
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
        get: operations["MetersController_get"];
        put: operations["UpdateMeterController_update"];
        post?: never;
        delete: operations["DeleteMeterController_delete"];
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
        get: operations["QueryMeterController_query"];
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
        get: operations["PlansController_list"];
        put?: never;
        post: operations["CreatePlanController_create"];
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
        get: operations["AuditLogController_plan"];
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
        get: operations["PlansController_get"];
        put: operations["UpdatePlanController_update"];
        post?: never;
        delete: operations["DeletePlanController_delete"];
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
        post: operations["ArchivePlanController_archive"];
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
        post: operations["PublishPlanController_publish"];
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
        post: operations["NextPlanController_next"];
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
        post: operations["CreateSubscriptionController_create"];
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
        get: operations["AuditLogController_subscription"];
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
        get: operations["SubscriptionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        post: operations["CancelSubscriptionController_cancel"];
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
        get: operations["TokensController_list"];
        put?: never;
        post: operations["TokensController_create"];
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
        delete: operations["TokensController_revoke"];
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
        get: operations["HealthController_health"];
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
        get: operations["HealthController_ready"];
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
        post: operations["IngestEventsController_ingestKonnect"];
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
        CancelSubscriptionRequest: {
            /**
             * @default immediate
             * @enum {string}
             */
            timing: "immediate" | "next_billing_cycle";
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
        CreatePlanRequest: {
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
        };
        CreateSubscriptionRequest: {
            /**
             * Format: date-time
             * @description Periods are billingAnchor + n × billingCadence; defaults to the start
             */
            billingAnchor?: string;
            /** @description The customer id; takes precedence over customerKey */
            customerId?: string;
            /** @example acme-inc */
            customerKey?: string;
            description?: string;
            metadata?: {
                [key: string]: string;
            };
            /** @description Defaults to the plan name */
            name?: string;
            plan: components["schemas"]["PlanReferenceInputDto"];
            /**
             * @description "immediate" (now, to the second) or an RFC 3339 date-time at most two minutes in the past
             * @default immediate
             */
            timing: string;
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
        PlanPhaseDto: {
            description?: string;
            /**
             * @description ISO-8601 duration; null on the last phase
             * @example null
             */
            duration: Record<string, never> | null;
            /** @example active_users */
            key: string;
            metadata?: {
                [key: string]: string;
            } | null;
            name: string;
            /** @description flat_fee or usage_based rate cards */
            rateCards: Record<string, never>[];
        };
        PlanReferenceInputDto: {
            /** @example per_seat */
            key: string;
            /** @description Defaults to the key’s active version */
            version?: number;
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
            /** @description Billed events in the period and the range (each once, however many rate cards) */
            billed: number;
            customerId: string;
            /**
             * Format: date-time
             * @description The whole billing period; only its part in the range counts
             */
            from: string;
            subscriptionId: string;
            /** Format: date-time */
            to: string;
        };
        ReconciliationCountsDto: {
            /** @description Events of acknowledged ingestion requests, repeats included; null on EventStoreDB */
            accepted: number | null;
            /** @description Stored events whose subject is a customer's key or subject key */
            attributed: number;
            /** @description Attributed events a subscription active at their time bills through its phase's usage-based rate cards */
            billed: number;
            /** @description accepted − stored; null on EventStoreDB */
            deduplicated: number | null;
            /** @description Stored events a live meter reads (its event type, at or after its eventFrom) */
            metered: number;
            /** @description Accepted events written to the log (the first of each source and id) */
            stored: number;
        };
        ReconciliationDayDto: {
            /** @description Events of acknowledged ingestion requests, repeats included; null on EventStoreDB */
            accepted: number | null;
            /** @description Stored events whose subject is a customer's key or subject key */
            attributed: number;
            /** @description Attributed events a subscription active at their time bills through its phase's usage-based rate cards */
            billed: number;
            /** @description accepted − stored; null on EventStoreDB */
            deduplicated: number | null;
            /**
             * Format: date-time
             * @description Start of the UTC day, clipped to the range
             */
            from: string;
            /** @description Stored events a live meter reads (its event type, at or after its eventFrom) */
            metered: number;
            /** @description Accepted events written to the log (the first of each source and id) */
            stored: number;
            /**
             * Format: date-time
             * @description End of the UTC day, clipped to the range
             */
            to: string;
        };
        SignInRequest: {
            /** @description An API token of the `read`, `admin` or `system` role */
            token: string;
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ProjectionsController_list: {
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
                content?: never;
            };
        };
    };
    ProjectionsController_rebuild: {
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
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReconciliationController_reconcile: {
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
        };
    };
    AuditLogController_read: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvoicesController_preview: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvoicesController_list: {
        parameters: {
            query?: {
                /** @description Customer ids or keys */
                customers?: string[];
                expand?: "lines"[];
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
                content?: never;
            };
        };
    };
    InvoicesController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvoicesController_lineEvents: {
        parameters: {
            query?: {
                limit?: number;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SessionsController_current: {
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
                content?: never;
            };
        };
    };
    SessionsController_signOut: {
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
        };
    };
    SessionsController_signIn: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CustomersController_list: {
        parameters: {
            query?: {
                expand?: "subscriptions"[];
                includeDeleted?: boolean;
                /** @description The customer key, exactly */
                key?: string;
                /** @description Part of the name, any case */
                name?: string;
                order?: "ASC" | "DESC";
                orderBy?: "id" | "name" | "createdAt";
                page?: number;
                pageSize?: number;
                /** @description Part of the primary email, any case */
                primaryEmail?: string;
                /** @description A key or subject key the customer holds, exactly */
                subject?: string;
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
                content?: never;
            };
        };
    };
    CreateCustomerController_create: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CustomersController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UpdateCustomerController_update: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeleteCustomerController_delete: {
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
        };
    };
    EntitlementValueController_value: {
        parameters: {
            query?: {
                /** @description Defaults to now */
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
                content?: never;
            };
        };
    };
    SubscriptionsController_ofCustomer: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditLogController_customer: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListEventsController_list: {
        parameters: {
            query?: {
                /** @description Event time, inclusive (RFC 3339) */
                from?: string;
                /** @description The CloudEvent id */
                id?: string;
                limit?: number;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IngestEventsController_ingest: {
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
        };
    };
    FeaturesController_list: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreateFeatureController_create: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FeaturesController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArchiveFeatureController_archive: {
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
        };
    };
    AuditLogController_feature: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetersController_list: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreateMeterController_create: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditLogController_meter: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetersController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UpdateMeterController_update: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeleteMeterController_delete: {
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
        };
    };
    QueryMeterController_query: {
        parameters: {
            query?: {
                filterCustomerId?: string[];
                /** @description filterGroupBy[name]=value, repeatable */
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlansController_list: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreatePlanController_create: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditLogController_plan: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlansController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UpdatePlanController_update: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeletePlanController_delete: {
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
        };
    };
    ArchivePlanController_archive: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublishPlanController_publish: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NextPlanController_next: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreateSubscriptionController_create: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditLogController_subscription: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SubscriptionsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CancelSubscriptionController_cancel: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TokensController_list: {
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
                content?: never;
            };
        };
    };
    TokensController_create: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TokensController_revoke: {
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
        };
    };
    HealthController_health: {
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
                content?: never;
            };
        };
    };
    HealthController_ready: {
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
                content?: never;
            };
        };
    };
    IngestEventsController_ingestKonnect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
