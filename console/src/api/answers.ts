/**
 * What the API answers, by the names the console's pages use: each is a type of Tally's OpenAPI
 * document (`schema.d.ts`, generated from `/docs-json`, whose answer schemas are generated from the
 * types the controllers return), so an answer's change breaks this build, not the console's users.
 */
import type { components, operations } from './schema';

type Schemas = components['schemas'];
type Json<Operation extends keyof operations, Status extends number> = operations[Operation] extends {
  responses: { [S in Status]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Role = Schemas['ApiToken']['role'];
export type Aggregation = Schemas['MeterView']['aggregation'];

/** A page of a list, as every paged route answers one. */
export interface Page<T> {
  readonly totalCount: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: T[];
}

/** A problem+json answer; a failure without one (the network, a proxy) carries its status alone. */
export type Problem = Partial<Schemas['ProblemDetails']> & { readonly status: number };

export type Session = Schemas['ConsoleSessionAnswer'];
export type Meter = Schemas['MeterView'];
export type MeterQueryAnswer = Json<'queryMeter', 200>;
export type MeterQueryRow = MeterQueryAnswer['data'][number];
export type Feature = Schemas['FeatureView'];
export type RateCard = Schemas['UsageBasedRateCard'] | Schemas['FlatFeeRateCard'];
export type Price = NonNullable<RateCard['price']>;
export type Tier = Schemas['PriceTier'];
export type EntitlementTemplate = NonNullable<RateCard['entitlementTemplate']>;
export type PlanPhase = Schemas['PlanPhaseView'];
export type Plan = Schemas['PlanView'];
export type Customer = Schemas['CustomerView'];
export type Subscription = Schemas['SubscriptionView'];
export type Totals = Schemas['InvoiceTotals'];
export type InvoiceLine = Schemas['InvoiceLine'];
export type ValidationIssue = Schemas['ValidationIssue'];
export type Invoice = Schemas['Invoice'];
export type InvoicePreview = Json<'previewCustomerInvoice', 200>;
export type CloudEvent = Schemas['UsageCloudEvent'];
export type IngestedEvent = Schemas['IngestedEvent'];
export type IngestedEventsPage = Schemas['IngestedEventsPage'];
export type Lineage = Schemas['LineLineage'];
export type AuditEvent = Schemas['AuditEntry'];
export type Entitlement = Schemas['EntitlementV2View'];
export type EntitlementValue = Schemas['EntitlementValueV2View'];
export type ProjectionStatus = Schemas['ProjectionStatus'];
export type Reconciliation = Schemas['ReconciliationAnswerDto'];
export type ApiToken = Schemas['ApiToken'];
export type CreatedToken = Json<'createToken', 201>;
