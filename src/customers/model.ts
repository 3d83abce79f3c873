/**
 * The customers context's published model: the pure part of its face, which pure code in other
 * contexts may import. `index.ts` adds the module and read-model queries.
 */
export { claimedKeysOf, CustomerErrors } from './customers/customer.decider';
export type { CustomerEvent } from './customers/customer.decider';
export { billingPeriodContaining, periodsBetween } from './subscriptions/billing-period';
export { phaseAt, phaseWindows } from './subscriptions/subscription-phases';
export type { PhaseWindow } from './subscriptions/subscription-phases';
export { subscriptionStatusAt } from './subscriptions/subscription.decider';
export { addonTimeline } from './subscriptions/subscription-addons';
export type { AddonSegment, SubscriptionAddon } from './subscriptions/subscription-addons';
export type { TimelineItem, TimelinePhase } from './subscriptions/subscription-timeline';
export type {
  PlanPhaseSnapshot,
  PlanSnapshot,
  Subscription,
  SubscriptionEvent,
  SubscriptionState,
} from './subscriptions/subscription.decider';
