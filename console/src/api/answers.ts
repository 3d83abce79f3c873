/**
 * What the API answers, written by hand where Tally's OpenAPI document does not describe an answer
 * yet (most routes: their controllers have no response schemas). Requests are typed from the
 * generated `schema.d.ts`; phase 2 of issue 24 gives the routes their answer schemas, and this file
 * gives way to the generated types.
 */
import type { components } from './schema';

export type Role = 'system' | 'admin' | 'ingest' | 'read';
export type Aggregation = 'SUM' | 'COUNT' | 'UNIQUE_COUNT' | 'AVG' | 'MIN' | 'MAX' | 'LATEST';

export interface Page<T> {
  readonly totalCount: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: T[];
}

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: { field: string; message: string; code?: string }[];
}

export interface Session {
  readonly namespace: string;
  readonly role: Role;
  readonly tokenId: string;
  readonly tokenName: string;
  readonly csrfToken?: string;
  readonly expiresAt?: string;
}

export interface Meter {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
  readonly eventType: string;
  readonly aggregation: Aggregation;
  readonly valueProperty?: string;
  readonly groupBy: Record<string, string>;
  readonly createdAt: string;
}

export interface MeterQueryRow {
  readonly value: number;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly subject?: string | null;
  readonly customerId?: string | null;
  readonly groupBy: Record<string, string | null>;
}

export interface MeterQueryAnswer {
  readonly windowSize?: string;
  readonly data: MeterQueryRow[];
}

export interface Feature {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly meterSlug?: string;
  readonly createdAt: string;
  readonly archivedAt?: string;
}

export type Price =
  | { type: 'unit'; amount: string }
  | { type: 'flat'; amount: string; paymentTerm?: string }
  | { type: 'package'; amount: string; quantityPerPackage: string }
  | { type: 'tiered'; mode: 'graduated' | 'volume'; tiers: Tier[] };

export interface Tier {
  upToAmount?: string;
  unitPrice?: { type: 'unit'; amount: string };
  flatPrice?: { type: 'flat'; amount: string };
}

export type EntitlementTemplate =
  | { type: 'boolean' }
  | { type: 'static'; config: string }
  | { type: 'metered'; issueAfterReset?: number; isSoftLimit?: boolean };

export interface RateCard {
  key: string;
  name: string;
  type: 'usage_based' | 'flat_fee';
  featureKey?: string;
  billingCadence: string | null;
  price: Price | null;
  entitlementTemplate?: EntitlementTemplate;
}

export interface PlanPhase {
  key: string;
  name: string;
  duration: string | null;
  rateCards: RateCard[];
}

export interface Plan {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly description?: string;
  readonly currency: string;
  readonly billingCadence: string;
  readonly status: 'draft' | 'active' | 'archived' | 'scheduled';
  readonly phases: PlanPhase[];
  readonly createdAt: string;
}

export interface Customer {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly currency?: string;
  readonly primaryEmail?: string;
  readonly usageAttribution: { subjectKeys: string[] };
  readonly currentSubscriptionId?: string;
  readonly createdAt: string;
}

export interface Subscription {
  readonly id: string;
  readonly name: string;
  readonly status: 'active' | 'inactive' | 'canceled' | 'scheduled';
  readonly activeFrom: string;
  readonly activeTo?: string;
  readonly customerId: string;
  readonly plan: { id: string; key: string; version: number };
  readonly currency: string;
  readonly billingCadence: string;
  readonly currentPeriod?: { from: string; to: string };
  readonly phases?: { key: string; items: RateCard[] }[];
}

export interface Totals {
  readonly amount: string;
  readonly total: string;
  readonly discountsTotal?: string;
  readonly taxesTotal?: string;
}

export interface InvoiceLine {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly featureKey?: string;
  readonly quantity?: string;
  readonly meteredQuantity?: string;
  readonly price?: Price;
  readonly currency: string;
  readonly period?: { from: string; to: string };
  readonly totals: Totals;
  readonly charge?: { unitPrice?: string };
}

export interface ValidationIssue {
  readonly id?: string;
  readonly severity: 'critical' | 'warning';
  readonly field?: string;
  readonly code: string;
  readonly message: string;
}

export interface Invoice {
  readonly id: string;
  readonly number: string;
  readonly type: string;
  readonly status: string;
  readonly currency: string;
  readonly createdAt: string;
  readonly issuedAt?: string;
  readonly period?: { from: string; to: string };
  readonly customer: { id: string; key?: string; name: string };
  readonly totals: Totals;
  readonly lines?: InvoiceLine[];
  readonly validationIssues?: ValidationIssue[];
}

export interface CloudEvent {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject?: string;
  readonly time?: string;
  readonly data?: unknown;
}

export interface IngestedEvent {
  readonly event: CloudEvent;
  readonly customerId?: string;
  readonly validationError?: string;
  readonly ingestedAt: string;
  readonly storedAt: string;
}

export interface Lineage {
  readonly invoiceId: string;
  readonly lineId: string;
  readonly meteredQuantity: string;
  readonly featureKey: string;
  readonly meterSlug: string;
  readonly aggregation: Aggregation;
  readonly totalCount: number;
  readonly items: { event: CloudEvent; value?: string; repeats?: number }[];
}

export interface AuditEvent {
  readonly position: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { actor?: { id: string; name: string }; correlationId?: string };
  readonly recordedAt: string;
}

export interface EntitlementValue {
  readonly hasAccess: boolean;
  readonly config?: string;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: string;
  readonly lag: number;
  readonly state: 'running' | 'rebuilding' | 'stopped' | 'failed';
  readonly error?: string;
}

export type Reconciliation = components['schemas']['ReconciliationAnswerDto'];

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly revokedAt?: string;
  readonly secret?: string;
}
