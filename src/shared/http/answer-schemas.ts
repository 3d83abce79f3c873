// Generated from the types the controllers return (test/support/answer-schemas.ts): do not edit.
// `npm run api:schema` writes it again; `npm test` fails while it differs from the code.
import type { AnswerSchemas } from './openapi';

export const ANSWER_SCHEMAS: AnswerSchemas = {
  routes: {
    'delete /api/v1/addons/{addonId}': null,
    'delete /api/v1/billing/customers/{customerId}': null,
    'delete /api/v1/billing/invoices/{invoiceId}': null,
    'delete /api/v1/billing/profiles/{id}': null,
    'delete /api/v1/console/session': null,
    'delete /api/v1/customers/{customerIdOrKey}': null,
    'delete /api/v1/features/{featureId}': null,
    'delete /api/v1/grants/{grantId}': null,
    'delete /api/v1/meters/{meterIdOrSlug}': null,
    'delete /api/v1/plans/{planId}': null,
    'delete /api/v1/plans/{planId}/addons/{planAddonId}': null,
    'delete /api/v1/subjects/{subjectIdOrKey}': null,
    'delete /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}': null,
    'delete /api/v1/subscriptions/{subscriptionId}': null,
    'delete /api/v1/tokens/{tokenId}': null,
    'delete /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}': null,
    'get /api/v1/addons': {
      'application/json': {
        type: 'object',
        properties: {
          totalCount: {
            type: 'number',
          },
          page: {
            type: 'number',
          },
          pageSize: {
            type: 'number',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AddonView',
            },
          },
        },
        required: ['totalCount', 'page', 'pageSize', 'items'],
      },
    },
    'get /api/v1/addons/{addonId}': {
      'application/json': {
        $ref: '#/components/schemas/AddonView',
      },
    },
    'get /api/v1/admin/projections': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/ProjectionStatus',
        },
      },
    },
    'get /api/v1/admin/reconciliation': {
      'application/json': {
        $ref: '#/components/schemas/ReconciliationAnswerDto',
      },
    },
    'get /api/v1/audit/events': {
      'application/json': {
        $ref: '#/components/schemas/AuditPage',
      },
    },
    'get /api/v1/billing/customers': {
      'application/json': {
        type: 'object',
        properties: {
          totalCount: {
            type: 'number',
          },
          page: {
            type: 'number',
          },
          pageSize: {
            type: 'number',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CustomerOverrideView',
            },
          },
        },
        required: ['totalCount', 'page', 'pageSize', 'items'],
      },
    },
    'get /api/v1/billing/customers/{customerIdOrKey}/invoices/preview': {
      'application/json': {
        oneOf: [
          {
            $ref: '#/components/schemas/Invoice',
          },
          {
            $ref: '#/components/schemas/EmptyInvoice',
          },
        ],
      },
    },
    'get /api/v1/billing/customers/{customerId}': {
      'application/json': {
        $ref: '#/components/schemas/CustomerOverrideView',
      },
    },
    'get /api/v1/billing/invoices': {
      'application/json': {
        $ref: '#/components/schemas/InvoicePage',
      },
    },
    'get /api/v1/billing/invoices/{invoiceId}': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'get /api/v1/billing/invoices/{invoiceId}/lines/{lineId}/events': {
      'application/json': {
        $ref: '#/components/schemas/LineLineage',
      },
    },
    'get /api/v1/billing/profiles': {
      'application/json': {
        type: 'object',
        properties: {
          totalCount: {
            type: 'number',
          },
          page: {
            type: 'number',
          },
          pageSize: {
            type: 'number',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/BillingProfileView',
            },
          },
        },
        required: ['totalCount', 'page', 'pageSize', 'items'],
      },
    },
    'get /api/v1/billing/profiles/{id}': {
      'application/json': {
        $ref: '#/components/schemas/BillingProfileView',
      },
    },
    'get /api/v1/console/session': {
      'application/json': {
        $ref: '#/components/schemas/ConsoleSessionAnswer',
      },
    },
    'get /api/v1/customers': {
      'application/json': {
        type: 'object',
        properties: {
          totalCount: {
            type: 'number',
          },
          page: {
            type: 'number',
          },
          pageSize: {
            type: 'number',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CustomerView',
            },
          },
        },
        required: ['totalCount', 'page', 'pageSize', 'items'],
      },
    },
    'get /api/v1/customers/{customerIdOrKey}': {
      'application/json': {
        $ref: '#/components/schemas/CustomerView',
      },
    },
    'get /api/v1/customers/{customerIdOrKey}/access': {
      'application/json': {
        $ref: '#/components/schemas/CustomerAccessView',
      },
    },
    'get /api/v1/customers/{customerIdOrKey}/entitlements/{featureKey}/value': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementValueView',
      },
    },
    'get /api/v1/customers/{customerIdOrKey}/subscriptions': {
      'application/json': {
        type: 'object',
        properties: {
          totalCount: {
            type: 'number',
          },
          page: {
            type: 'number',
          },
          pageSize: {
            type: 'number',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SubscriptionView',
            },
          },
        },
        required: ['totalCount', 'page', 'pageSize', 'items'],
      },
    },
    'get /api/v1/customers/{idOrKey}/history': {
      'application/json': {
        $ref: '#/components/schemas/AuditPage',
      },
    },
    'get /api/v1/entitlements': {
      'application/json': {
        oneOf: [
          {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntitlementV1View',
            },
          },
          {
            $ref: '#/components/schemas/EntitlementV1PageView',
          },
        ],
      },
    },
    'get /api/v1/entitlements/{entitlementId}': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV1View',
      },
    },
    'get /api/v1/events': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/IngestedEvent',
        },
      },
    },
    'get /api/v1/features': {
      'application/json': {
        oneOf: [
          {
            type: 'object',
            properties: {
              totalCount: {
                type: 'number',
              },
              page: {
                type: 'number',
              },
              pageSize: {
                type: 'number',
              },
              items: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/FeatureView',
                },
              },
            },
            required: ['totalCount', 'page', 'pageSize', 'items'],
          },
          {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FeatureView',
            },
          },
        ],
      },
    },
    'get /api/v1/features/{featureId}': {
      'application/json': {
        $ref: '#/components/schemas/FeatureView',
      },
    },
    'get /api/v1/features/{idOrKey}/history': {
      'application/json': {
        $ref: '#/components/schemas/AuditPage',
      },
    },
    'get /api/v1/grants': {
      'application/json': {
        oneOf: [
          {
            $ref: '#/components/schemas/GrantPageView',
          },
          {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GrantView',
            },
          },
        ],
      },
    },
    'get /api/v1/info/currencies': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/CurrencyView',
        },
      },
    },
    'get /api/v1/meters': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/MeterView',
        },
      },
    },
    'get /api/v1/meters/{idOrKey}/history': {
      'application/json': {
        $ref: '#/components/schemas/AuditPage',
      },
    },
    'get /api/v1/meters/{meterIdOrSlug}': {
      'application/json': {
        $ref: '#/components/schemas/MeterView',
      },
    },
    'get /api/v1/meters/{meterIdOrSlug}/group-by/{groupByKey}/values': {
      'application/json': {
        type: 'array',
        items: {
          type: 'string',
        },
      },
    },
    'get /api/v1/meters/{meterIdOrSlug}/query': {
      'application/json': {
        type: 'object',
        properties: {
          data: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                groupBy: {
                  type: 'object',
                  properties: {},
                  additionalProperties: {
                    type: 'string',
                    nullable: true,
                  },
                },
                customerId: {
                  type: 'string',
                },
                value: {
                  type: 'number',
                },
                windowStart: {
                  type: 'string',
                },
                windowEnd: {
                  type: 'string',
                },
                subject: {
                  type: 'string',
                  nullable: true,
                },
              },
              required: ['groupBy', 'value', 'windowStart', 'windowEnd', 'subject'],
            },
          },
          windowSize: {
            type: 'string',
            enum: ['MINUTE', 'HOUR', 'DAY', 'MONTH'],
          },
          to: {
            type: 'string',
          },
          from: {
            type: 'string',
          },
        },
        required: ['data'],
      },
      'text/csv': {
        type: 'string',
      },
    },
    'get /api/v1/meters/{meterIdOrSlug}/subjects': {
      'application/json': {
        type: 'array',
        items: {
          type: 'string',
        },
      },
    },
    'get /api/v1/plans': {
      'application/json': {
        type: 'object',
        properties: {
          totalCount: {
            type: 'number',
          },
          page: {
            type: 'number',
          },
          pageSize: {
            type: 'number',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PlanView',
            },
          },
        },
        required: ['totalCount', 'page', 'pageSize', 'items'],
      },
    },
    'get /api/v1/plans/{idOrKey}/history': {
      'application/json': {
        $ref: '#/components/schemas/AuditPage',
      },
    },
    'get /api/v1/plans/{planId}': {
      'application/json': {
        $ref: '#/components/schemas/PlanView',
      },
    },
    'get /api/v1/plans/{planId}/addons': {
      'application/json': {
        type: 'object',
        properties: {
          totalCount: {
            type: 'number',
          },
          page: {
            type: 'number',
          },
          pageSize: {
            type: 'number',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PlanAddonView',
            },
          },
        },
        required: ['totalCount', 'page', 'pageSize', 'items'],
      },
    },
    'get /api/v1/plans/{planId}/addons/{planAddonId}': {
      'application/json': {
        $ref: '#/components/schemas/PlanAddonView',
      },
    },
    'get /api/v1/portal/meters/{meterSlug}/query': {
      'application/json': {
        type: 'object',
        properties: {
          data: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                groupBy: {
                  type: 'object',
                  properties: {},
                  additionalProperties: {
                    type: 'string',
                    nullable: true,
                  },
                },
                customerId: {
                  type: 'string',
                },
                value: {
                  type: 'number',
                },
                windowStart: {
                  type: 'string',
                },
                windowEnd: {
                  type: 'string',
                },
                subject: {
                  type: 'string',
                  nullable: true,
                },
              },
              required: ['groupBy', 'value', 'windowStart', 'windowEnd', 'subject'],
            },
          },
          windowSize: {
            type: 'string',
            enum: ['MINUTE', 'HOUR', 'DAY', 'MONTH'],
          },
          to: {
            type: 'string',
          },
          from: {
            type: 'string',
          },
        },
        required: ['data'],
      },
      'text/csv': {
        type: 'string',
      },
    },
    'get /api/v1/portal/tokens': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/PortalTokenView',
        },
      },
    },
    'get /api/v1/subjects': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/SubjectView',
        },
      },
    },
    'get /api/v1/subjects/{subjectIdOrKey}': {
      'application/json': {
        $ref: '#/components/schemas/SubjectView',
      },
    },
    'get /api/v1/subjects/{subjectIdOrKey}/entitlements': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/EntitlementV1View',
        },
      },
    },
    'get /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/GrantView',
        },
      },
    },
    'get /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementValueView',
      },
    },
    'get /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV1View',
      },
    },
    'get /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}/history': {
      'application/json': {
        $ref: '#/components/schemas/WindowedBalanceHistoryView',
      },
    },
    'get /api/v1/subscriptions/{idOrKey}/history': {
      'application/json': {
        $ref: '#/components/schemas/AuditPage',
      },
    },
    'get /api/v1/subscriptions/{subscriptionId}': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionExpandedView',
      },
    },
    'get /api/v1/subscriptions/{subscriptionId}/addons': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/SubscriptionAddonView',
        },
      },
    },
    'get /api/v1/subscriptions/{subscriptionId}/addons/{subscriptionAddonId}': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionAddonView',
      },
    },
    'get /api/v1/tokens': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/ApiToken',
        },
      },
    },
    'get /api/v2/customers/{customerIdOrKey}/entitlements': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV2PageView',
      },
    },
    'get /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV2View',
      },
    },
    'get /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants': {
      'application/json': {
        $ref: '#/components/schemas/GrantPageView',
      },
    },
    'get /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/history': {
      'application/json': {
        $ref: '#/components/schemas/WindowedBalanceHistoryView',
      },
    },
    'get /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementValueV2View',
      },
    },
    'get /api/v2/entitlements': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV2PageView',
      },
    },
    'get /api/v2/entitlements/{entitlementId}': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV2View',
      },
    },
    'get /api/v2/events': {
      'application/json': {
        $ref: '#/components/schemas/IngestedEventsPage',
      },
    },
    'get /api/v2/grants': {
      'application/json': {
        $ref: '#/components/schemas/GrantPageView',
      },
    },
    'get /healthz': {
      'application/json': {
        type: 'object',
        properties: {
          status: {
            type: 'string',
          },
        },
        required: ['status'],
      },
    },
    'get /readyz': null,
    'patch /api/v1/subscriptions/{subscriptionId}': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionExpandedView',
      },
    },
    'patch /api/v1/subscriptions/{subscriptionId}/addons/{subscriptionAddonId}': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionAddonView',
      },
    },
    'post /api/v1/addons': {
      'application/json': {
        $ref: '#/components/schemas/AddonView',
      },
    },
    'post /api/v1/addons/{addonId}/archive': {
      'application/json': {
        $ref: '#/components/schemas/AddonView',
      },
    },
    'post /api/v1/addons/{addonId}/publish': {
      'application/json': {
        $ref: '#/components/schemas/AddonView',
      },
    },
    'post /api/v1/admin/projections/{name}/rebuild': {
      'application/json': {
        $ref: '#/components/schemas/ProjectionStatus',
      },
    },
    'post /api/v1/billing/customers/{customerId}/invoices/pending-lines': {
      'application/json': {
        $ref: '#/components/schemas/PendingLinesCreated',
      },
    },
    'post /api/v1/billing/customers/{customerId}/invoices/simulate': {
      'application/json': {
        $ref: '#/components/schemas/SimulatedInvoice',
      },
    },
    'post /api/v1/billing/invoices/invoice': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/Invoice',
        },
      },
    },
    'post /api/v1/billing/invoices/{invoiceId}/advance': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'post /api/v1/billing/invoices/{invoiceId}/approve': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'post /api/v1/billing/invoices/{invoiceId}/retry': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'post /api/v1/billing/invoices/{invoiceId}/snapshot-quantities': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'post /api/v1/billing/invoices/{invoiceId}/taxes/recalculate': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'post /api/v1/billing/invoices/{invoiceId}/void': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'post /api/v1/billing/profiles': {
      'application/json': {
        $ref: '#/components/schemas/BillingProfileView',
      },
    },
    'post /api/v1/console/sessions': {
      'application/json': {
        $ref: '#/components/schemas/ConsoleSessionAnswer',
      },
    },
    'post /api/v1/customers': {
      'application/json': {
        $ref: '#/components/schemas/CustomerView',
      },
    },
    'post /api/v1/events': null,
    'post /api/v1/events/void': {
      'application/json': {
        $ref: '#/components/schemas/VoidUsageAnswer',
      },
    },
    'post /api/v1/features': {
      'application/json': {
        $ref: '#/components/schemas/FeatureView',
      },
    },
    'post /api/v1/meters': {
      'application/json': {
        $ref: '#/components/schemas/MeterView',
      },
    },
    'post /api/v1/meters/{meterIdOrSlug}/query': {
      'application/json': {
        type: 'object',
        properties: {
          data: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                groupBy: {
                  type: 'object',
                  properties: {},
                  additionalProperties: {
                    type: 'string',
                    nullable: true,
                  },
                },
                customerId: {
                  type: 'string',
                },
                value: {
                  type: 'number',
                },
                windowStart: {
                  type: 'string',
                },
                windowEnd: {
                  type: 'string',
                },
                subject: {
                  type: 'string',
                  nullable: true,
                },
              },
              required: ['groupBy', 'value', 'windowStart', 'windowEnd', 'subject'],
            },
          },
          windowSize: {
            type: 'string',
            enum: ['MINUTE', 'HOUR', 'DAY', 'MONTH'],
          },
          to: {
            type: 'string',
          },
          from: {
            type: 'string',
          },
        },
        required: ['data'],
      },
      'text/csv': {
        type: 'string',
      },
    },
    'post /api/v1/plans': {
      'application/json': {
        $ref: '#/components/schemas/PlanView',
      },
    },
    'post /api/v1/plans/{planIdOrKey}/next': {
      'application/json': {
        $ref: '#/components/schemas/PlanView',
      },
    },
    'post /api/v1/plans/{planId}/addons': {
      'application/json': {
        $ref: '#/components/schemas/PlanAddonView',
      },
    },
    'post /api/v1/plans/{planId}/archive': {
      'application/json': {
        $ref: '#/components/schemas/PlanView',
      },
    },
    'post /api/v1/plans/{planId}/publish': {
      'application/json': {
        $ref: '#/components/schemas/PlanView',
      },
    },
    'post /api/v1/portal/tokens': {
      'application/json': {
        $ref: '#/components/schemas/PortalTokenView',
      },
    },
    'post /api/v1/portal/tokens/invalidate': null,
    'post /api/v1/subjects': {
      'application/json': {
        type: 'array',
        items: {
          $ref: '#/components/schemas/SubjectView',
        },
      },
    },
    'post /api/v1/subjects/{subjectIdOrKey}/entitlements': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV1View',
      },
    },
    'post /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants': {
      'application/json': {
        $ref: '#/components/schemas/GrantView',
      },
    },
    'post /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}/reset': null,
    'post /api/v1/subscriptions': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionExpandedView',
      },
    },
    'post /api/v1/subscriptions/{subscriptionId}/addons': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionAddonView',
      },
    },
    'post /api/v1/subscriptions/{subscriptionId}/cancel': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionExpandedView',
      },
    },
    'post /api/v1/subscriptions/{subscriptionId}/change': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionChangeView',
      },
    },
    'post /api/v1/subscriptions/{subscriptionId}/migrate': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionChangeView',
      },
    },
    'post /api/v1/subscriptions/{subscriptionId}/restore': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionExpandedView',
      },
    },
    'post /api/v1/subscriptions/{subscriptionId}/unschedule-cancelation': {
      'application/json': {
        $ref: '#/components/schemas/SubscriptionExpandedView',
      },
    },
    'post /api/v1/tokens': {
      'application/json': {
        type: 'object',
        properties: {
          secret: {
            type: 'string',
          },
          id: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          role: {
            type: 'string',
            enum: ['system', 'admin', 'ingest', 'read', 'portal'],
          },
          createdAt: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          revokedAt: {
            type: 'string',
          },
          portal: {
            type: 'object',
            properties: {
              subject: {
                type: 'string',
              },
              allowedMeterSlugs: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              expiresAt: {
                type: 'string',
              },
            },
            required: ['subject', 'expiresAt'],
            description: "A portal token's scope and end.",
          },
        },
        required: ['secret', 'id', 'namespace', 'name', 'role', 'createdAt'],
      },
    },
    'post /api/v2/customers/{customerIdOrKey}/entitlements': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV2View',
      },
    },
    'post /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants': {
      'application/json': {
        $ref: '#/components/schemas/GrantView',
      },
    },
    'post /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/reset': null,
    'post /v3/openmeter/events': null,
    'put /api/v1/addons/{addonId}': {
      'application/json': {
        $ref: '#/components/schemas/AddonView',
      },
    },
    'put /api/v1/billing/customers/{customerId}': {
      'application/json': {
        $ref: '#/components/schemas/CustomerOverrideView',
      },
    },
    'put /api/v1/billing/invoices/{invoiceId}': {
      'application/json': {
        $ref: '#/components/schemas/Invoice',
      },
    },
    'put /api/v1/billing/profiles/{id}': {
      'application/json': {
        $ref: '#/components/schemas/BillingProfileView',
      },
    },
    'put /api/v1/customers/{customerIdOrKey}': {
      'application/json': {
        $ref: '#/components/schemas/CustomerView',
      },
    },
    'put /api/v1/meters/{meterIdOrSlug}': {
      'application/json': {
        $ref: '#/components/schemas/MeterView',
      },
    },
    'put /api/v1/plans/{planId}': {
      'application/json': {
        $ref: '#/components/schemas/PlanView',
      },
    },
    'put /api/v1/plans/{planId}/addons/{planAddonId}': {
      'application/json': {
        $ref: '#/components/schemas/PlanAddonView',
      },
    },
    'put /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/override': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV1View',
      },
    },
    'put /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/override': {
      'application/json': {
        $ref: '#/components/schemas/EntitlementV2View',
      },
    },
  },
  components: {
    AddonSegment: {
      type: 'object',
      properties: {
        activeFrom: {
          type: 'string',
        },
        activeTo: {
          type: 'string',
        },
        quantity: {
          type: 'number',
        },
      },
      required: ['activeFrom', 'quantity'],
    },
    AddonView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        key: {
          type: 'string',
        },
        version: {
          type: 'number',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        instanceType: {
          type: 'string',
          enum: ['single', 'multiple'],
        },
        currency: {
          type: 'string',
        },
        rateCards: {
          type: 'array',
          items: {
            oneOf: [
              {
                $ref: '#/components/schemas/FlatFeeRateCard',
              },
              {
                $ref: '#/components/schemas/UsageBasedRateCard',
              },
            ],
          },
        },
        status: {
          type: 'string',
          enum: ['draft', 'active', 'archived'],
        },
        effectiveFrom: {
          type: 'string',
        },
        effectiveTo: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
        validationErrors: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/OpenMeterValidationError',
          },
          nullable: true,
          description:
            'Null: what depends on features is checked when it is published (400 with every problem).',
        },
      },
      required: [
        'id',
        'key',
        'version',
        'name',
        'metadata',
        'instanceType',
        'currency',
        'rateCards',
        'status',
        'createdAt',
        'updatedAt',
        'validationErrors',
      ],
    },
    Address: {
      type: 'object',
      properties: {
        country: {
          type: 'string',
        },
        postalCode: {
          type: 'string',
        },
        state: {
          type: 'string',
        },
        city: {
          type: 'string',
        },
        line1: {
          type: 'string',
        },
        line2: {
          type: 'string',
        },
        phoneNumber: {
          type: 'string',
        },
      },
    },
    Alignment: {
      type: 'object',
      properties: {
        billablesMustAlign: {
          type: 'boolean',
        },
      },
    },
    ApiToken: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        namespace: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        role: {
          type: 'string',
          enum: ['system', 'admin', 'ingest', 'read', 'portal'],
        },
        createdAt: {
          type: 'string',
        },
        createdBy: {
          type: 'string',
        },
        revokedAt: {
          type: 'string',
        },
        portal: {
          type: 'object',
          properties: {
            subject: {
              type: 'string',
            },
            allowedMeterSlugs: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
            expiresAt: {
              type: 'string',
            },
          },
          required: ['subject', 'expiresAt'],
          description: "A portal token's scope and end.",
        },
      },
      required: ['id', 'namespace', 'name', 'role', 'createdAt'],
    },
    AuditEntry: {
      type: 'object',
      properties: {
        position: {
          type: 'string',
        },
        streamId: {
          type: 'string',
        },
        streamVersion: {
          type: 'number',
        },
        entityType: {
          type: 'string',
        },
        entityId: {
          type: 'string',
        },
        type: {
          type: 'string',
        },
        data: {},
        metadata: {
          type: 'object',
          properties: {
            actor: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
              },
              required: ['id', 'name'],
            },
            correlationId: {
              type: 'string',
            },
            causationId: {
              type: 'string',
            },
          },
        },
        recordedAt: {
          type: 'string',
        },
      },
      required: [
        'position',
        'streamId',
        'streamVersion',
        'entityType',
        'entityId',
        'type',
        'data',
        'metadata',
        'recordedAt',
      ],
    },
    AuditPage: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/AuditEntry',
          },
        },
        nextAfterPosition: {
          type: 'string',
          description: 'Pass as `afterPosition` for the next page; absent on the last page.',
        },
      },
      required: ['items'],
    },
    BalanceHistoryWindowView: {
      type: 'object',
      properties: {
        period: {
          $ref: '#/components/schemas/PeriodView',
        },
        usage: {
          type: 'number',
        },
        balanceAtStart: {
          type: 'number',
        },
      },
      required: ['period', 'usage', 'balanceAtStart'],
    },
    BillingProfileView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
        supplier: {
          type: 'object',
          properties: {},
          additionalProperties: {},
        },
        workflow: {
          $ref: '#/components/schemas/Workflow',
        },
        apps: {
          type: 'object',
          properties: {
            tax: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
            invoicing: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
            payment: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
          },
          required: ['tax', 'invoicing', 'payment'],
        },
        default: {
          type: 'boolean',
        },
      },
      required: ['id', 'name', 'createdAt', 'updatedAt', 'supplier', 'workflow', 'apps', 'default'],
    },
    BooleanEntitlementTemplate: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['boolean'],
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
      },
      required: ['type'],
    },
    ConsoleSessionAnswer: {
      type: 'object',
      properties: {
        namespace: {
          type: 'string',
        },
        role: {
          type: 'string',
          enum: ['system', 'admin', 'ingest', 'read', 'portal'],
        },
        tokenId: {
          type: 'string',
        },
        tokenName: {
          type: 'string',
        },
        csrfToken: {
          type: 'string',
        },
        expiresAt: {
          type: 'string',
        },
      },
      required: ['namespace', 'role', 'tokenId', 'tokenName'],
    },
    CorrectionRef: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['standard', 'credit_note'],
        },
        total: {
          type: 'string',
        },
        id: {
          type: 'string',
        },
        number: {
          type: 'string',
        },
      },
      required: ['type', 'total', 'id', 'number'],
    },
    CurrencyView: {
      type: 'object',
      properties: {
        code: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        symbol: {
          type: 'string',
        },
        subunits: {
          type: 'number',
        },
      },
      required: ['code', 'name', 'symbol', 'subunits'],
    },
    CustomerAccessView: {
      type: 'object',
      properties: {
        entitlements: {
          type: 'object',
          properties: {},
          additionalProperties: {
            $ref: '#/components/schemas/EntitlementValueView',
          },
        },
      },
      required: ['entitlements'],
    },
    CustomerOverrideView: {
      type: 'object',
      properties: {
        customerOverride: {
          type: 'object',
          properties: {
            createdAt: {
              type: 'string',
            },
            updatedAt: {
              type: 'string',
            },
            billingProfileId: {
              type: 'string',
            },
            customerId: {
              type: 'string',
            },
            workflow: {
              type: 'object',
              properties: {
                collection: {
                  type: 'object',
                  properties: {
                    alignment: {
                      type: 'object',
                      properties: {
                        type: {
                          type: 'string',
                          enum: ['subscription'],
                        },
                      },
                    },
                    interval: {
                      type: 'string',
                    },
                  },
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    autoAdvance: {
                      type: 'boolean',
                    },
                    draftPeriod: {
                      type: 'string',
                    },
                    dueAfter: {
                      type: 'string',
                    },
                    progressiveBilling: {
                      type: 'boolean',
                    },
                  },
                },
                payment: {
                  type: 'object',
                  properties: {
                    collectionMethod: {
                      type: 'string',
                      enum: ['charge_automatically', 'send_invoice'],
                    },
                  },
                },
                tax: {
                  type: 'object',
                  properties: {
                    enabled: {
                      type: 'boolean',
                    },
                    enforced: {
                      type: 'boolean',
                    },
                  },
                },
              },
            },
          },
          required: ['createdAt', 'updatedAt', 'customerId'],
        },
        baseBillingProfileId: {
          type: 'string',
        },
        customerProfile: {
          type: 'object',
          properties: {
            supplier: {
              type: 'object',
              properties: {},
              additionalProperties: {},
            },
            workflow: {
              $ref: '#/components/schemas/Workflow',
            },
            apps: {
              type: 'object',
              properties: {
                tax: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                payment: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
              },
              required: ['tax', 'invoicing', 'payment'],
            },
          },
          required: ['supplier', 'workflow', 'apps'],
        },
        customer: {
          $ref: '#/components/schemas/CustomerView',
        },
      },
      required: ['baseBillingProfileId', 'customerProfile'],
    },
    CustomerView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        key: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        usageAttribution: {
          type: 'object',
          properties: {
            subjectKeys: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          required: ['subjectKeys'],
        },
        currency: {
          type: 'string',
        },
        primaryEmail: {
          type: 'string',
        },
        billingAddress: {
          $ref: '#/components/schemas/Address',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
        currentSubscriptionId: {
          type: 'string',
          description: 'The subscription running now, if any.',
        },
        subscriptions: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/SubscriptionView',
          },
          description: 'With `expand=subscriptions`.',
        },
      },
      required: ['id', 'name', 'usageAttribution', 'createdAt', 'updatedAt'],
    },
    DiscountPercentage: {
      type: 'object',
      properties: {
        percentage: {
          oneOf: [
            {
              type: 'string',
            },
            {
              type: 'number',
            },
          ],
        },
      },
      required: ['percentage'],
    },
    DiscountUsage: {
      type: 'object',
      properties: {
        quantity: {
          type: 'string',
        },
      },
      required: ['quantity'],
    },
    Discounts: {
      type: 'object',
      properties: {
        percentage: {
          $ref: '#/components/schemas/DiscountPercentage',
        },
        usage: {
          $ref: '#/components/schemas/DiscountUsage',
        },
      },
    },
    DocumentRef: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        number: {
          type: 'string',
        },
      },
      required: ['id', 'number'],
    },
    DynamicCharge: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['dynamic'],
        },
        multiplier: {
          type: 'string',
        },
        currency: {
          type: 'string',
        },
        quantity: {
          type: 'string',
        },
        usageDiscountQuantity: {
          type: 'string',
        },
        billedQuantity: {
          type: 'string',
        },
        subtotal: {
          type: 'string',
        },
        discountPercentage: {
          type: 'string',
          description: '"0" without a percentage discount.',
        },
        discountAmount: {
          type: 'string',
        },
        minimumTrueUp: {
          type: 'string',
          description: "Added so the charge reaches the price's `minimumAmount`.",
        },
        capReduction: {
          type: 'string',
          description: "Removed so the charge stays within the price's `maximumAmount`.",
        },
        unroundedTotal: {
          type: 'string',
        },
        total: {
          type: 'string',
        },
      },
      required: [
        'type',
        'multiplier',
        'currency',
        'quantity',
        'usageDiscountQuantity',
        'billedQuantity',
        'subtotal',
        'discountPercentage',
        'discountAmount',
        'minimumTrueUp',
        'capReduction',
        'unroundedTotal',
        'total',
      ],
    },
    DynamicPriceWithCommitments: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['dynamic'],
        },
        multiplier: {
          type: 'string',
        },
        minimumAmount: {
          type: 'string',
        },
        maximumAmount: {
          type: 'string',
        },
      },
      required: ['type'],
    },
    EmptyInvoice: {
      type: 'object',
      properties: {
        number: {
          type: 'string',
        },
        type: {
          type: 'string',
          enum: ['standard', 'credit_note'],
        },
        customer: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
            key: {
              type: 'string',
            },
            name: {
              type: 'string',
            },
            taxId: {
              type: 'object',
              properties: {},
              additionalProperties: {},
              description:
                'Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`.',
            },
            addresses: {
              type: 'array',
              items: {
                type: 'object',
                properties: {},
                additionalProperties: {},
              },
            },
            usageAttribution: {
              type: 'object',
              properties: {
                subjectKeys: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: ['subjectKeys'],
            },
          },
          required: ['id', 'name', 'usageAttribution'],
        },
        supplier: {
          type: 'object',
          properties: {},
          additionalProperties: {},
          description:
            "OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue.",
        },
        id: {
          type: 'string',
        },
        status: {
          type: 'string',
          enum: ['gathering', 'draft', 'issued', 'voided'],
        },
        statusDetails: {
          type: 'object',
          properties: {
            immutable: {
              type: 'boolean',
            },
            failed: {
              type: 'boolean',
              description: 'True while a critical validation issue keeps the invoice from being issued.',
            },
            extendedStatus: {
              type: 'string',
            },
            availableActions: {
              type: 'object',
              properties: {
                advance: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                approve: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                delete: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                void: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                retry: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                snapshotQuantities: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
              },
              description: 'The actions the invoice accepts now: each is refused (409) while it is absent.',
            },
          },
          required: ['immutable', 'failed', 'extendedStatus', 'availableActions'],
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        issuedAt: {
          type: 'string',
        },
        draftUntil: {
          type: 'string',
          description:
            "A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself.",
        },
        voidedAt: {
          type: 'string',
          description: "A voided invoice's: when it was voided.",
        },
        currency: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        workflow: {
          type: 'object',
          properties: {
            sourceBillingProfileId: {
              type: 'string',
            },
            apps: {
              type: 'object',
              properties: {
                tax: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                payment: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
              },
              required: ['tax', 'invoicing', 'payment'],
            },
            workflow: {
              type: 'object',
              properties: {
                collection: {
                  type: 'object',
                  properties: {
                    alignment: {
                      type: 'object',
                      properties: {
                        type: {
                          type: 'string',
                          enum: ['subscription'],
                        },
                      },
                    },
                    interval: {
                      type: 'string',
                    },
                  },
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    autoAdvance: {
                      type: 'boolean',
                    },
                    draftPeriod: {
                      type: 'string',
                    },
                    dueAfter: {
                      type: 'string',
                    },
                    progressiveBilling: {
                      type: 'boolean',
                    },
                  },
                },
                payment: {
                  type: 'object',
                  properties: {
                    collectionMethod: {
                      type: 'string',
                      enum: ['charge_automatically', 'send_invoice'],
                    },
                  },
                },
                tax: {
                  type: 'object',
                  properties: {
                    enabled: {
                      type: 'boolean',
                    },
                    enforced: {
                      type: 'boolean',
                    },
                  },
                },
              },
            },
          },
          required: ['workflow'],
          description:
            "OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice.",
        },
        dueAt: {
          type: 'string',
          description: "When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`.",
        },
        collectionAt: {
          type: 'string',
          description:
            "When the period's usage was collected for issue: its end + the workflow's `collection.interval`.",
        },
        quantitySnapshotedAt: {
          type: 'string',
          description:
            'When `snapshotQuantities` took the quantities, skipping the rest of the collection interval.',
        },
        totals: {
          $ref: '#/components/schemas/InvoiceTotals',
        },
        lines: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/InvoiceLine',
          },
        },
        validationIssues: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ValidationIssue',
          },
        },
        replaces: {
          $ref: '#/components/schemas/DocumentRef',
        },
        correctionOf: {
          $ref: '#/components/schemas/DocumentRef',
        },
        corrections: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/CorrectionRef',
          },
          description:
            "An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued.",
        },
      },
      required: [
        'number',
        'type',
        'customer',
        'supplier',
        'id',
        'status',
        'statusDetails',
        'createdAt',
        'updatedAt',
        'currency',
        'workflow',
        'totals',
        'lines',
        'validationIssues',
      ],
    },
    EntitlementV1PageView: {
      type: 'object',
      properties: {
        totalCount: {
          type: 'number',
        },
        page: {
          type: 'number',
        },
        pageSize: {
          type: 'number',
        },
        items: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/EntitlementV1View',
          },
        },
      },
      required: ['totalCount', 'page', 'pageSize', 'items'],
    },
    EntitlementV1View: {
      type: 'object',
      properties: {
        subjectKey: {
          type: 'string',
        },
        isUnlimited: {
          type: 'boolean',
        },
        type: {
          type: 'string',
          enum: ['boolean', 'static', 'metered'],
        },
        id: {
          type: 'string',
        },
        featureKey: {
          type: 'string',
        },
        featureId: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        annotations: {
          type: 'object',
          properties: {},
          additionalProperties: {},
        },
        activeFrom: {
          type: 'string',
        },
        activeTo: {
          type: 'string',
        },
        config: {
          type: 'string',
        },
        isSoftLimit: {
          type: 'boolean',
        },
        preserveOverageAtReset: {
          type: 'boolean',
        },
        issueAfterReset: {
          type: 'number',
        },
        issueAfterResetPriority: {
          type: 'number',
        },
        lastReset: {
          type: 'string',
        },
        currentUsagePeriod: {
          $ref: '#/components/schemas/PeriodView',
        },
        measureUsageFrom: {
          type: 'string',
        },
        usagePeriod: {
          $ref: '#/components/schemas/RecurringPeriodView',
        },
      },
      required: [
        'subjectKey',
        'type',
        'id',
        'featureKey',
        'featureId',
        'createdAt',
        'updatedAt',
        'activeFrom',
      ],
    },
    EntitlementV2PageView: {
      type: 'object',
      properties: {
        totalCount: {
          type: 'number',
        },
        page: {
          type: 'number',
        },
        pageSize: {
          type: 'number',
        },
        items: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/EntitlementV2View',
          },
        },
      },
      required: ['totalCount', 'page', 'pageSize', 'items'],
    },
    EntitlementV2View: {
      type: 'object',
      properties: {
        customerId: {
          type: 'string',
        },
        customerKey: {
          type: 'string',
        },
        issue: {
          $ref: '#/components/schemas/IssueAfterResetView',
        },
        type: {
          type: 'string',
          enum: ['boolean', 'static', 'metered'],
        },
        id: {
          type: 'string',
        },
        featureKey: {
          type: 'string',
        },
        featureId: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        annotations: {
          type: 'object',
          properties: {},
          additionalProperties: {},
        },
        activeFrom: {
          type: 'string',
        },
        activeTo: {
          type: 'string',
        },
        config: {
          type: 'string',
        },
        isSoftLimit: {
          type: 'boolean',
        },
        preserveOverageAtReset: {
          type: 'boolean',
        },
        issueAfterReset: {
          type: 'number',
        },
        issueAfterResetPriority: {
          type: 'number',
        },
        lastReset: {
          type: 'string',
        },
        currentUsagePeriod: {
          $ref: '#/components/schemas/PeriodView',
        },
        measureUsageFrom: {
          type: 'string',
        },
        usagePeriod: {
          $ref: '#/components/schemas/RecurringPeriodView',
        },
      },
      required: [
        'customerId',
        'type',
        'id',
        'featureKey',
        'featureId',
        'createdAt',
        'updatedAt',
        'activeFrom',
      ],
    },
    EntitlementValueV2View: {
      type: 'object',
      properties: {
        grantBalances: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'number',
          },
        },
        hasAccess: {
          type: 'boolean',
        },
        balance: {
          type: 'number',
        },
        usage: {
          type: 'number',
        },
        overage: {
          type: 'number',
        },
        totalAvailableGrantAmount: {
          type: 'number',
        },
        config: {
          type: 'string',
        },
      },
      required: ['hasAccess'],
    },
    EntitlementValueView: {
      type: 'object',
      properties: {
        hasAccess: {
          type: 'boolean',
        },
        balance: {
          type: 'number',
        },
        usage: {
          type: 'number',
        },
        overage: {
          type: 'number',
        },
        totalAvailableGrantAmount: {
          type: 'number',
        },
        config: {
          type: 'string',
        },
      },
      required: ['hasAccess'],
    },
    EvidenceEntry: {
      type: 'object',
      properties: {
        event: {
          $ref: '#/components/schemas/UsageCloudEvent',
        },
        value: {
          type: 'string',
          description: 'What the meter read from it (absent for COUNT).',
        },
        repeats: {
          type: 'number',
          description:
            'UNIQUE_COUNT: how many later events in the window repeated this value (they count once).',
        },
        voided: {
          type: 'object',
          properties: {
            reason: {
              type: 'string',
            },
            voidedAt: {
              type: 'string',
            },
            actor: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
              },
              required: ['id', 'name'],
            },
          },
          required: ['reason', 'voidedAt', 'actor'],
          description:
            'An event a correction takes away: voided after the document before it billed the event.',
        },
      },
      required: ['event'],
    },
    ExpirationView: {
      type: 'object',
      properties: {
        duration: {
          type: 'string',
        },
        count: {
          type: 'number',
        },
      },
      required: ['duration', 'count'],
    },
    FeatureView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        key: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        meterSlug: {
          type: 'string',
        },
        meterGroupByFilters: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
          description: "While every filter is a plain equality (OpenMeter's legacy form).",
        },
        advancedMeterGroupByFilters: {
          type: 'object',
          properties: {},
          additionalProperties: {
            $ref: '#/components/schemas/StringFilter',
          },
          description: 'What the feature counts of its meter; for a metered feature.',
        },
        unitCost: {
          oneOf: [
            {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                  enum: ['manual'],
                },
                amount: {
                  type: 'string',
                },
              },
              required: ['type', 'amount'],
            },
            {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                  enum: ['llm'],
                },
                providerProperty: {
                  type: 'string',
                },
                provider: {
                  type: 'string',
                },
                modelProperty: {
                  type: 'string',
                },
                model: {
                  type: 'string',
                },
                tokenTypeProperty: {
                  type: 'string',
                },
                tokenType: {
                  type: 'string',
                },
              },
              required: ['type'],
            },
          ],
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        archivedAt: {
          type: 'string',
        },
      },
      required: ['id', 'key', 'name', 'metadata', 'createdAt', 'updatedAt'],
    },
    FieldProblem: {
      type: 'object',
      properties: {
        field: {
          type: 'string',
        },
        message: {
          type: 'string',
        },
        code: {
          type: 'string',
        },
      },
      required: ['field', 'message'],
    },
    FlatCharge: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['flat'],
        },
        unitPrice: {
          type: 'string',
        },
        proration: {
          $ref: '#/components/schemas/Proration',
        },
        currency: {
          type: 'string',
        },
        quantity: {
          type: 'string',
        },
        usageDiscountQuantity: {
          type: 'string',
        },
        billedQuantity: {
          type: 'string',
        },
        subtotal: {
          type: 'string',
        },
        discountPercentage: {
          type: 'string',
          description: '"0" without a percentage discount.',
        },
        discountAmount: {
          type: 'string',
        },
        minimumTrueUp: {
          type: 'string',
          description: "Added so the charge reaches the price's `minimumAmount`.",
        },
        capReduction: {
          type: 'string',
          description: "Removed so the charge stays within the price's `maximumAmount`.",
        },
        unroundedTotal: {
          type: 'string',
        },
        total: {
          type: 'string',
        },
      },
      required: [
        'type',
        'unitPrice',
        'currency',
        'quantity',
        'usageDiscountQuantity',
        'billedQuantity',
        'subtotal',
        'discountPercentage',
        'discountAmount',
        'minimumTrueUp',
        'capReduction',
        'unroundedTotal',
        'total',
      ],
    },
    FlatFeeRateCard: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['flat_fee'],
        },
        billingCadence: {
          type: 'string',
          nullable: true,
        },
        price: {
          allOf: [
            {
              $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
            },
          ],
          nullable: true,
        },
        key: {
          type: 'string',
          description: 'Unique within its phase; equals `featureKey` when that is set.',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        featureKey: {
          type: 'string',
        },
        entitlementTemplate: {
          oneOf: [
            {
              $ref: '#/components/schemas/BooleanEntitlementTemplate',
            },
            {
              $ref: '#/components/schemas/StaticEntitlementTemplate',
            },
            {
              $ref: '#/components/schemas/MeteredEntitlementTemplate',
            },
          ],
          description: 'Needs `featureKey`.',
        },
        discounts: {
          $ref: '#/components/schemas/Discounts',
        },
        taxConfig: {
          $ref: '#/components/schemas/TaxConfig',
        },
      },
      required: ['type', 'billingCadence', 'price', 'key', 'name'],
    },
    FlatPrice: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['flat'],
        },
        amount: {
          type: 'string',
        },
      },
      required: ['type', 'amount'],
    },
    FlatPriceWithPaymentTerm: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['flat'],
        },
        amount: {
          type: 'string',
        },
        paymentTerm: {
          type: 'string',
          enum: ['in_advance', 'in_arrears'],
        },
      },
      required: ['type', 'amount'],
    },
    GrantBurnDownHistorySegmentView: {
      type: 'object',
      properties: {
        period: {
          $ref: '#/components/schemas/PeriodView',
        },
        usage: {
          type: 'number',
        },
        overage: {
          type: 'number',
        },
        balanceAtStart: {
          type: 'number',
        },
        grantBalancesAtStart: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'number',
          },
        },
        balanceAtEnd: {
          type: 'number',
        },
        grantBalancesAtEnd: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'number',
          },
        },
        grantUsages: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/GrantUsageRecordView',
          },
        },
      },
      required: [
        'period',
        'usage',
        'overage',
        'balanceAtStart',
        'grantBalancesAtStart',
        'balanceAtEnd',
        'grantBalancesAtEnd',
        'grantUsages',
      ],
    },
    GrantPageView: {
      type: 'object',
      properties: {
        totalCount: {
          type: 'number',
        },
        page: {
          type: 'number',
        },
        pageSize: {
          type: 'number',
        },
        items: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/GrantView',
          },
        },
      },
      required: ['totalCount', 'page', 'pageSize', 'items'],
    },
    GrantUsageRecordView: {
      type: 'object',
      properties: {
        grantId: {
          type: 'string',
        },
        usage: {
          type: 'number',
        },
      },
      required: ['grantId', 'usage'],
    },
    GrantView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        entitlementId: {
          type: 'string',
        },
        amount: {
          type: 'number',
        },
        priority: {
          type: 'number',
        },
        effectiveAt: {
          type: 'string',
        },
        expiration: {
          $ref: '#/components/schemas/ExpirationView',
        },
        expiresAt: {
          type: 'string',
        },
        minRolloverAmount: {
          type: 'number',
        },
        maxRolloverAmount: {
          type: 'number',
        },
        recurrence: {
          $ref: '#/components/schemas/RecurringPeriodView',
        },
        nextRecurrence: {
          type: 'string',
        },
        voidedAt: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        annotations: {
          type: 'object',
          properties: {},
          additionalProperties: {},
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
      },
      required: [
        'id',
        'entitlementId',
        'amount',
        'priority',
        'effectiveAt',
        'minRolloverAmount',
        'maxRolloverAmount',
        'createdAt',
        'updatedAt',
      ],
    },
    IngestedEvent: {
      type: 'object',
      properties: {
        event: {
          $ref: '#/components/schemas/UsageCloudEvent',
        },
        customerId: {
          type: 'string',
        },
        validationError: {
          type: 'string',
          description:
            "Why live meters of the event's type ignore it (e.g. a SUM meter's value is not a number), that no meter reads its type, and whether no customer claims its subject (its usage is then never billed): one line each, worded as OpenMeter words them.",
        },
        ingestedAt: {
          type: 'string',
        },
        storedAt: {
          type: 'string',
        },
        voided: {
          type: 'object',
          properties: {
            reason: {
              type: 'string',
            },
            voidedAt: {
              type: 'string',
            },
            actor: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
              },
              required: ['id', 'name'],
            },
          },
          required: ['reason', 'voidedAt', 'actor'],
          description:
            "Present once the event is voided (Tally's addition): it stays listed, and counts nowhere.",
        },
      },
      required: ['event', 'ingestedAt', 'storedAt'],
    },
    IngestedEventsPage: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/IngestedEvent',
          },
        },
        nextCursor: {
          type: 'string',
          description: 'Present when there may be more: pass it as `cursor` for the next page.',
        },
      },
      required: ['items'],
    },
    Invoice: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        type: {
          type: 'string',
          enum: ['standard', 'credit_note'],
        },
        number: {
          type: 'string',
        },
        status: {
          type: 'string',
          enum: ['gathering', 'draft', 'issued', 'voided'],
        },
        statusDetails: {
          type: 'object',
          properties: {
            immutable: {
              type: 'boolean',
            },
            failed: {
              type: 'boolean',
              description: 'True while a critical validation issue keeps the invoice from being issued.',
            },
            extendedStatus: {
              type: 'string',
            },
            availableActions: {
              type: 'object',
              properties: {
                advance: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                approve: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                delete: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                void: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                retry: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                snapshotQuantities: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
              },
              description: 'The actions the invoice accepts now: each is refused (409) while it is absent.',
            },
          },
          required: ['immutable', 'failed', 'extendedStatus', 'availableActions'],
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        issuedAt: {
          type: 'string',
        },
        draftUntil: {
          type: 'string',
          description:
            "A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself.",
        },
        voidedAt: {
          type: 'string',
          description: "A voided invoice's: when it was voided.",
        },
        currency: {
          type: 'string',
        },
        period: {
          $ref: '#/components/schemas/Period',
        },
        supplier: {
          type: 'object',
          properties: {},
          additionalProperties: {},
          description:
            "OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue.",
        },
        customer: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
            key: {
              type: 'string',
            },
            name: {
              type: 'string',
            },
            taxId: {
              type: 'object',
              properties: {},
              additionalProperties: {},
              description:
                'Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`.',
            },
            addresses: {
              type: 'array',
              items: {
                type: 'object',
                properties: {},
                additionalProperties: {},
              },
            },
            usageAttribution: {
              type: 'object',
              properties: {
                subjectKeys: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: ['subjectKeys'],
            },
          },
          required: ['id', 'name', 'usageAttribution'],
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        workflow: {
          type: 'object',
          properties: {
            sourceBillingProfileId: {
              type: 'string',
            },
            apps: {
              type: 'object',
              properties: {
                tax: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                payment: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
              },
              required: ['tax', 'invoicing', 'payment'],
            },
            workflow: {
              type: 'object',
              properties: {
                collection: {
                  type: 'object',
                  properties: {
                    alignment: {
                      type: 'object',
                      properties: {
                        type: {
                          type: 'string',
                          enum: ['subscription'],
                        },
                      },
                    },
                    interval: {
                      type: 'string',
                    },
                  },
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    autoAdvance: {
                      type: 'boolean',
                    },
                    draftPeriod: {
                      type: 'string',
                    },
                    dueAfter: {
                      type: 'string',
                    },
                    progressiveBilling: {
                      type: 'boolean',
                    },
                  },
                },
                payment: {
                  type: 'object',
                  properties: {
                    collectionMethod: {
                      type: 'string',
                      enum: ['charge_automatically', 'send_invoice'],
                    },
                  },
                },
                tax: {
                  type: 'object',
                  properties: {
                    enabled: {
                      type: 'boolean',
                    },
                    enforced: {
                      type: 'boolean',
                    },
                  },
                },
              },
            },
          },
          required: ['workflow'],
          description:
            "OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice.",
        },
        dueAt: {
          type: 'string',
          description: "When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`.",
        },
        collectionAt: {
          type: 'string',
          description:
            "When the period's usage was collected for issue: its end + the workflow's `collection.interval`.",
        },
        quantitySnapshotedAt: {
          type: 'string',
          description:
            'When `snapshotQuantities` took the quantities, skipping the rest of the collection interval.',
        },
        totals: {
          $ref: '#/components/schemas/InvoiceTotals',
        },
        lines: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/InvoiceLine',
          },
        },
        validationIssues: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ValidationIssue',
          },
        },
        replaces: {
          $ref: '#/components/schemas/DocumentRef',
        },
        correctionOf: {
          $ref: '#/components/schemas/DocumentRef',
        },
        corrections: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/CorrectionRef',
          },
          description:
            "An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued.",
        },
      },
      required: [
        'id',
        'type',
        'number',
        'status',
        'statusDetails',
        'createdAt',
        'updatedAt',
        'currency',
        'period',
        'supplier',
        'customer',
        'workflow',
        'totals',
        'lines',
        'validationIssues',
      ],
    },
    InvoiceAvailableActionDetails: {
      type: 'object',
      properties: {
        resultingState: {
          type: 'string',
          enum: [
            'gathering',
            'issued',
            'voided',
            'draft.waiting_for_collection',
            'draft.waiting_auto_approval',
            'draft.manual_approval_needed',
            'draft.invalid',
          ],
        },
      },
      required: ['resultingState'],
    },
    InvoiceLine: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        managedBy: {
          type: 'string',
          enum: ['subscription', 'manual'],
          description: "`manual`: a one-off charge (a pending line), its `id` the pending line's.",
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        status: {
          type: 'string',
          enum: ['valid'],
        },
        type: {
          type: 'string',
          enum: ['flat_fee', 'usage_based'],
          description:
            "A flat fee's line is `flat_fee` (quantity 1); invoices issued before said `usage_based`, and keep it.",
        },
        currency: {
          type: 'string',
        },
        invoice: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
          },
          required: ['id'],
        },
        period: {
          $ref: '#/components/schemas/Period',
        },
        invoiceAt: {
          type: 'string',
        },
        featureKey: {
          type: 'string',
        },
        price: {
          oneOf: [
            {
              $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
            },
            {
              $ref: '#/components/schemas/UnitPriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/TieredPriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/PackagePriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/DynamicPriceWithCommitments',
            },
          ],
        },
        rateCard: {
          type: 'object',
          properties: {
            featureKey: {
              type: 'string',
            },
            price: {
              oneOf: [
                {
                  $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
                },
                {
                  $ref: '#/components/schemas/UnitPriceWithCommitments',
                },
                {
                  $ref: '#/components/schemas/TieredPriceWithCommitments',
                },
                {
                  $ref: '#/components/schemas/PackagePriceWithCommitments',
                },
                {
                  $ref: '#/components/schemas/DynamicPriceWithCommitments',
                },
              ],
            },
            discounts: {
              $ref: '#/components/schemas/Discounts',
            },
          },
          required: ['price'],
        },
        quantity: {
          type: 'string',
        },
        meteredQuantity: {
          type: 'string',
        },
        subscription: {
          type: 'object',
          properties: {
            subscription: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
            phase: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
            item: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
            billingPeriod: {
              $ref: '#/components/schemas/Period',
            },
          },
          required: ['subscription', 'phase', 'item', 'billingPeriod'],
        },
        totals: {
          $ref: '#/components/schemas/InvoiceTotals',
        },
        charge: {
          oneOf: [
            {
              $ref: '#/components/schemas/FlatCharge',
            },
            {
              $ref: '#/components/schemas/UnitCharge',
            },
            {
              $ref: '#/components/schemas/PackageCharge',
            },
            {
              $ref: '#/components/schemas/TieredCharge',
            },
            {
              $ref: '#/components/schemas/DynamicCharge',
            },
          ],
          description:
            "How the total came about (Tally's addition): the pricing engine's working, every figure a decimal string. Absent on a line that could not be priced (its totals are zero; a critical issue says why).",
        },
        correction: {
          $ref: '#/components/schemas/LineCorrection',
        },
        creditOf: {
          type: 'object',
          properties: {
            subscription: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
          },
          required: ['subscription'],
          description:
            "A credit line's (Tally's addition): the subscription a change ended, whose in-advance fee this line gives back for the unused part of its period; `charge` is the part credited.",
        },
      },
      required: [
        'id',
        'name',
        'createdAt',
        'updatedAt',
        'managedBy',
        'status',
        'type',
        'currency',
        'invoice',
        'period',
        'invoiceAt',
        'price',
        'rateCard',
        'quantity',
        'meteredQuantity',
        'subscription',
        'totals',
      ],
    },
    InvoicePage: {
      type: 'object',
      properties: {
        totalCount: {
          type: 'number',
        },
        page: {
          type: 'number',
        },
        pageSize: {
          type: 'number',
        },
        items: {
          type: 'array',
          items: {
            oneOf: [
              {
                $ref: '#/components/schemas/Invoice',
              },
              {
                $ref: '#/components/schemas/InvoiceSummary',
              },
            ],
          },
          description: 'Without `lines` unless they were asked for (`expand=lines`).',
        },
      },
      required: ['totalCount', 'page', 'pageSize', 'items'],
    },
    InvoiceSummary: {
      type: 'object',
      properties: {
        number: {
          type: 'string',
        },
        type: {
          type: 'string',
          enum: ['standard', 'credit_note'],
        },
        customer: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
            key: {
              type: 'string',
            },
            name: {
              type: 'string',
            },
            taxId: {
              type: 'object',
              properties: {},
              additionalProperties: {},
              description:
                'Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`.',
            },
            addresses: {
              type: 'array',
              items: {
                type: 'object',
                properties: {},
                additionalProperties: {},
              },
            },
            usageAttribution: {
              type: 'object',
              properties: {
                subjectKeys: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: ['subjectKeys'],
            },
          },
          required: ['id', 'name', 'usageAttribution'],
        },
        supplier: {
          type: 'object',
          properties: {},
          additionalProperties: {},
          description:
            "OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue.",
        },
        period: {
          $ref: '#/components/schemas/Period',
        },
        id: {
          type: 'string',
        },
        status: {
          type: 'string',
          enum: ['gathering', 'draft', 'issued', 'voided'],
        },
        statusDetails: {
          type: 'object',
          properties: {
            immutable: {
              type: 'boolean',
            },
            failed: {
              type: 'boolean',
              description: 'True while a critical validation issue keeps the invoice from being issued.',
            },
            extendedStatus: {
              type: 'string',
            },
            availableActions: {
              type: 'object',
              properties: {
                advance: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                approve: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                delete: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                void: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                retry: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                snapshotQuantities: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
              },
              description: 'The actions the invoice accepts now: each is refused (409) while it is absent.',
            },
          },
          required: ['immutable', 'failed', 'extendedStatus', 'availableActions'],
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        issuedAt: {
          type: 'string',
        },
        draftUntil: {
          type: 'string',
          description:
            "A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself.",
        },
        voidedAt: {
          type: 'string',
          description: "A voided invoice's: when it was voided.",
        },
        currency: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        workflow: {
          type: 'object',
          properties: {
            sourceBillingProfileId: {
              type: 'string',
            },
            apps: {
              type: 'object',
              properties: {
                tax: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                payment: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
              },
              required: ['tax', 'invoicing', 'payment'],
            },
            workflow: {
              type: 'object',
              properties: {
                collection: {
                  type: 'object',
                  properties: {
                    alignment: {
                      type: 'object',
                      properties: {
                        type: {
                          type: 'string',
                          enum: ['subscription'],
                        },
                      },
                    },
                    interval: {
                      type: 'string',
                    },
                  },
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    autoAdvance: {
                      type: 'boolean',
                    },
                    draftPeriod: {
                      type: 'string',
                    },
                    dueAfter: {
                      type: 'string',
                    },
                    progressiveBilling: {
                      type: 'boolean',
                    },
                  },
                },
                payment: {
                  type: 'object',
                  properties: {
                    collectionMethod: {
                      type: 'string',
                      enum: ['charge_automatically', 'send_invoice'],
                    },
                  },
                },
                tax: {
                  type: 'object',
                  properties: {
                    enabled: {
                      type: 'boolean',
                    },
                    enforced: {
                      type: 'boolean',
                    },
                  },
                },
              },
            },
          },
          required: ['workflow'],
          description:
            "OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice.",
        },
        dueAt: {
          type: 'string',
          description: "When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`.",
        },
        collectionAt: {
          type: 'string',
          description:
            "When the period's usage was collected for issue: its end + the workflow's `collection.interval`.",
        },
        quantitySnapshotedAt: {
          type: 'string',
          description:
            'When `snapshotQuantities` took the quantities, skipping the rest of the collection interval.',
        },
        totals: {
          $ref: '#/components/schemas/InvoiceTotals',
        },
        validationIssues: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ValidationIssue',
          },
        },
        replaces: {
          $ref: '#/components/schemas/DocumentRef',
        },
        correctionOf: {
          $ref: '#/components/schemas/DocumentRef',
        },
        corrections: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/CorrectionRef',
          },
          description:
            "An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued.",
        },
      },
      required: [
        'number',
        'type',
        'customer',
        'supplier',
        'period',
        'id',
        'status',
        'statusDetails',
        'createdAt',
        'updatedAt',
        'currency',
        'workflow',
        'totals',
        'validationIssues',
      ],
    },
    InvoiceTotals: {
      type: 'object',
      properties: {
        amount: {
          type: 'string',
        },
        chargesTotal: {
          type: 'string',
        },
        discountsTotal: {
          type: 'string',
        },
        creditsTotal: {
          type: 'string',
        },
        taxesInclusiveTotal: {
          type: 'string',
        },
        taxesExclusiveTotal: {
          type: 'string',
        },
        taxesTotal: {
          type: 'string',
        },
        total: {
          type: 'string',
        },
      },
      required: [
        'amount',
        'chargesTotal',
        'discountsTotal',
        'creditsTotal',
        'taxesInclusiveTotal',
        'taxesExclusiveTotal',
        'taxesTotal',
        'total',
      ],
    },
    IssueAfterResetView: {
      type: 'object',
      properties: {
        amount: {
          type: 'number',
        },
        priority: {
          type: 'number',
        },
      },
      required: ['amount'],
    },
    LineCorrection: {
      type: 'object',
      properties: {
        lineId: {
          type: 'string',
        },
        billed: {
          $ref: '#/components/schemas/LineFigures',
        },
        now: {
          $ref: '#/components/schemas/LineFigures',
        },
      },
      required: ['lineId', 'billed', 'now'],
    },
    LineFigures: {
      type: 'object',
      properties: {
        quantity: {
          type: 'string',
        },
        meteredQuantity: {
          type: 'string',
        },
        total: {
          type: 'string',
        },
      },
      required: ['quantity', 'meteredQuantity', 'total'],
    },
    LineLineage: {
      type: 'object',
      properties: {
        invoiceId: {
          type: 'string',
        },
        lineId: {
          type: 'string',
        },
        featureKey: {
          type: 'string',
        },
        meterSlug: {
          type: 'string',
        },
        aggregation: {
          type: 'string',
        },
        meteredQuantity: {
          type: 'string',
        },
        period: {
          type: 'object',
          properties: {
            from: {
              type: 'string',
            },
            to: {
              type: 'string',
            },
          },
          required: ['from', 'to'],
        },
        totalCount: {
          type: 'number',
          description: 'How many entries there are in all (`items` holds `limit` of them from `offset`).',
        },
        items: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/EvidenceEntry',
          },
        },
      },
      required: ['invoiceId', 'lineId', 'meteredQuantity', 'period', 'totalCount', 'items'],
    },
    MeterView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        slug: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        eventType: {
          type: 'string',
        },
        aggregation: {
          type: 'string',
          enum: ['SUM', 'COUNT', 'UNIQUE_COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'],
        },
        valueProperty: {
          type: 'string',
        },
        groupBy: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        eventFrom: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
      },
      required: [
        'id',
        'slug',
        'name',
        'eventType',
        'aggregation',
        'groupBy',
        'metadata',
        'createdAt',
        'updatedAt',
      ],
    },
    MeteredEntitlementTemplate: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['metered'],
        },
        isSoftLimit: {
          type: 'boolean',
          description: 'Access continues once the balance is spent. Defaults to false.',
        },
        issueAfterReset: {
          type: 'number',
          description: 'Balance granted at every usage-period reset.',
        },
        issueAfterResetPriority: {
          type: 'number',
          description: '1–255, needs `issueAfterReset`. Defaults to 1.',
        },
        preserveOverageAtReset: {
          type: 'boolean',
          description: 'Defaults to false.',
        },
        usagePeriod: {
          type: 'string',
          description: "ISO-8601 duration; defaults to the rate card's billing cadence.",
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
      },
      required: ['type'],
    },
    OpenMeterValidationError: {
      type: 'object',
      properties: {
        field: {
          type: 'string',
        },
        code: {
          type: 'string',
        },
        message: {
          type: 'string',
        },
      },
      required: ['field', 'code', 'message'],
    },
    PackageCharge: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['package'],
        },
        unitPrice: {
          type: 'string',
        },
        quantityPerPackage: {
          type: 'string',
        },
        packages: {
          type: 'string',
        },
        currency: {
          type: 'string',
        },
        quantity: {
          type: 'string',
        },
        usageDiscountQuantity: {
          type: 'string',
        },
        billedQuantity: {
          type: 'string',
        },
        subtotal: {
          type: 'string',
        },
        discountPercentage: {
          type: 'string',
          description: '"0" without a percentage discount.',
        },
        discountAmount: {
          type: 'string',
        },
        minimumTrueUp: {
          type: 'string',
          description: "Added so the charge reaches the price's `minimumAmount`.",
        },
        capReduction: {
          type: 'string',
          description: "Removed so the charge stays within the price's `maximumAmount`.",
        },
        unroundedTotal: {
          type: 'string',
        },
        total: {
          type: 'string',
        },
      },
      required: [
        'type',
        'unitPrice',
        'quantityPerPackage',
        'packages',
        'currency',
        'quantity',
        'usageDiscountQuantity',
        'billedQuantity',
        'subtotal',
        'discountPercentage',
        'discountAmount',
        'minimumTrueUp',
        'capReduction',
        'unroundedTotal',
        'total',
      ],
    },
    PackagePriceWithCommitments: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['package'],
        },
        amount: {
          type: 'string',
        },
        quantityPerPackage: {
          type: 'string',
        },
        minimumAmount: {
          type: 'string',
        },
        maximumAmount: {
          type: 'string',
        },
      },
      required: ['type', 'amount', 'quantityPerPackage'],
    },
    PendingLinesCreated: {
      type: 'object',
      properties: {
        lines: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/InvoiceLine',
          },
        },
        invoice: {
          $ref: '#/components/schemas/Invoice',
        },
        isInvoiceNew: {
          type: 'boolean',
        },
      },
      required: ['lines', 'invoice', 'isInvoiceNew'],
    },
    Period: {
      type: 'object',
      properties: {
        from: {
          type: 'string',
        },
        to: {
          type: 'string',
        },
      },
      required: ['from', 'to'],
    },
    PeriodView: {
      type: 'object',
      properties: {
        from: {
          type: 'string',
        },
        to: {
          type: 'string',
        },
      },
      required: ['from', 'to'],
    },
    PlanAddonView: {
      type: 'object',
      properties: {
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        addon: {
          $ref: '#/components/schemas/AddonView',
        },
        fromPlanPhase: {
          type: 'string',
        },
        maxQuantity: {
          type: 'number',
        },
        validationErrors: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/OpenMeterValidationError',
          },
          nullable: true,
          description:
            "Its phase gone from the draft plan (edited since), which refuses the plan's publishing; else null.",
        },
      },
      required: ['createdAt', 'updatedAt', 'metadata', 'addon', 'fromPlanPhase', 'validationErrors'],
    },
    PlanPhaseView: {
      type: 'object',
      properties: {
        key: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        duration: {
          type: 'string',
          nullable: true,
        },
        rateCards: {
          type: 'array',
          items: {
            oneOf: [
              {
                $ref: '#/components/schemas/FlatFeeRateCard',
              },
              {
                $ref: '#/components/schemas/UsageBasedRateCard',
              },
            ],
          },
        },
      },
      required: ['key', 'name', 'duration', 'rateCards'],
    },
    PlanView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        key: {
          type: 'string',
        },
        version: {
          type: 'number',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        currency: {
          type: 'string',
        },
        billingCadence: {
          type: 'string',
        },
        proRatingConfig: {
          $ref: '#/components/schemas/ProRatingConfig',
        },
        alignment: {
          $ref: '#/components/schemas/Alignment',
        },
        settlementMode: {
          type: 'string',
          enum: ['credit_then_invoice', 'credit_only'],
        },
        phases: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/PlanPhaseView',
          },
        },
        status: {
          type: 'string',
          enum: ['draft', 'active', 'scheduled', 'archived'],
        },
        effectiveFrom: {
          type: 'string',
        },
        effectiveTo: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
        validationErrors: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/OpenMeterValidationError',
          },
          nullable: true,
          description:
            "A draft's problems that would refuse its publishing (its rate cards' cadences against its own), as OpenMeter lists them; null when there are none, and for every plan not a draft. What depends on features is checked when it is published (400 with every problem).",
        },
      },
      required: [
        'id',
        'key',
        'version',
        'name',
        'metadata',
        'currency',
        'billingCadence',
        'proRatingConfig',
        'phases',
        'status',
        'createdAt',
        'updatedAt',
        'validationErrors',
      ],
    },
    PortalTokenView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        subject: {
          type: 'string',
        },
        allowedMeterSlugs: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
        expiresAt: {
          type: 'string',
        },
        expired: {
          type: 'boolean',
        },
        createdAt: {
          type: 'string',
        },
        token: {
          type: 'string',
        },
      },
      required: ['id', 'subject', 'expiresAt', 'expired', 'createdAt'],
    },
    PriceTier: {
      type: 'object',
      properties: {
        upToAmount: {
          type: 'string',
        },
        flatPrice: {
          allOf: [
            {
              $ref: '#/components/schemas/FlatPrice',
            },
          ],
          nullable: true,
        },
        unitPrice: {
          allOf: [
            {
              $ref: '#/components/schemas/UnitPrice',
            },
          ],
          nullable: true,
        },
      },
    },
    ProRatingConfig: {
      type: 'object',
      properties: {
        enabled: {
          type: 'boolean',
        },
        mode: {
          type: 'string',
          enum: ['prorate_prices'],
        },
      },
      required: ['enabled', 'mode'],
    },
    ProblemDetails: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
        },
        title: {
          type: 'string',
        },
        status: {
          type: 'number',
        },
        detail: {
          type: 'string',
        },
        code: {
          type: 'string',
        },
        instance: {
          type: 'string',
        },
        errors: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/FieldProblem',
          },
        },
        extensions: {
          type: 'object',
          properties: {
            validationErrors: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/OpenMeterValidationError',
              },
            },
          },
          required: ['validationErrors'],
        },
      },
      required: ['type', 'title', 'status', 'detail', 'code'],
    },
    ProjectionStatus: {
      type: 'object',
      properties: {
        name: {
          type: 'string',
        },
        version: {
          type: 'number',
        },
        position: {
          type: 'string',
        },
        lag: {
          type: 'number',
          nullable: true,
          description:
            'Events in the log after the checkpoint (capped), or null where the store cannot count them.',
        },
        lagSeconds: {
          type: 'number',
          nullable: true,
          description:
            'How long ago the oldest event it has not applied was written (0 when caught up), or null where unknown.',
        },
        state: {
          type: 'string',
          enum: ['running', 'rebuilding', 'stopped', 'failed'],
        },
        lastError: {
          type: 'string',
        },
      },
      required: ['name', 'version', 'position', 'lag', 'lagSeconds', 'state'],
    },
    Proration: {
      type: 'object',
      properties: {
        part: {
          type: 'string',
        },
        whole: {
          type: 'string',
        },
      },
      required: ['part', 'whole'],
    },
    ReconciliationAnswerDto: {
      type: 'object',
      properties: {
        namespace: {
          type: 'string',
        },
        from: {
          type: 'string',
        },
        to: {
          type: 'string',
        },
        totals: {
          $ref: '#/components/schemas/ReconciliationCountsDto',
        },
        days: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ReconciliationDayDto',
          },
        },
        billingPeriods: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ReconciliationBillingPeriodDto',
          },
        },
      },
      required: ['namespace', 'from', 'to', 'totals', 'days', 'billingPeriods'],
    },
    ReconciliationBillingPeriodDto: {
      type: 'object',
      properties: {
        subscriptionId: {
          type: 'string',
        },
        customerId: {
          type: 'string',
        },
        from: {
          type: 'string',
        },
        to: {
          type: 'string',
        },
        issued: {
          type: 'boolean',
        },
        billable: {
          type: 'number',
        },
        billed: {
          type: 'number',
        },
        pendingCorrection: {
          type: 'number',
        },
      },
      required: [
        'subscriptionId',
        'customerId',
        'from',
        'to',
        'issued',
        'billable',
        'billed',
        'pendingCorrection',
      ],
    },
    ReconciliationCountsDto: {
      type: 'object',
      properties: {
        accepted: {
          type: 'number',
          nullable: true,
        },
        stored: {
          type: 'number',
        },
        deduplicated: {
          type: 'number',
          nullable: true,
        },
        voided: {
          type: 'number',
        },
        metered: {
          type: 'number',
        },
        attributed: {
          type: 'number',
        },
        billable: {
          type: 'number',
        },
        billed: {
          type: 'number',
        },
        pendingCorrection: {
          type: 'number',
        },
      },
      required: [
        'accepted',
        'stored',
        'deduplicated',
        'voided',
        'metered',
        'attributed',
        'billable',
        'billed',
        'pendingCorrection',
      ],
    },
    ReconciliationDayDto: {
      type: 'object',
      properties: {
        from: {
          type: 'string',
        },
        to: {
          type: 'string',
        },
        accepted: {
          type: 'number',
          nullable: true,
        },
        stored: {
          type: 'number',
        },
        deduplicated: {
          type: 'number',
          nullable: true,
        },
        voided: {
          type: 'number',
        },
        metered: {
          type: 'number',
        },
        attributed: {
          type: 'number',
        },
        billable: {
          type: 'number',
        },
        billed: {
          type: 'number',
        },
        pendingCorrection: {
          type: 'number',
        },
      },
      required: [
        'from',
        'to',
        'accepted',
        'stored',
        'deduplicated',
        'voided',
        'metered',
        'attributed',
        'billable',
        'billed',
        'pendingCorrection',
      ],
    },
    RecurringPeriodView: {
      type: 'object',
      properties: {
        interval: {
          type: 'string',
        },
        anchor: {
          type: 'string',
        },
        intervalISO: {
          type: 'string',
        },
      },
      required: ['interval', 'anchor', 'intervalISO'],
    },
    SimulatedInvoice: {
      type: 'object',
      properties: {
        number: {
          type: 'string',
        },
        type: {
          type: 'string',
          enum: ['standard', 'credit_note'],
        },
        customer: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
            key: {
              type: 'string',
            },
            name: {
              type: 'string',
            },
            taxId: {
              type: 'object',
              properties: {},
              additionalProperties: {},
              description:
                'Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`.',
            },
            addresses: {
              type: 'array',
              items: {
                type: 'object',
                properties: {},
                additionalProperties: {},
              },
            },
            usageAttribution: {
              type: 'object',
              properties: {
                subjectKeys: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: ['subjectKeys'],
            },
          },
          required: ['id', 'name', 'usageAttribution'],
        },
        supplier: {
          type: 'object',
          properties: {},
          additionalProperties: {},
          description:
            "OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue.",
        },
        period: {
          $ref: '#/components/schemas/Period',
        },
        id: {
          type: 'string',
        },
        status: {
          type: 'string',
          enum: ['gathering', 'draft', 'issued', 'voided'],
        },
        statusDetails: {
          type: 'object',
          properties: {
            immutable: {
              type: 'boolean',
            },
            failed: {
              type: 'boolean',
              description: 'True while a critical validation issue keeps the invoice from being issued.',
            },
            extendedStatus: {
              type: 'string',
            },
            availableActions: {
              type: 'object',
              properties: {
                advance: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                approve: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                delete: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                void: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                retry: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
                snapshotQuantities: {
                  $ref: '#/components/schemas/InvoiceAvailableActionDetails',
                },
              },
              description: 'The actions the invoice accepts now: each is refused (409) while it is absent.',
            },
          },
          required: ['immutable', 'failed', 'extendedStatus', 'availableActions'],
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        issuedAt: {
          type: 'string',
        },
        draftUntil: {
          type: 'string',
          description:
            "A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself.",
        },
        voidedAt: {
          type: 'string',
          description: "A voided invoice's: when it was voided.",
        },
        currency: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        workflow: {
          type: 'object',
          properties: {
            sourceBillingProfileId: {
              type: 'string',
            },
            apps: {
              type: 'object',
              properties: {
                tax: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
                payment: {
                  type: 'object',
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                  required: ['id'],
                },
              },
              required: ['tax', 'invoicing', 'payment'],
            },
            workflow: {
              type: 'object',
              properties: {
                collection: {
                  type: 'object',
                  properties: {
                    alignment: {
                      type: 'object',
                      properties: {
                        type: {
                          type: 'string',
                          enum: ['subscription'],
                        },
                      },
                    },
                    interval: {
                      type: 'string',
                    },
                  },
                },
                invoicing: {
                  type: 'object',
                  properties: {
                    autoAdvance: {
                      type: 'boolean',
                    },
                    draftPeriod: {
                      type: 'string',
                    },
                    dueAfter: {
                      type: 'string',
                    },
                    progressiveBilling: {
                      type: 'boolean',
                    },
                  },
                },
                payment: {
                  type: 'object',
                  properties: {
                    collectionMethod: {
                      type: 'string',
                      enum: ['charge_automatically', 'send_invoice'],
                    },
                  },
                },
                tax: {
                  type: 'object',
                  properties: {
                    enabled: {
                      type: 'boolean',
                    },
                    enforced: {
                      type: 'boolean',
                    },
                  },
                },
              },
            },
          },
          required: ['workflow'],
          description:
            "OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow at issue (profile with override), so a later profile change never changes an issued invoice.",
        },
        dueAt: {
          type: 'string',
          description: "When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`.",
        },
        collectionAt: {
          type: 'string',
          description:
            "When the period's usage was collected for issue: its end + the workflow's `collection.interval`.",
        },
        quantitySnapshotedAt: {
          type: 'string',
          description:
            'When `snapshotQuantities` took the quantities, skipping the rest of the collection interval.',
        },
        totals: {
          $ref: '#/components/schemas/InvoiceTotals',
        },
        validationIssues: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ValidationIssue',
          },
        },
        replaces: {
          $ref: '#/components/schemas/DocumentRef',
        },
        correctionOf: {
          $ref: '#/components/schemas/DocumentRef',
        },
        corrections: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/CorrectionRef',
          },
          description:
            "An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never part of its own figures, which stay as issued.",
        },
        lines: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/SimulatedLine',
          },
        },
      },
      required: [
        'number',
        'type',
        'customer',
        'supplier',
        'period',
        'id',
        'status',
        'statusDetails',
        'createdAt',
        'updatedAt',
        'currency',
        'workflow',
        'totals',
        'validationIssues',
        'lines',
      ],
    },
    SimulatedLine: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['flat_fee', 'usage_based'],
          description:
            "A flat fee's line is `flat_fee` (quantity 1); invoices issued before said `usage_based`, and keep it.",
        },
        invoice: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
          },
          required: ['id'],
        },
        period: {
          $ref: '#/components/schemas/Period',
        },
        id: {
          type: 'string',
        },
        status: {
          type: 'string',
          enum: ['valid'],
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        currency: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        totals: {
          $ref: '#/components/schemas/InvoiceTotals',
        },
        name: {
          type: 'string',
        },
        invoiceAt: {
          type: 'string',
        },
        featureKey: {
          type: 'string',
        },
        price: {
          oneOf: [
            {
              $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
            },
            {
              $ref: '#/components/schemas/UnitPriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/TieredPriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/PackagePriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/DynamicPriceWithCommitments',
            },
          ],
        },
        rateCard: {
          type: 'object',
          properties: {
            featureKey: {
              type: 'string',
            },
            price: {
              oneOf: [
                {
                  $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
                },
                {
                  $ref: '#/components/schemas/UnitPriceWithCommitments',
                },
                {
                  $ref: '#/components/schemas/TieredPriceWithCommitments',
                },
                {
                  $ref: '#/components/schemas/PackagePriceWithCommitments',
                },
                {
                  $ref: '#/components/schemas/DynamicPriceWithCommitments',
                },
              ],
            },
            discounts: {
              $ref: '#/components/schemas/Discounts',
            },
          },
          required: ['price'],
        },
        quantity: {
          type: 'string',
        },
        meteredQuantity: {
          type: 'string',
        },
        charge: {
          oneOf: [
            {
              $ref: '#/components/schemas/FlatCharge',
            },
            {
              $ref: '#/components/schemas/UnitCharge',
            },
            {
              $ref: '#/components/schemas/PackageCharge',
            },
            {
              $ref: '#/components/schemas/TieredCharge',
            },
            {
              $ref: '#/components/schemas/DynamicCharge',
            },
          ],
          description:
            "How the total came about (Tally's addition): the pricing engine's working, every figure a decimal string. Absent on a line that could not be priced (its totals are zero; a critical issue says why).",
        },
        correction: {
          $ref: '#/components/schemas/LineCorrection',
        },
        creditOf: {
          type: 'object',
          properties: {
            subscription: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
              },
              required: ['id'],
            },
          },
          required: ['subscription'],
          description:
            "A credit line's (Tally's addition): the subscription a change ended, whose in-advance fee this line gives back for the unused part of its period; `charge` is the part credited.",
        },
        managedBy: {
          type: 'string',
          enum: ['manual'],
        },
      },
      required: [
        'type',
        'invoice',
        'period',
        'id',
        'status',
        'createdAt',
        'updatedAt',
        'currency',
        'totals',
        'name',
        'invoiceAt',
        'price',
        'rateCard',
        'quantity',
        'meteredQuantity',
        'managedBy',
      ],
    },
    StaticEntitlementTemplate: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['static'],
        },
        config: {
          type: 'string',
          description: 'A JSON object, serialized: returned as is by entitlement checks.',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
      },
      required: ['type', 'config'],
    },
    StringFilter: {
      type: 'object',
      properties: {
        $eq: {
          type: 'string',
          nullable: true,
        },
        $ne: {
          type: 'string',
          nullable: true,
        },
        $exists: {
          type: 'boolean',
          nullable: true,
        },
        $in: {
          type: 'array',
          items: {
            type: 'string',
          },
          nullable: true,
        },
        $nin: {
          type: 'array',
          items: {
            type: 'string',
          },
          nullable: true,
        },
        $like: {
          type: 'string',
          nullable: true,
        },
        $nlike: {
          type: 'string',
          nullable: true,
        },
        $ilike: {
          type: 'string',
          nullable: true,
        },
        $nilike: {
          type: 'string',
          nullable: true,
        },
        $contains: {
          type: 'string',
          nullable: true,
        },
        $ncontains: {
          type: 'string',
          nullable: true,
        },
        $gt: {
          type: 'string',
          nullable: true,
        },
        $gte: {
          type: 'string',
          nullable: true,
        },
        $lt: {
          type: 'string',
          nullable: true,
        },
        $lte: {
          type: 'string',
          nullable: true,
        },
        $and: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/StringFilter',
          },
          nullable: true,
        },
        $or: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/StringFilter',
          },
          nullable: true,
        },
      },
    },
    SubjectView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        key: {
          type: 'string',
        },
        displayName: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {},
        },
        currentPeriodStart: {
          type: 'string',
        },
        currentPeriodEnd: {
          type: 'string',
        },
        stripeCustomerId: {
          type: 'string',
        },
        customerId: {
          type: 'string',
        },
        customerKey: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        deletedAt: {
          type: 'string',
        },
      },
      required: ['id', 'key', 'createdAt', 'updatedAt'],
    },
    SubscriptionAddonRateCardView: {
      type: 'object',
      properties: {
        rateCard: {
          oneOf: [
            {
              $ref: '#/components/schemas/FlatFeeRateCard',
            },
            {
              $ref: '#/components/schemas/UsageBasedRateCard',
            },
          ],
        },
        affectedSubscriptionItemIds: {
          type: 'array',
          items: {
            type: 'string',
          },
          description:
            "Empty: Tally bills an add-on's rate cards as lines of their own beside the plan's items, and changes none of them (OpenMeter merges a card into the plan's item of the same key).",
        },
      },
      required: ['rateCard', 'affectedSubscriptionItemIds'],
    },
    SubscriptionAddonView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        activeFrom: {
          type: 'string',
          description: 'Its first quantity change.',
        },
        activeTo: {
          type: 'string',
          description: "Where quantity 0 ended it, else the subscription's end, if either.",
        },
        addon: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
            key: {
              type: 'string',
            },
            version: {
              type: 'number',
            },
            instanceType: {
              type: 'string',
              enum: ['single', 'multiple'],
            },
          },
          required: ['id', 'key', 'version', 'instanceType'],
        },
        quantityAt: {
          type: 'string',
        },
        quantity: {
          type: 'number',
        },
        timeline: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/AddonSegment',
          },
        },
        subscriptionId: {
          type: 'string',
        },
        rateCards: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/SubscriptionAddonRateCardView',
          },
        },
      },
      required: [
        'id',
        'name',
        'createdAt',
        'updatedAt',
        'activeFrom',
        'addon',
        'quantityAt',
        'quantity',
        'timeline',
        'subscriptionId',
        'rateCards',
      ],
    },
    SubscriptionChangeView: {
      type: 'object',
      properties: {
        current: {
          $ref: '#/components/schemas/SubscriptionView',
        },
        next: {
          $ref: '#/components/schemas/SubscriptionExpandedView',
        },
      },
      required: ['current', 'next'],
    },
    SubscriptionExpandedView: {
      type: 'object',
      properties: {
        alignment: {
          type: 'object',
          properties: {
            billablesMustAlign: {
              type: 'boolean',
            },
            currentAlignedBillingPeriod: {
              $ref: '#/components/schemas/Period',
            },
          },
        },
        phases: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/SubscriptionPhaseView',
          },
        },
        id: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        activeFrom: {
          type: 'string',
        },
        activeTo: {
          type: 'string',
        },
        status: {
          type: 'string',
          enum: ['active', 'inactive', 'canceled', 'scheduled'],
        },
        customerId: {
          type: 'string',
        },
        plan: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
            key: {
              type: 'string',
            },
            version: {
              type: 'number',
            },
          },
          required: ['id', 'key', 'version'],
          description: 'The catalog plan; absent for a custom plan (given inline).',
        },
        currency: {
          type: 'string',
        },
        billingCadence: {
          type: 'string',
        },
        billingAnchor: {
          type: 'string',
          description:
            'As given at creation (else `activeFrom`): periods are `billingAnchor + n × billingCadence`.',
        },
        proRatingConfig: {
          $ref: '#/components/schemas/ProRatingConfig',
        },
        settlementMode: {
          type: 'string',
          enum: ['credit_then_invoice', 'credit_only'],
          description:
            "As requested, else the plan's, else OpenMeter's defaults; shown back, not acted on: Tally invoices every period and pins no cost bases.",
        },
        costBasisMode: {
          type: 'string',
          enum: ['dynamic', 'pinned'],
        },
        costBasisPins: {
          type: 'array',
          items: {
            type: 'object',
            properties: {},
          },
        },
        currentPeriod: {
          $ref: '#/components/schemas/Period',
        },
        previousSubscriptionId: {
          type: 'string',
          description:
            "Tally's: the subscription this one replaced by a change or migration (it ended where this one starts).",
        },
        nextSubscriptionId: {
          type: 'string',
          description:
            "Tally's: the subscription a change or migration replaced this one with (it starts at this one's `activeTo`).",
        },
        customized: {
          type: 'boolean',
          description:
            "Tally's: set once the subscription is edited; it then no longer follows its plan (whose reference it keeps).",
        },
      },
      required: [
        'alignment',
        'phases',
        'id',
        'name',
        'createdAt',
        'updatedAt',
        'activeFrom',
        'status',
        'customerId',
        'currency',
        'billingCadence',
        'billingAnchor',
        'proRatingConfig',
        'settlementMode',
        'costBasisMode',
        'costBasisPins',
      ],
    },
    SubscriptionPhaseView: {
      type: 'object',
      properties: {
        key: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        activeFrom: {
          type: 'string',
        },
        activeTo: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        items: {
          type: 'array',
          items: {
            oneOf: [
              {
                type: 'object',
                properties: {
                  type: {
                    type: 'string',
                    enum: ['flat_fee'],
                  },
                  billingCadence: {
                    type: 'string',
                    nullable: true,
                  },
                  price: {
                    allOf: [
                      {
                        $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
                      },
                    ],
                    nullable: true,
                  },
                  key: {
                    type: 'string',
                    description: 'Unique within its phase; equals `featureKey` when that is set.',
                  },
                  name: {
                    type: 'string',
                  },
                  description: {
                    type: 'string',
                  },
                  metadata: {
                    type: 'object',
                    properties: {},
                    additionalProperties: {
                      type: 'string',
                    },
                  },
                  featureKey: {
                    type: 'string',
                  },
                  entitlementTemplate: {
                    oneOf: [
                      {
                        $ref: '#/components/schemas/BooleanEntitlementTemplate',
                      },
                      {
                        $ref: '#/components/schemas/StaticEntitlementTemplate',
                      },
                      {
                        $ref: '#/components/schemas/MeteredEntitlementTemplate',
                      },
                    ],
                    description: 'Needs `featureKey`.',
                  },
                  discounts: {
                    $ref: '#/components/schemas/Discounts',
                  },
                  taxConfig: {
                    $ref: '#/components/schemas/TaxConfig',
                  },
                  activeFrom: {
                    type: 'string',
                  },
                  activeTo: {
                    type: 'string',
                  },
                },
                required: ['type', 'billingCadence', 'price', 'key', 'name', 'activeFrom'],
              },
              {
                type: 'object',
                properties: {
                  type: {
                    type: 'string',
                    enum: ['usage_based'],
                  },
                  billingCadence: {
                    type: 'string',
                  },
                  price: {
                    oneOf: [
                      {
                        $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
                      },
                      {
                        $ref: '#/components/schemas/UnitPriceWithCommitments',
                      },
                      {
                        $ref: '#/components/schemas/TieredPriceWithCommitments',
                      },
                      {
                        $ref: '#/components/schemas/PackagePriceWithCommitments',
                      },
                      {
                        $ref: '#/components/schemas/DynamicPriceWithCommitments',
                      },
                    ],
                    nullable: true,
                  },
                  key: {
                    type: 'string',
                    description: 'Unique within its phase; equals `featureKey` when that is set.',
                  },
                  name: {
                    type: 'string',
                  },
                  description: {
                    type: 'string',
                  },
                  metadata: {
                    type: 'object',
                    properties: {},
                    additionalProperties: {
                      type: 'string',
                    },
                  },
                  featureKey: {
                    type: 'string',
                  },
                  entitlementTemplate: {
                    oneOf: [
                      {
                        $ref: '#/components/schemas/BooleanEntitlementTemplate',
                      },
                      {
                        $ref: '#/components/schemas/StaticEntitlementTemplate',
                      },
                      {
                        $ref: '#/components/schemas/MeteredEntitlementTemplate',
                      },
                    ],
                    description: 'Needs `featureKey`.',
                  },
                  discounts: {
                    $ref: '#/components/schemas/Discounts',
                  },
                  taxConfig: {
                    $ref: '#/components/schemas/TaxConfig',
                  },
                  activeFrom: {
                    type: 'string',
                  },
                  activeTo: {
                    type: 'string',
                  },
                },
                required: ['type', 'billingCadence', 'price', 'key', 'name', 'activeFrom'],
              },
            ],
          },
        },
        itemTimelines: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'array',
            items: {
              oneOf: [
                {
                  type: 'object',
                  properties: {
                    type: {
                      type: 'string',
                      enum: ['flat_fee'],
                    },
                    billingCadence: {
                      type: 'string',
                      nullable: true,
                    },
                    price: {
                      allOf: [
                        {
                          $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
                        },
                      ],
                      nullable: true,
                    },
                    key: {
                      type: 'string',
                      description: 'Unique within its phase; equals `featureKey` when that is set.',
                    },
                    name: {
                      type: 'string',
                    },
                    description: {
                      type: 'string',
                    },
                    metadata: {
                      type: 'object',
                      properties: {},
                      additionalProperties: {
                        type: 'string',
                      },
                    },
                    featureKey: {
                      type: 'string',
                    },
                    entitlementTemplate: {
                      oneOf: [
                        {
                          $ref: '#/components/schemas/BooleanEntitlementTemplate',
                        },
                        {
                          $ref: '#/components/schemas/StaticEntitlementTemplate',
                        },
                        {
                          $ref: '#/components/schemas/MeteredEntitlementTemplate',
                        },
                      ],
                      description: 'Needs `featureKey`.',
                    },
                    discounts: {
                      $ref: '#/components/schemas/Discounts',
                    },
                    taxConfig: {
                      $ref: '#/components/schemas/TaxConfig',
                    },
                    activeFrom: {
                      type: 'string',
                    },
                    activeTo: {
                      type: 'string',
                    },
                  },
                  required: ['type', 'billingCadence', 'price', 'key', 'name', 'activeFrom'],
                },
                {
                  type: 'object',
                  properties: {
                    type: {
                      type: 'string',
                      enum: ['usage_based'],
                    },
                    billingCadence: {
                      type: 'string',
                    },
                    price: {
                      oneOf: [
                        {
                          $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
                        },
                        {
                          $ref: '#/components/schemas/UnitPriceWithCommitments',
                        },
                        {
                          $ref: '#/components/schemas/TieredPriceWithCommitments',
                        },
                        {
                          $ref: '#/components/schemas/PackagePriceWithCommitments',
                        },
                        {
                          $ref: '#/components/schemas/DynamicPriceWithCommitments',
                        },
                      ],
                      nullable: true,
                    },
                    key: {
                      type: 'string',
                      description: 'Unique within its phase; equals `featureKey` when that is set.',
                    },
                    name: {
                      type: 'string',
                    },
                    description: {
                      type: 'string',
                    },
                    metadata: {
                      type: 'object',
                      properties: {},
                      additionalProperties: {
                        type: 'string',
                      },
                    },
                    featureKey: {
                      type: 'string',
                    },
                    entitlementTemplate: {
                      oneOf: [
                        {
                          $ref: '#/components/schemas/BooleanEntitlementTemplate',
                        },
                        {
                          $ref: '#/components/schemas/StaticEntitlementTemplate',
                        },
                        {
                          $ref: '#/components/schemas/MeteredEntitlementTemplate',
                        },
                      ],
                      description: 'Needs `featureKey`.',
                    },
                    discounts: {
                      $ref: '#/components/schemas/Discounts',
                    },
                    taxConfig: {
                      $ref: '#/components/schemas/TaxConfig',
                    },
                    activeFrom: {
                      type: 'string',
                    },
                    activeTo: {
                      type: 'string',
                    },
                  },
                  required: ['type', 'billingCadence', 'price', 'key', 'name', 'activeFrom'],
                },
              ],
            },
          },
        },
      },
      required: ['key', 'name', 'activeFrom', 'createdAt', 'updatedAt', 'items', 'itemTimelines'],
    },
    SubscriptionView: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        activeFrom: {
          type: 'string',
        },
        activeTo: {
          type: 'string',
        },
        status: {
          type: 'string',
          enum: ['active', 'inactive', 'canceled', 'scheduled'],
        },
        customerId: {
          type: 'string',
        },
        plan: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
            },
            key: {
              type: 'string',
            },
            version: {
              type: 'number',
            },
          },
          required: ['id', 'key', 'version'],
          description: 'The catalog plan; absent for a custom plan (given inline).',
        },
        currency: {
          type: 'string',
        },
        billingCadence: {
          type: 'string',
        },
        billingAnchor: {
          type: 'string',
          description:
            'As given at creation (else `activeFrom`): periods are `billingAnchor + n × billingCadence`.',
        },
        proRatingConfig: {
          $ref: '#/components/schemas/ProRatingConfig',
        },
        settlementMode: {
          type: 'string',
          enum: ['credit_then_invoice', 'credit_only'],
          description:
            "As requested, else the plan's, else OpenMeter's defaults; shown back, not acted on: Tally invoices every period and pins no cost bases.",
        },
        costBasisMode: {
          type: 'string',
          enum: ['dynamic', 'pinned'],
        },
        costBasisPins: {
          type: 'array',
          items: {
            type: 'object',
            properties: {},
          },
        },
        currentPeriod: {
          $ref: '#/components/schemas/Period',
        },
        previousSubscriptionId: {
          type: 'string',
          description:
            "Tally's: the subscription this one replaced by a change or migration (it ended where this one starts).",
        },
        nextSubscriptionId: {
          type: 'string',
          description:
            "Tally's: the subscription a change or migration replaced this one with (it starts at this one's `activeTo`).",
        },
        customized: {
          type: 'boolean',
          description:
            "Tally's: set once the subscription is edited; it then no longer follows its plan (whose reference it keeps).",
        },
      },
      required: [
        'id',
        'name',
        'createdAt',
        'updatedAt',
        'activeFrom',
        'status',
        'customerId',
        'currency',
        'billingCadence',
        'billingAnchor',
        'proRatingConfig',
        'settlementMode',
        'costBasisMode',
        'costBasisPins',
      ],
    },
    TaxConfig: {
      type: 'object',
      properties: {
        behavior: {
          type: 'string',
          enum: ['inclusive', 'exclusive'],
        },
        stripe: {
          type: 'object',
          properties: {
            code: {
              type: 'string',
            },
          },
          required: ['code'],
          description: '`^txcd_\\d{8}$`.',
        },
        customInvoicing: {
          type: 'object',
          properties: {
            code: {
              type: 'string',
            },
          },
          required: ['code'],
        },
        taxCodeId: {
          type: 'string',
          description: 'A ULID.',
        },
      },
    },
    TierCharge: {
      type: 'object',
      properties: {
        tierIndex: {
          type: 'number',
        },
        quantity: {
          type: 'string',
        },
        unitAmount: {
          type: 'string',
        },
        flatAmount: {
          type: 'string',
        },
        amount: {
          type: 'string',
        },
      },
      required: ['tierIndex', 'quantity', 'unitAmount', 'flatAmount', 'amount'],
    },
    TieredCharge: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['tiered'],
        },
        mode: {
          type: 'string',
          enum: ['volume', 'graduated'],
        },
        tiers: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/TierCharge',
          },
        },
        currency: {
          type: 'string',
        },
        quantity: {
          type: 'string',
        },
        usageDiscountQuantity: {
          type: 'string',
        },
        billedQuantity: {
          type: 'string',
        },
        subtotal: {
          type: 'string',
        },
        discountPercentage: {
          type: 'string',
          description: '"0" without a percentage discount.',
        },
        discountAmount: {
          type: 'string',
        },
        minimumTrueUp: {
          type: 'string',
          description: "Added so the charge reaches the price's `minimumAmount`.",
        },
        capReduction: {
          type: 'string',
          description: "Removed so the charge stays within the price's `maximumAmount`.",
        },
        unroundedTotal: {
          type: 'string',
        },
        total: {
          type: 'string',
        },
      },
      required: [
        'type',
        'mode',
        'tiers',
        'currency',
        'quantity',
        'usageDiscountQuantity',
        'billedQuantity',
        'subtotal',
        'discountPercentage',
        'discountAmount',
        'minimumTrueUp',
        'capReduction',
        'unroundedTotal',
        'total',
      ],
    },
    TieredPriceWithCommitments: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['tiered'],
        },
        mode: {
          type: 'string',
          enum: ['volume', 'graduated'],
        },
        tiers: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/PriceTier',
          },
        },
        minimumAmount: {
          type: 'string',
        },
        maximumAmount: {
          type: 'string',
        },
      },
      required: ['type', 'mode', 'tiers'],
    },
    UnitCharge: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['unit'],
        },
        unitPrice: {
          type: 'string',
        },
        currency: {
          type: 'string',
        },
        quantity: {
          type: 'string',
        },
        usageDiscountQuantity: {
          type: 'string',
        },
        billedQuantity: {
          type: 'string',
        },
        subtotal: {
          type: 'string',
        },
        discountPercentage: {
          type: 'string',
          description: '"0" without a percentage discount.',
        },
        discountAmount: {
          type: 'string',
        },
        minimumTrueUp: {
          type: 'string',
          description: "Added so the charge reaches the price's `minimumAmount`.",
        },
        capReduction: {
          type: 'string',
          description: "Removed so the charge stays within the price's `maximumAmount`.",
        },
        unroundedTotal: {
          type: 'string',
        },
        total: {
          type: 'string',
        },
      },
      required: [
        'type',
        'unitPrice',
        'currency',
        'quantity',
        'usageDiscountQuantity',
        'billedQuantity',
        'subtotal',
        'discountPercentage',
        'discountAmount',
        'minimumTrueUp',
        'capReduction',
        'unroundedTotal',
        'total',
      ],
    },
    UnitPrice: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['unit'],
        },
        amount: {
          type: 'string',
        },
      },
      required: ['type', 'amount'],
    },
    UnitPriceWithCommitments: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['unit'],
        },
        amount: {
          type: 'string',
          description: 'Price of one unit of usage.',
        },
        minimumAmount: {
          type: 'string',
        },
        maximumAmount: {
          type: 'string',
        },
      },
      required: ['type', 'amount'],
    },
    UsageBasedRateCard: {
      type: 'object',
      properties: {
        type: {
          type: 'string',
          enum: ['usage_based'],
        },
        billingCadence: {
          type: 'string',
        },
        price: {
          oneOf: [
            {
              $ref: '#/components/schemas/FlatPriceWithPaymentTerm',
            },
            {
              $ref: '#/components/schemas/UnitPriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/TieredPriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/PackagePriceWithCommitments',
            },
            {
              $ref: '#/components/schemas/DynamicPriceWithCommitments',
            },
          ],
          nullable: true,
        },
        key: {
          type: 'string',
          description: 'Unique within its phase; equals `featureKey` when that is set.',
        },
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
        featureKey: {
          type: 'string',
        },
        entitlementTemplate: {
          oneOf: [
            {
              $ref: '#/components/schemas/BooleanEntitlementTemplate',
            },
            {
              $ref: '#/components/schemas/StaticEntitlementTemplate',
            },
            {
              $ref: '#/components/schemas/MeteredEntitlementTemplate',
            },
          ],
          description: 'Needs `featureKey`.',
        },
        discounts: {
          $ref: '#/components/schemas/Discounts',
        },
        taxConfig: {
          $ref: '#/components/schemas/TaxConfig',
        },
      },
      required: ['type', 'billingCadence', 'price', 'key', 'name'],
    },
    UsageCloudEvent: {
      type: 'object',
      properties: {
        specversion: {
          type: 'string',
          enum: ['1.0'],
        },
        id: {
          type: 'string',
        },
        source: {
          type: 'string',
        },
        type: {
          type: 'string',
        },
        subject: {
          type: 'string',
        },
        time: {
          type: 'string',
        },
        datacontenttype: {
          type: 'string',
          nullable: true,
        },
        dataschema: {
          type: 'string',
          nullable: true,
        },
        data: {
          type: 'object',
          properties: {},
          additionalProperties: {},
          nullable: true,
        },
      },
      required: ['specversion', 'id', 'source', 'type', 'subject', 'time'],
      additionalProperties: {},
    },
    UsageVoidActor: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        name: {
          type: 'string',
        },
      },
      required: ['id', 'name'],
    },
    UsageVoidView: {
      type: 'object',
      properties: {
        source: {
          type: 'string',
        },
        id: {
          type: 'string',
        },
        reason: {
          type: 'string',
        },
        voidedAt: {
          type: 'string',
        },
        actor: {
          $ref: '#/components/schemas/UsageVoidActor',
        },
      },
      required: ['source', 'id', 'reason', 'voidedAt', 'actor'],
    },
    ValidationIssue: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
        },
        createdAt: {
          type: 'string',
        },
        updatedAt: {
          type: 'string',
        },
        severity: {
          type: 'string',
          enum: ['critical', 'warning'],
        },
        field: {
          type: 'string',
          description: 'JSONPath into the invoice, e.g. `$.lines[1].quantity`.',
        },
        code: {
          type: 'string',
        },
        component: {
          type: 'string',
        },
        message: {
          type: 'string',
        },
        metadata: {
          type: 'object',
          properties: {},
          additionalProperties: {
            type: 'string',
          },
        },
      },
      required: ['id', 'createdAt', 'updatedAt', 'severity', 'code', 'component', 'message'],
    },
    VoidUsageAnswer: {
      type: 'object',
      properties: {
        events: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/UsageVoidView',
          },
        },
      },
      required: ['events'],
    },
    WindowedBalanceHistoryView: {
      type: 'object',
      properties: {
        windowedHistory: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/BalanceHistoryWindowView',
          },
        },
        burndownHistory: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/GrantBurnDownHistorySegmentView',
          },
        },
      },
      required: ['windowedHistory', 'burndownHistory'],
    },
    Workflow: {
      type: 'object',
      properties: {
        collection: {
          type: 'object',
          properties: {
            alignment: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                  enum: ['subscription'],
                },
              },
              required: ['type'],
            },
            interval: {
              type: 'string',
            },
          },
          required: ['alignment', 'interval'],
        },
        invoicing: {
          type: 'object',
          properties: {
            autoAdvance: {
              type: 'boolean',
            },
            draftPeriod: {
              type: 'string',
            },
            dueAfter: {
              type: 'string',
            },
            progressiveBilling: {
              type: 'boolean',
            },
          },
          required: ['autoAdvance', 'draftPeriod', 'dueAfter', 'progressiveBilling'],
        },
        payment: {
          type: 'object',
          properties: {
            collectionMethod: {
              type: 'string',
              enum: ['charge_automatically', 'send_invoice'],
            },
          },
          required: ['collectionMethod'],
        },
        tax: {
          type: 'object',
          properties: {
            enabled: {
              type: 'boolean',
            },
            enforced: {
              type: 'boolean',
            },
          },
          required: ['enabled', 'enforced'],
        },
      },
      required: ['collection', 'invoicing', 'payment', 'tax'],
    },
  },
};
