import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RateCard } from '../../../catalog';
import { ProjectionsService } from '../../../projections/projections.service';
import type { Versioned } from '../../../shared/http/etag';
import { CLOCK, Clock } from '../../../shared/clock';
import { AddonSegment, SubscriptionAddon, addonQuantityAt, addonTimeline } from '../subscription-addons';
import { SUBSCRIPTIONS_PROJECTION } from '../subscriptions-read-model/subscriptions.projection';
import { SubscriptionRecord, subscriptionRecord } from '../subscriptions-read-model/subscriptions.query';

/** OpenMeter's `SubscriptionAddonRateCard`. */
export interface SubscriptionAddonRateCardView {
  readonly rateCard: RateCard;
  /**
   * Empty: Tally bills an add-on's rate cards as lines of their own beside the plan's items, and
   * changes none of them (OpenMeter merges a card into the plan's item of the same key).
   */
  readonly affectedSubscriptionItemIds: readonly string[];
}

/** OpenMeter's `SubscriptionAddon`. */
export interface SubscriptionAddonView {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Its first quantity change. */
  readonly activeFrom: string;
  /** Where quantity 0 ended it, else the subscription's end, if either. */
  readonly activeTo?: string;
  readonly addon: SubscriptionAddon['addon'];
  readonly quantityAt: string;
  readonly quantity: number;
  readonly timeline: readonly AddonSegment[];
  readonly subscriptionId: string;
  readonly rateCards: readonly SubscriptionAddonRateCardView[];
}

/** A subscription's add-ons (undefined: no such subscription), resolved at now. */
export class ListSubscriptionAddons extends Query<Versioned<SubscriptionAddonView[]> | undefined> {
  constructor(
    readonly namespace: string,
    readonly subscriptionId: string,
  ) {
    super();
  }
}

@QueryHandler(ListSubscriptionAddons)
export class ListSubscriptionAddonsHandler implements IQueryHandler<ListSubscriptionAddons> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    namespace,
    subscriptionId,
  }: ListSubscriptionAddons): Promise<Versioned<SubscriptionAddonView[]> | undefined> {
    await this.projections.readYourWrites([SUBSCRIPTIONS_PROJECTION]);
    const record = await subscriptionRecord(this.db, namespace, subscriptionId);
    if (!record) return undefined;
    const now = this.clock.now().toISOString();
    return {
      view: (record.state.subscription.addons ?? []).map((addon) => addonView(record, addon, now)),
      version: record.version,
    };
  }
}

function addonView(record: SubscriptionRecord, addon: SubscriptionAddon, at: string): SubscriptionAddonView {
  const { state } = record;
  const end = state.status === 'canceled' ? state.activeTo : undefined;
  const timeline = addonTimeline(addon, end);
  const last = timeline.at(-1);
  const activeTo = last === undefined ? end : last.quantity === 0 ? last.activeFrom : last.activeTo;
  return {
    id: addon.id,
    name: addon.name,
    ...(addon.description !== undefined && { description: addon.description }),
    ...(addon.metadata !== undefined && { metadata: addon.metadata }),
    createdAt: addon.createdAt,
    updatedAt: addon.updatedAt,
    activeFrom: addon.quantities[0]!.at,
    ...(activeTo !== undefined && { activeTo }),
    addon: addon.addon,
    quantityAt: at,
    quantity: end !== undefined && at >= end ? 0 : addonQuantityAt(addon, at),
    timeline,
    subscriptionId: state.subscription.id,
    rateCards: addon.rateCards.map((rateCard) => ({
      rateCard: rateCard as unknown as RateCard,
      affectedSubscriptionItemIds: [],
    })),
  };
}
