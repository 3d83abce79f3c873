import type { MixedList } from 'typeorm';
import { EventStore1732400000000 } from './migrations/1732400000000-event-store';
import { ProjectionCheckpoints1732400000100 } from './migrations/1732400000100-projection-checkpoints';
import { ApiTokens1732400000200 } from './migrations/1732400000200-api-tokens';
import { CatalogReadModels1732400100000 } from './migrations/1732400100000-catalog-read-models';
import { CustomerReadModels1732400100100 } from './migrations/1732400100100-customer-read-models';
import { UsageReadModels1732400200000 } from './migrations/1732400200000-usage-read-models';
import { UsageDistinctCounters1732400600000 } from './migrations/1732400600000-usage-distinct-counters';
import { UsageUnitTotals1732400600100 } from './migrations/1732400600100-usage-unit-totals';
import { AuditLog1732400400000 } from './migrations/1732400400000-audit-log';
import { BillingView1732400300000 } from './migrations/1732400300000-billing-view';
import { ReconciliationIntake1732400700000 } from './migrations/1732400700000-reconciliation-intake';
import { EventStoreStreamOrder1732400800000 } from './migrations/1732400800000-event-store-stream-order';
import { UsageDistinctSlots1732400800100 } from './migrations/1732400800100-usage-distinct-slots';
import { UsageEventsJson1732400800200 } from './migrations/1732400800200-usage-events-json';
import { EventStoreLogOrderKey1732400800300 } from './migrations/1732400800300-event-store-log-order-key';
import { EventStoreJson1732400800400 } from './migrations/1732400800400-event-store-json';
import { SystemRole1732400930000 } from './migrations/1732400930000-system-role';
import { ConsoleSessions1732401000000 } from './migrations/1732401000000-console-sessions';
import { UsageVoids1796619197103 } from './migrations/1796619197103-usage-voids';
import { BillingCorrections1796619197203 } from './migrations/1796619197203-billing-corrections';
import { OpenMeterPlanOptions1796619200000 } from './migrations/1796619200000-openmeter-plan-options';
import { FeatureFilters1796619300000 } from './migrations/1796619300000-feature-filters';
import { Entitlements1796619303163 } from './migrations/1796619303163-entitlements';
import { Subjects1796619400000 } from './migrations/1796619400000-subjects';
import { PortalTokens1796619500000 } from './migrations/1796619500000-portal-tokens';
import { BillingProfiles1796622170394 } from './migrations/1796622170394-billing-profiles';
import { InvoiceStatuses1796642273397 } from './migrations/1796642273397-invoice-statuses';
import { SubscriptionLinks1796642280780 } from './migrations/1796642280780-subscription-links';
import { Addons1796652530683 } from './migrations/1796652530683-addons';
import { SubscriptionEdits1796652897241 } from './migrations/1796652897241-subscription-edits';
import { InvoiceCuts1796653609523 } from './migrations/1796653609523-invoice-cuts';
import { PendingLines1796653900000 } from './migrations/1796653900000-pending-lines';
import { InvoiceEdits1796657900594 } from './migrations/1796657900594-invoice-edits';
import { SubscriptionAddons1796662742794 } from './migrations/1796662742794-subscription-addons';
import { EntitlementSubscriptionEdits1796663216825 } from './migrations/1796663216825-entitlement-subscription-edits';

/**
 * Every TypeORM entity and migration, listed explicitly: the same list serves `npm start`, the
 * worker, the tests and the benchmark, whether the code runs from `src/` or `dist/`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: MixedList<Function> = [];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: MixedList<Function> = [
  EventStore1732400000000,
  ProjectionCheckpoints1732400000100,
  ApiTokens1732400000200,
  CatalogReadModels1732400100000,
  CustomerReadModels1732400100100,
  UsageReadModels1732400200000,
  BillingView1732400300000,
  AuditLog1732400400000,
  UsageDistinctCounters1732400600000,
  UsageUnitTotals1732400600100,
  ReconciliationIntake1732400700000,
  EventStoreStreamOrder1732400800000,
  UsageDistinctSlots1732400800100,
  UsageEventsJson1732400800200,
  EventStoreLogOrderKey1732400800300,
  EventStoreJson1732400800400,
  SystemRole1732400930000,
  ConsoleSessions1732401000000,
  UsageVoids1796619197103,
  BillingCorrections1796619197203,
  OpenMeterPlanOptions1796619200000,
  FeatureFilters1796619300000,
  Entitlements1796619303163,
  Subjects1796619400000,
  PortalTokens1796619500000,
  BillingProfiles1796622170394,
  InvoiceStatuses1796642273397,
  SubscriptionLinks1796642280780,
  Addons1796652530683,
  SubscriptionEdits1796652897241,
  InvoiceCuts1796653609523,
  PendingLines1796653900000,
  InvoiceEdits1796657900594,
  SubscriptionAddons1796662742794,
  EntitlementSubscriptionEdits1796663216825,
];
