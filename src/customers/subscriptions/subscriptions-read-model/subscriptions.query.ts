import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Versioned } from '../../../shared/http/etag';
import { Page, SortOrder, pageOf } from '../../../shared/http/list-params';
import { ProjectionsService } from '../../../projections/projections.service';
import {
  Alignment,
  DEFAULT_PRO_RATING_CONFIG,
  ProRatingConfig,
  RateCard,
  SettlementMode,
} from '../../../catalog';
import type { StreamVersion } from '../../../event-store/event-store.port';
import { CLOCK, Clock } from '../../../shared/clock';
import type { SubscriptionAddon } from '../subscription-addons';
import { phaseWindows } from '../subscription-phases';
import { phaseEnd, TimelinePhase } from '../subscription-timeline';
import {
  CostBasisMode,
  PlanSnapshot,
  Subscription,
  SubscriptionState,
  SubscriptionStatus,
  currentBillingPeriod,
  subscriptionStatusAt,
} from '../subscription.decider';
import { SUBSCRIPTIONS_PROJECTION } from './subscriptions.projection';

export interface Period {
  readonly from: string;
  readonly to: string;
}

/** OpenMeter's `Subscription`, plus `currentPeriod`: the billing period in progress, while it runs. */
export interface SubscriptionView {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly activeFrom: string;
  readonly activeTo?: string;
  readonly status: SubscriptionStatus;
  readonly customerId: string;
  /** The catalog plan; absent for a custom plan (given inline). */
  readonly plan?: { readonly id: string; readonly key: string; readonly version: number };
  readonly currency: string;
  readonly billingCadence: string;
  /** As given at creation (else `activeFrom`): periods are `billingAnchor + n × billingCadence`. */
  readonly billingAnchor: string;
  readonly proRatingConfig: ProRatingConfig;
  /**
   * As requested, else the plan's, else OpenMeter's defaults; shown back, not acted on: Tally
   * invoices every period and pins no cost bases.
   */
  readonly settlementMode: SettlementMode;
  readonly costBasisMode: CostBasisMode;
  readonly costBasisPins: readonly never[];
  readonly currentPeriod?: Period;
  /** Tally's: the subscription this one replaced by a change or migration (it ended where this one starts). */
  readonly previousSubscriptionId?: string;
  /** Tally's: the subscription a change or migration replaced this one with (it starts at this one's `activeTo`). */
  readonly nextSubscriptionId?: string;
  /** Tally's: set once the subscription is edited; it then no longer follows its plan (whose reference it keeps). */
  readonly customized?: true;
}

/** One phase of OpenMeter's `SubscriptionExpanded`; its items are the plan's rate cards, with their active range. */
/** OpenMeter's `SubscriptionItem`: one of the plan's rate cards, as the subscription holds it, with its active range. */
export type SubscriptionItemView = RateCard & { readonly activeFrom: string; readonly activeTo?: string };

export interface SubscriptionPhaseView {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly activeFrom: string;
  readonly activeTo?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly items: readonly SubscriptionItemView[];
  readonly itemTimelines: Readonly<Record<string, readonly SubscriptionItemView[]>>;
}

export interface SubscriptionExpandedView extends SubscriptionView {
  readonly alignment: Alignment & { readonly currentAlignedBillingPeriod?: Period };
  readonly phases: readonly SubscriptionPhaseView[];
}

export const CUSTOMER_SUBSCRIPTION_ORDER_BY = ['activeFrom', 'activeTo'] as const;
export type CustomerSubscriptionOrderBy = (typeof CUSTOMER_SUBSCRIPTION_ORDER_BY)[number];

export interface CustomerSubscriptionFilter {
  readonly status?: readonly SubscriptionStatus[];
  readonly order?: SortOrder;
  readonly orderBy?: CustomerSubscriptionOrderBy;
  readonly page?: number;
  readonly pageSize?: number;
}

/** A subscription as its read model holds it, folded back into the decider's state. */
export interface SubscriptionRecord {
  readonly state: Exclude<SubscriptionState, { status: 'empty' }>;
  readonly updatedAt: string;
  readonly version: StreamVersion;
}

