import type { DataSource } from 'typeorm';
import { DomainError, invalid, notFound } from '../shared/errors';
import type { EntitlementRequest, GrantRequest, ResolvedFeature } from './entitlement.decider';
import { EntitlementErrorCode, EntitlementProblemCode } from './entitlement-errors';
import type {
  EntitlementCreateRequest,
  EntitlementCreateRequestV1,
  GrantCreateRequest,
  GrantCreateRequestV1,
} from './entitlement-requests.dto';
import {
  customerEntitlement,
  customerFor,
  CustomerRecord,
  customerOfSubject,
  EntitlementRecord,
  liveFeature,
} from './entitlements-read-model/entitlements.query';

/**
 * What every entitlement route resolves first, from `entitlements@v1` (caught up by the caller):
 * whose entitlements — a customer by id or key (v2), or by a subject it holds, as usage is
 * attributed (v1) — and which entitlement, feature or grant the request names.
 */

/** The customer a route is about: `{ customerIdOrKey }` (v2 routes) or `{ subject }` (v1 routes). */
export type Owner = { readonly customerIdOrKey: string } | { readonly subject: string };

export async function ownerCustomer(
  db: DataSource,
  namespace: string,
  owner: Owner,
): Promise<CustomerRecord> {
  if ('subject' in owner) {
    const customer = await customerOfSubject(db, namespace, owner.subject);
    if (!customer)
      throw notFound(EntitlementErrorCode.SUBJECT_NOT_FOUND, `No customer holds subject ${owner.subject}`);
    return customer;
  }
  const customer = await customerFor(db, namespace, owner.customerIdOrKey);
  if (!customer)
    throw notFound(EntitlementErrorCode.CUSTOMER_NOT_FOUND, `Customer ${owner.customerIdOrKey} not found`);
  return customer;
}

/** A customer the routes may change: a deleted one is gone. */
export async function liveOwnerCustomer(
  db: DataSource,
  namespace: string,
  owner: Owner,
): Promise<CustomerRecord> {
  const customer = await ownerCustomer(db, namespace, owner);
  if (customer.deleted)
    throw notFound(EntitlementErrorCode.CUSTOMER_NOT_FOUND, `Customer ${customer.id} is deleted`);
  return customer;
}

/** The customer's entitlement by id, or the one to the feature key in force at `at`; else 404. */
export async function ownedEntitlement(
  db: DataSource,
  namespace: string,
  customer: CustomerRecord,
  idOrFeatureKey: string,
  at: string,
): Promise<EntitlementRecord> {
  const entitlement = await customerEntitlement(db, namespace, customer.id, idOrFeatureKey, at);
  if (!entitlement)
    throw notFound(
      EntitlementErrorCode.NOT_FOUND,
      `Customer ${customer.id} has no entitlement ${idOrFeatureKey} in force`,
    );
  return entitlement;
}

/** Only an override replaces what a subscription provides; its grants and resets are the subscription's. */
export function assertNotManaged(entitlement: EntitlementRecord, what: string): void {
  if (entitlement.subscriptionId !== undefined)
    throw new DomainError(
      'forbidden',
      EntitlementErrorCode.MANAGED_BY_SUBSCRIPTION,
      `Entitlement ${entitlement.id} is managed by subscription ${entitlement.subscriptionId}: ${what} it by overriding it`,
    );
}

/** The live feature a create or override body names (`featureId` first, as OpenMeter reads it); else 400. */
export async function requestedFeature(
  db: DataSource,
  namespace: string,
  body: { readonly featureKey?: string; readonly featureId?: string },
): Promise<ResolvedFeature> {
  const field = body.featureId !== undefined ? 'featureId' : 'featureKey';
  const name = body.featureId ?? body.featureKey;
  if (name === undefined)
    throw invalid(EntitlementErrorCode.INVALID, 'The entitlement names no feature', [
      {
        field: 'body.featureKey',
        code: EntitlementProblemCode.REQUIRED,
        message: 'featureKey or featureId is required',
      },
    ]);
  const feature = await liveFeature(db, namespace, field === 'featureId' ? { id: name } : { key: name });
  if (!feature)
    throw invalid(EntitlementErrorCode.INVALID, `Feature ${name} not found`, [
      {
        field: `body.${field}`,
        code: EntitlementProblemCode.FEATURE_NOT_FOUND,
        message: `no live feature ${name} exists`,
      },
    ]);
  return { id: feature.id, key: feature.key, metered: feature.meterSlug !== undefined, field };
}

/** A grant body as the decider takes it: v2's `maxRolloverAmount` defaults to the amount, v1's to 0. */
export function grantRequestOf(
  body: GrantCreateRequest | GrantCreateRequestV1,
  version: 'v1' | 'v2',
): GrantRequest {
  return {
    amount: body.amount,
    ...(body.priority !== undefined && { priority: body.priority }),
    effectiveAt: body.effectiveAt,
    ...(body.expiration !== undefined && {
      expiration: { duration: body.expiration.duration, count: body.expiration.count },
    }),
    ...(body.minRolloverAmount !== undefined && { minRolloverAmount: body.minRolloverAmount }),
    maxRolloverAmount: body.maxRolloverAmount ?? (version === 'v2' ? body.amount : 0),
    ...(body.recurrence !== undefined && {
      recurrence: {
        interval: body.recurrence.interval,
        ...(body.recurrence.anchor !== undefined && { anchor: body.recurrence.anchor }),
      },
    }),
    ...(body.metadata !== undefined && { metadata: body.metadata }),
    ...(body.annotations !== undefined && { annotations: body.annotations }),
  };
}

/**
 * A create or override body as the decider takes it. v2's `issue` stands before its deprecated
 * `issueAfterReset` and `issueAfterResetPriority`; a priority without an amount is refused.
 */
export function entitlementRequestOf(
  body: EntitlementCreateRequest | EntitlementCreateRequestV1,
  version: 'v1' | 'v2',
): EntitlementRequest {
  const issue =
    'issue' in body && body.issue !== undefined
      ? body.issue
      : body.issueAfterReset !== undefined
        ? {
            amount: body.issueAfterReset,
            ...(body.issueAfterResetPriority !== undefined && { priority: body.issueAfterResetPriority }),
          }
        : undefined;
  if (issue === undefined && body.issueAfterResetPriority !== undefined)
    throw invalid(EntitlementErrorCode.INVALID, 'The entitlement is not valid', [
      {
        field: 'body.issueAfterResetPriority',
        code: EntitlementProblemCode.NOT_ALLOWED,
        message: 'needs issueAfterReset',
      },
    ]);
  const grants = 'grants' in body ? body.grants : undefined;
  return {
    type: body.type,
    ...(body.metadata !== undefined && { metadata: body.metadata }),
    ...(body.config !== undefined && { config: body.config }),
    ...(body.usagePeriod !== undefined && {
      usagePeriod: {
        interval: body.usagePeriod.interval,
        ...(body.usagePeriod.anchor !== undefined && { anchor: body.usagePeriod.anchor }),
      },
    }),
    ...(body.measureUsageFrom !== undefined && { measureUsageFrom: body.measureUsageFrom }),
    ...(body.isSoftLimit !== undefined && { isSoftLimit: body.isSoftLimit }),
    ...(body.preserveOverageAtReset !== undefined && { preserveOverageAtReset: body.preserveOverageAtReset }),
    ...(issue !== undefined && { issueAfterReset: issue }),
    ...(grants !== undefined && { grants: grants.map((grant) => grantRequestOf(grant, version)) }),
  };
}
