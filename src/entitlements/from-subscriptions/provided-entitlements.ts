import type { EntitlementTemplate } from '../../catalog/model';
import { addonTimeline, phaseWindows, SubscriptionState } from '../../customers/model';
import { Decimal, toDecimalString } from '../../shared/money';
import { stableUlid } from '../../shared/stable-id';
import { floorMinute } from '../balance/minutes';
import { intervalIso } from '../balance/usage-period';
import type { EntitlementType, GrantData, RecurringPeriod } from '../entitlement.decider';

/**
 * The entitlements a subscription provides: one per rate card with an `entitlementTemplate` in each
 * phase, active while the phase runs (so it starts with the subscription, and ends with the phase
 * or with the subscription, whichever comes first) — for an edited subscription, while the item
 * runs in its phase, so an edit adding or removing it gives or takes it from the edit's instant. They are a function of the subscription as it
 * stands, computed again at each of its events, so a later change of the subscription only has to
 * change its state. Their ids are derived from what they are (subscription, phase, rate card), so
 * they are the same after any replay.
 *
 * Metered ones count usage as OpenMeter's do: periods of the template's `usagePeriod` (else the
 * rate card's billing cadence, else the plan's) anchored at the subscription's billing anchor,
 * measured from the phase start, both on their minute; an `issueAfterReset` amount becomes a grant
 * restored to that amount at every reset.
 */
export interface ProvidedEntitlement {
  readonly id: string;
  readonly namespace: string;
  readonly subscriptionId: string;
  readonly customerId: string;
  readonly featureKey: string;
  readonly type: EntitlementType;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly config?: string;
  readonly usagePeriod?: RecurringPeriod;
  readonly measureUsageFrom?: string;
  readonly isSoftLimit?: boolean;
  readonly issueAfterReset?: { readonly amount: string; readonly priority: number };
  readonly preserveOverageAtReset?: boolean;
  readonly activeFrom: string;
  readonly activeTo?: string;
  readonly createdAt: string;
  readonly annotations: Readonly<Record<string, unknown>>;
  /** The `issueAfterReset` grant. */
  readonly grant?: GrantData;
}

/** OpenMeter's annotation naming the subscription that manages an entitlement. */
export const SUBSCRIPTION_ANNOTATION = 'subscription.id';

interface RateCardWithTemplate {
  readonly key: string;
  readonly featureKey: string;
  readonly billingCadence?: string | null;
  readonly entitlementTemplate: EntitlementTemplate;
}

function withTemplate(rateCard: unknown): rateCard is RateCardWithTemplate {
  if (typeof rateCard !== 'object' || rateCard === null) return false;
  const card = rateCard as Record<string, unknown>;
  const template = card.entitlementTemplate as Record<string, unknown> | undefined;
  return (
    typeof card.key === 'string' &&
    typeof card.featureKey === 'string' &&
    typeof template === 'object' &&
    template !== null &&
    ['boolean', 'static', 'metered'].includes(template.type as string)
  );
}

/** A rate card of a phase over the part of the subscription it runs in. */
interface ItemWindow {
  readonly phaseKey: string;
  readonly rateCard: unknown;
  readonly activeFrom: string;
  readonly activeTo?: string;
}

/** A span of time: `activeTo` absent runs on. */
interface Span {
  readonly activeFrom: string;
  readonly activeTo?: string;
}

const ms = (at: string) => Date.parse(at);
const earliest = (...ends: (string | undefined)[]) =>
  ends.filter((at): at is string => at !== undefined).sort((a, b) => ms(a) - ms(b))[0];
const covers = (span: Span, from: string, to: string | undefined) =>
  ms(span.activeFrom) <= ms(from) &&
  (span.activeTo === undefined || (to !== undefined && ms(to) <= ms(span.activeTo)));

/** The phases as the subscription runs them (its timeline once edited), cut at a cancelation's end. */
function phaseSpans(state: Exclude<SubscriptionState, { status: 'empty' }>): (Span & { key: string })[] {
  const { timeline } = state.subscription;
  if (!timeline)
    return phaseWindows(state).map((window) => ({
      key: window.phase.key,
      activeFrom: window.activeFrom,
      ...(window.activeTo !== undefined && { activeTo: window.activeTo }),
    }));
  const end = state.status === 'canceled' ? state.activeTo : undefined;
  return timeline.flatMap((phase, index) => {
    const activeTo = earliest(timeline[index + 1]?.activeFrom, end);
    if (activeTo !== undefined && ms(activeTo) <= ms(phase.activeFrom)) return [];
    return [{ key: phase.key, activeFrom: phase.activeFrom, ...(activeTo && { activeTo }) }];
  });
}

/** An add-on's rate card with a template over one segment of its timeline, held `quantity` times. */
interface AddonShare extends Span {
  readonly rateCard: RateCardWithTemplate;
  readonly quantity: number;
}