/** One subscription, its status and periods as at `at` (default now). */
export class GetSubscription extends Query<Versioned<SubscriptionExpandedView> | undefined> {
  constructor(
    readonly namespace: string,
    readonly id: string,
    readonly options: { readonly at?: string } = {},
  ) {
    super();
  }
}

/** A customer's subscriptions, filtered by their status now. */
export class ListCustomerSubscriptions extends Query<Page<SubscriptionView>> {
  constructor(
    readonly namespace: string,
    readonly customerId: string,
    readonly filter: CustomerSubscriptionFilter,
  ) {
    super();
  }
}

interface SubscriptionRow {
  namespace: string;
  id: string;
  customer_id: string;
  customer_key: string | null;
  name: string;
  description: string | null;
  metadata: Record<string, string> | null;
  plan: PlanSnapshot;
  currency: string;
  billing_cadence: string;
  billing_anchor: Date;
  active_from: Date;
  active_to: Date | null;
  created_at: Date;
  updated_at: Date;
  canceled_at: Date | null;
  stream_version: number;
  alignment: Alignment | null;
  settlement_mode: SettlementMode | null;
  cost_basis_mode: CostBasisMode | null;
  starting_phase: string | null;
  previous_subscription_id: string | null;
  next_subscription_id: string | null;
  timeline: TimelinePhase[] | null;
  addons: SubscriptionAddon[] | null;
}

/** The subscriptions of these customers, oldest first; callers have caught the read model up. */
export async function subscriptionsOf(
  db: DataSource,
  namespace: string,
  customerIds: readonly string[],
): Promise<SubscriptionRecord[]> {
  const rows = await db.query<SubscriptionRow[]>(
    `SELECT * FROM subscriptions WHERE namespace = $1 AND customer_id = ANY($2) ORDER BY active_from, id`,
    [namespace, customerIds],
  );
  return rows.map(recordOf);
}

/** One subscription as its read model holds it; the caller has caught the read model up. */
export async function subscriptionRecord(
  db: DataSource,
  namespace: string,
  id: string,
): Promise<SubscriptionRecord | undefined> {
  const [row] = await db.query<SubscriptionRow[]>(
    `SELECT * FROM subscriptions WHERE namespace = $1 AND id = $2`,
    [namespace, id],
  );
  return row && recordOf(row);
}

/** The subscription running at `at` (active, or canceled but not ended yet), if any. */
export function runningAt(
  records: readonly SubscriptionRecord[],
  at: string,
): SubscriptionRecord | undefined {
  return records.find((record) => {
    const status = subscriptionStatusAt(record.state, at);
    return status === 'active' || status === 'canceled';
  });
}

export function subscriptionView({ state, updatedAt }: SubscriptionRecord, at: string): SubscriptionView {
  const { subscription } = state;
  const period = currentBillingPeriod(state, at);
  return {
    id: subscription.id,
    name: subscription.name,
    ...(subscription.description !== undefined && { description: subscription.description }),
    ...(subscription.metadata !== undefined && { metadata: subscription.metadata }),
    createdAt: subscription.createdAt,
    updatedAt,
    activeFrom: subscription.activeFrom,
    ...(state.status === 'canceled' && { activeTo: state.activeTo }),
    status: subscriptionStatusAt(state, at),
    customerId: subscription.customerId,
    ...(!subscription.plan.custom && {
      plan: { id: subscription.plan.id, key: subscription.plan.key, version: subscription.plan.version },
    }),
    currency: subscription.currency,
    billingCadence: subscription.billingCadence,
    billingAnchor: subscription.billingAnchor,
    proRatingConfig:
      planOption<ProRatingConfig>(subscription, 'proRatingConfig') ?? DEFAULT_PRO_RATING_CONFIG,
    settlementMode:
      subscription.settlementMode ??
      planOption<SettlementMode>(subscription, 'settlementMode') ??
      'credit_then_invoice',
    costBasisMode: subscription.costBasisMode ?? 'dynamic',
    costBasisPins: [],
    ...(period !== undefined && { currentPeriod: { from: period.from, to: period.to } }),
    ...(subscription.previousSubscriptionId !== undefined && {
      previousSubscriptionId: subscription.previousSubscriptionId,
    }),
    ...(state.status === 'canceled' &&
      state.nextSubscriptionId !== undefined && { nextSubscriptionId: state.nextSubscriptionId }),
    ...(subscription.timeline !== undefined && { customized: true as const }),
  };
}

