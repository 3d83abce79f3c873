/**
 * Add-ons on a subscription (OpenMeter's `SubscriptionAddon`): a published add-on version copied
 * into the subscription, with its quantity over time. Quantities are an append-only list of changes
 * (`{ at, quantity }`, in order), from which the timeline, the quantity at an instant and the span
 * are derived; quantity 0 ends it (a later change may start it again).
 */

/** OpenMeter's `AddonInstanceType`. */
export type AddonInstanceType = 'single' | 'multiple';

/** One change of quantity, from `at` on. */
export interface AddonQuantityChange {
  readonly at: string;
  readonly quantity: number;
}

export interface SubscriptionAddon {
  readonly id: string;
  readonly addon: {
    readonly id: string;
    readonly key: string;
    readonly version: number;
    readonly instanceType: AddonInstanceType;
  };
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** The add-on version's rate cards, JSON as the catalog stores them: what billing prices. */
  readonly rateCards: readonly ({ readonly key: string } & Readonly<Record<string, unknown>>)[];
  /** The plan's `maxQuantity` for it when it was added (absent: no limit). */
  readonly maxQuantity?: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly quantities: readonly AddonQuantityChange[];
}

/**
 * The add-on as the catalog offers it to this subscription, resolved by the handler: its published
 * version (`status`), and whether the subscription's plan offers it (`offered`; a custom plan takes
 * any add-on of its currency), from which phase and up to which quantity.
 */
export interface AddonOffer {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly currency: string;
  readonly instanceType: AddonInstanceType;
  readonly status: 'draft' | 'active' | 'archived';
  readonly rateCards: SubscriptionAddon['rateCards'];
  readonly offered: boolean;
  readonly fromPlanPhase?: string;
  readonly maxQuantity?: number;
}

/** OpenMeter's `SubscriptionAddonTimelineSegment`. */
export interface AddonSegment {
  readonly activeFrom: string;
  readonly activeTo?: string;
  readonly quantity: number;
}

/**
 * Sorted and continuous: each change runs to the next one, the last to `end` (the subscription's,
 * if it has one). Segments that would start at or after `end` never run and are left out.
 */
export function addonTimeline(addon: SubscriptionAddon, end?: string): AddonSegment[] {
  const segments: AddonSegment[] = [];
  addon.quantities.forEach((change, index) => {
    if (end !== undefined && change.at >= end) return;
    const next = addon.quantities[index + 1]?.at;
    const to = next !== undefined && (end === undefined || next < end) ? next : end;
    segments.push({
      activeFrom: change.at,
      ...(to !== undefined && { activeTo: to }),
      quantity: change.quantity,
    });
  });
  return segments;
}

/** The quantity at `instant`: 0 before the first change. */
export function addonQuantityAt(addon: SubscriptionAddon, instant: string): number {
  return addon.quantities.filter((change) => change.at <= instant).at(-1)?.quantity ?? 0;
}

/** A rate card whose price is not flat bills usage, which does not multiply by a quantity. */
export function hasUsagePrice(rateCards: SubscriptionAddon['rateCards']): boolean {
  return rateCards.some((card) => {
    const price = card.price as { type?: string } | null | undefined;
    return price != null && price.type !== 'flat';
  });
}