function addonShares(state: Exclude<SubscriptionState, { status: 'empty' }>): AddonShare[] {
  const end = state.status === 'canceled' ? state.activeTo : undefined;
  return (state.subscription.addons ?? []).flatMap((addon) =>
    addonTimeline(addon, end)
      .filter((segment) => segment.quantity > 0)
      .flatMap((segment) =>
        addon.rateCards.flatMap((rateCard) =>
          withTemplate(rateCard)
            ? [
                {
                  rateCard,
                  quantity: segment.quantity,
                  activeFrom: segment.activeFrom,
                  ...(segment.activeTo !== undefined && { activeTo: segment.activeTo }),
                },
              ]
            : [],
        ),
      ),
  );
}

/** What one entitlement is provided from: a rate card over a span, `issueAfterReset` as add-ons raised it. */
interface Provision extends ItemWindow {
  readonly rateCard: RateCardWithTemplate;
  readonly issueAfterReset?: Decimal;
}

/**
 * Merges the add-on shares held over a span into the plan's rate card of that key, as OpenMeter
 * applies an add-on rate card `quantity` times to the subscription item: with no plan card (or one
 * without a template), the add-on's template is taken; a metered template's `issueAfterReset` is
 * summed; a boolean stays as it is. A share OpenMeter would refuse (another feature, a static
 * template, types that differ) changes nothing.
 */
function merged(
  planCard: unknown,
  shares: readonly AddonShare[],
): Pick<Provision, 'rateCard' | 'issueAfterReset'> | undefined {
  let rateCard = withTemplate(planCard) ? planCard : undefined;
  let issueAfterReset: Decimal | undefined;
  const planFeature = (planCard as { featureKey?: unknown } | undefined)?.featureKey;
  for (const share of shares) {
    const template = share.rateCard.entitlementTemplate;
    const amount = new Decimal(String(template.type === 'metered' ? (template.issueAfterReset ?? 0) : 0));
    if (planFeature !== undefined && planFeature !== share.rateCard.featureKey) continue;
    let times = share.quantity;
    if (rateCard === undefined) {
      rateCard =
        planCard === undefined
          ? share.rateCard
          : {
              ...(planCard as RateCardWithTemplate),
              featureKey: share.rateCard.featureKey,
              entitlementTemplate: template,
            };
      times -= 1;
    }
    const current = rateCard.entitlementTemplate;
    if (times === 0 || current.type !== 'metered' || template.type !== 'metered') continue;
    issueAfterReset = (issueAfterReset ?? new Decimal(String(current.issueAfterReset ?? 0))).plus(
      amount.times(times),
    );
  }
  return rateCard && { rateCard, ...(issueAfterReset !== undefined && { issueAfterReset }) };
}

/**
 * The item windows with the add-ons merged in: within each phase, a key an add-on share touches is
 * cut wherever a plan item or a share starts or ends, each piece is merged (`merged`), and adjacent
 * pieces of the same plan item that come out the same are joined again.
 */
function provisions(state: Exclude<SubscriptionState, { status: 'empty' }>): Provision[] {
  const windows = itemWindows(state);
  const shares = addonShares(state);
  const plain = (window: ItemWindow): Provision[] =>
    withTemplate(window.rateCard) ? [{ ...window, rateCard: window.rateCard }] : [];
  if (shares.length === 0) return windows.flatMap(plain);
  const result: Provision[] = [];
  for (const phase of phaseSpans(state)) {
    const inPhase = shares
      .map((share) => ({
        ...share,
        activeFrom: ms(share.activeFrom) > ms(phase.activeFrom) ? share.activeFrom : phase.activeFrom,
        activeTo: earliest(share.activeTo, phase.activeTo),
      }))
      .filter((share) => share.activeTo === undefined || ms(share.activeTo) > ms(share.activeFrom));
    const touched = new Set(inPhase.map((share) => share.rateCard.key));
    const planWindows = windows.filter((window) => window.phaseKey === phase.key);
    for (const window of planWindows) {
      if (!touched.has((window.rateCard as { key?: unknown }).key as string)) result.push(...plain(window));
    }
    for (const key of touched) {
      const items = planWindows.filter((window) => (window.rateCard as { key?: unknown }).key === key);
      const keyShares = inPhase.filter((share) => share.rateCard.key === key);
      const cuts = [...new Set([...items, ...keyShares].flatMap((span) => [span.activeFrom, span.activeTo]))]
        .filter((at): at is string => at !== undefined)
        .sort((a, b) => ms(a) - ms(b));
      const open = [...items, ...keyShares].some((span) => span.activeTo === undefined);
      let last: { item?: ItemWindow; provision: Provision } | undefined;
      cuts.forEach((from, index) => {
        const to = cuts[index + 1];
        if (to === undefined && !open) return;
        const item = items.find((window) => covers(window, from, to));
        const held = keyShares.filter((share) => covers(share, from, to));
        if (!item && held.length === 0) return;
        const merge = merged(item?.rateCard, held);
        if (!merge) return;
        const provision: Provision = {
          phaseKey: phase.key,
          ...merge,
          activeFrom: from,
          ...(to && { activeTo: to }),
        };
        if (
          last &&
          last.item === item &&
          last.provision.activeTo === from &&
          JSON.stringify([last.provision.rateCard, last.provision.issueAfterReset]) ===
            JSON.stringify([merge.rateCard, merge.issueAfterReset])
        ) {
          const joined: Provision = {
            ...last.provision,
            ...(to ? { activeTo: to } : { activeTo: undefined }),
          };
          result[result.indexOf(last.provision)] = joined;
          last = { item, provision: joined };
          return;
        }
        result.push(provision);
        last = { item, provision };
      });
    }
  }
  return result;
}