/** An option of the plan as the catalog stored it; the snapshot carries it verbatim. */
function planOption<T>(subscription: Subscription, name: string): T | undefined {
  return (subscription.plan as unknown as Record<string, T | undefined>)[name];
}

function expandedView(record: SubscriptionRecord, at: string): SubscriptionExpandedView {
  const view = subscriptionView(record, at);
  const { createdAt, alignment } = record.state.subscription;
  return {
    ...view,
    alignment: {
      ...(alignment?.billablesMustAlign !== undefined && {
        billablesMustAlign: alignment.billablesMustAlign,
      }),
      ...(view.currentPeriod !== undefined && { currentAlignedBillingPeriod: view.currentPeriod }),
    },
    phases: record.state.subscription.timeline
      ? timelinePhases(record, at)
      : phaseWindows(record.state).map((window) => {
          const phase = window.phase as PlanSnapshot['phases'][number] & {
            name?: string;
            description?: string;
            metadata?: Record<string, string>;
          };
          const range = {
            activeFrom: window.activeFrom,
            ...(window.activeTo !== undefined && { activeTo: window.activeTo }),
          };
          // The subscription keeps the plan's rate cards as the catalog wrote them.
          const items: SubscriptionItemView[] = phase.rateCards.map((rateCard) => ({
            ...(rateCard as RateCard),
            ...range,
          }));
          return {
            key: phase.key,
            name: phase.name ?? phase.key,
            ...(phase.description !== undefined && { description: phase.description }),
            ...(phase.metadata !== undefined && { metadata: phase.metadata }),
            ...range,
            createdAt,
            updatedAt: record.updatedAt,
            items,
            itemTimelines: Object.fromEntries(items.map((item) => [item.key, [item]])),
          };
        }),
  };
}

@QueryHandler(GetSubscription)
export class GetSubscriptionHandler implements IQueryHandler<GetSubscription> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    namespace,
    id,
    options,
  }: GetSubscription): Promise<Versioned<SubscriptionExpandedView> | undefined> {
    await this.projections.readYourWrites([SUBSCRIPTIONS_PROJECTION]);
    const at = options.at ?? this.clock.now().toISOString();
    const [row] = await this.db.query<SubscriptionRow[]>(
      `SELECT * FROM subscriptions WHERE namespace = $1 AND id = $2`,
      [namespace, id],
    );
    return row && { view: expandedView(recordOf(row), at), version: row.stream_version };
  }
}

@QueryHandler(ListCustomerSubscriptions)
export class ListCustomerSubscriptionsHandler implements IQueryHandler<ListCustomerSubscriptions> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    namespace,
    customerId,
    filter,
  }: ListCustomerSubscriptions): Promise<Page<SubscriptionView>> {
    await this.projections.readYourWrites([SUBSCRIPTIONS_PROJECTION]);
    const now = this.clock.now().toISOString();
    // A customer has few subscriptions, and their status is a function of time: filtered here, not in SQL.
    const views = (await subscriptionsOf(this.db, namespace, [customerId]))
      .map((record) => subscriptionView(record, now))
      .filter((view) => filter.status === undefined || filter.status.includes(view.status));
    const key = filter.orderBy ?? 'activeFrom';
    const direction = filter.order === 'DESC' ? -1 : 1;
    // No end sorts after every end: an open subscription runs longest.
    const sortKey = (view: SubscriptionView) =>
      key === 'activeTo' ? (view.activeTo ?? '\uffff') : view.activeFrom;
    views.sort(
      (a, b) =>
        direction * (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.id < b.id ? -1 : 1),
    );
    const { page, pageSize, offset } = pageOf(filter);
    return { totalCount: views.length, page, pageSize, items: views.slice(offset, offset + pageSize) };
  }
}

/**
 * An edited subscription's phases, clipped to its end: each phase's `items` are those running at
 * `at` (or, for a phase not at `at`, at its start, or last), `itemTimelines` every version of each
 * item with its own range.
 */
function timelinePhases(record: SubscriptionRecord, at: string): SubscriptionPhaseView[] {
  const { state, updatedAt } = record;
  const timeline = state.subscription.timeline!;
  const end = state.status === 'canceled' ? state.activeTo : undefined;
  const clip = (to: string | undefined) => (end !== undefined && (to === undefined || to > end) ? end : to);
  return timeline.flatMap((phase, index) => {
    if (end !== undefined && phase.activeFrom >= end) return [];
    const phaseTo = clip(phaseEnd(timeline, index));
    const versions = phase.items
      .map((item) => ({ item, to: clip(item.activeTo ?? phaseTo) }))
      .filter(({ item, to }) => to === undefined || item.activeFrom < to)
      .map(({ item, to }): SubscriptionItemView => ({
        ...(item.rateCard as unknown as RateCard),
        activeFrom: item.activeFrom,
        ...(to !== undefined && { activeTo: to }),
      }));
    const inPhase =
      at < phase.activeFrom ? phase.activeFrom : phaseTo !== undefined && at >= phaseTo ? undefined : at;
    const running = (item: SubscriptionItemView) =>
      inPhase === undefined
        ? item.activeTo === phaseTo
        : item.activeFrom <= inPhase && (item.activeTo === undefined || inPhase < item.activeTo);
    const itemTimelines: Record<string, SubscriptionItemView[]> = {};
    for (const item of versions) (itemTimelines[item.key] ??= []).push(item);
    return [
      {
        key: phase.key,
        name: phase.name,
        ...(phase.description !== undefined && { description: phase.description }),
        activeFrom: phase.activeFrom,
        ...(phaseTo !== undefined && { activeTo: phaseTo }),
        createdAt: state.subscription.createdAt,
        updatedAt,
        items: versions.filter(running),
        itemTimelines,
      },
    ];
  });
}

function recordOf(row: SubscriptionRow): SubscriptionRecord {
  const subscription: Subscription = {
    id: row.id,
    namespace: row.namespace,
    customerId: row.customer_id,
    ...(row.customer_key !== null && { customerKey: row.customer_key }),
    name: row.name,
    ...(row.description !== null && { description: row.description }),
    ...(row.metadata !== null && { metadata: row.metadata }),
    plan: row.plan,
    currency: row.currency,
    billingCadence: row.billing_cadence,
    activeFrom: row.active_from.toISOString(),
    billingAnchor: row.billing_anchor.toISOString(),
    createdAt: row.created_at.toISOString(),
    ...(row.alignment !== null && { alignment: row.alignment }),
    ...(row.settlement_mode !== null && { settlementMode: row.settlement_mode }),
    ...(row.cost_basis_mode !== null && { costBasisMode: row.cost_basis_mode }),
    ...(row.starting_phase !== null && { startingPhase: row.starting_phase }),
    ...(row.previous_subscription_id !== null && { previousSubscriptionId: row.previous_subscription_id }),
    ...(row.timeline !== null && { timeline: row.timeline }),
    ...(row.addons !== null && { addons: row.addons }),
  };
  const state: SubscriptionRecord['state'] =
    row.active_to === null || row.canceled_at === null
      ? { status: 'open', subscription }
      : {
          status: 'canceled',
          subscription,
          activeTo: row.active_to.toISOString(),
          canceledAt: row.canceled_at.toISOString(),
          ...(row.next_subscription_id !== null && { nextSubscriptionId: row.next_subscription_id }),
        };
  return { state, updatedAt: row.updated_at.toISOString(), version: row.stream_version };
}