/**
 * The plan's phases, each rate card for its whole phase; an edited subscription's timeline instead,
 * each item from where it starts (an edit added it then) to where it ends (an edit removed it then),
 * within its phase — all cut at a cancelation's end.
 */
function itemWindows(state: Exclude<SubscriptionState, { status: 'empty' }>): ItemWindow[] {
  const { timeline } = state.subscription;
  if (!timeline) {
    return phaseWindows(state).flatMap((window) =>
      window.phase.rateCards.map((rateCard) => ({
        phaseKey: window.phase.key,
        rateCard,
        activeFrom: window.activeFrom,
        ...(window.activeTo !== undefined && { activeTo: window.activeTo }),
      })),
    );
  }
  const end = state.status === 'canceled' ? state.activeTo : undefined;
  return timeline.flatMap((phase, index) =>
    phase.items.flatMap((item) => {
      const activeFrom =
        Date.parse(item.activeFrom) > Date.parse(phase.activeFrom) ? item.activeFrom : phase.activeFrom;
      const activeTo = earliest(timeline[index + 1]?.activeFrom, item.activeTo, end);
      if (activeTo !== undefined && Date.parse(activeTo) <= Date.parse(activeFrom)) return [];
      return [{ phaseKey: phase.key, rateCard: item.rateCard, activeFrom, ...(activeTo && { activeTo }) }];
    }),
  );
}

export function providedEntitlements(state: SubscriptionState): ProvidedEntitlement[] {
  if (state.status === 'empty') return [];
  const { subscription } = state;
  const provided: ProvidedEntitlement[] = [];
  for (const window of provisions(state)) {
    const { rateCard } = window;
    const template = rateCard.entitlementTemplate;
    const id = stableUlid(
      new Date(window.activeFrom),
      'entitlement',
      subscription.id,
      window.phaseKey,
      rateCard.key,
    );
    const base = {
      id,
      namespace: subscription.namespace,
      subscriptionId: subscription.id,
      customerId: subscription.customerId,
      featureKey: rateCard.featureKey,
      type: template.type,
      ...(template.metadata !== undefined && { metadata: template.metadata }),
      activeFrom: window.activeFrom,
      ...(window.activeTo !== undefined && { activeTo: window.activeTo }),
      createdAt: subscription.createdAt,
      annotations: { [SUBSCRIPTION_ANNOTATION]: subscription.id, 'subscription.owner': ['subscription'] },
    };
    if (template.type === 'boolean') provided.push(base);
    else if (template.type === 'static') provided.push({ ...base, config: template.config });
    else {
      const interval =
        intervalIso(template.usagePeriod) ??
        intervalIso(rateCard.billingCadence) ??
        intervalIso(subscription.billingCadence);
      if (interval === undefined) continue;
      const measureUsageFrom = new Date(floorMinute(Date.parse(window.activeFrom))).toISOString();
      const amount =
        window.issueAfterReset ??
        (template.issueAfterReset === undefined ? undefined : new Decimal(String(template.issueAfterReset)));
      const issue =
        amount === undefined
          ? undefined
          : { amount: toDecimalString(amount), priority: template.issueAfterResetPriority ?? 1 };
      provided.push({
        ...base,
        usagePeriod: {
          interval,
          anchor: new Date(floorMinute(Date.parse(subscription.billingAnchor))).toISOString(),
        },
        measureUsageFrom,
        isSoftLimit: template.isSoftLimit ?? false,
        preserveOverageAtReset: template.preserveOverageAtReset ?? false,
        ...(issue !== undefined && { issueAfterReset: issue }),
        ...(issue !== undefined &&
          amount!.greaterThan(0) && {
            grant: {
              id: stableUlid(new Date(measureUsageFrom), 'grant', id),
              entitlementId: id,
              namespace: subscription.namespace,
              amount: issue.amount,
              priority: issue.priority,
              effectiveAt: measureUsageFrom,
              minRolloverAmount: issue.amount,
              maxRolloverAmount: issue.amount,
              annotations: { issueAfterReset: true },
              createdAt: subscription.createdAt,
            },
          }),
      });
    }
  }
  return provided;
}
