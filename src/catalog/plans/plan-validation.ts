import { isCurrencyCode } from '../../shared/currencies';
import { FieldProblem } from '../../shared/errors';
import { Decimal, isDecimalString } from '../../shared/money';
import { CatalogProblemCode as Code } from '../catalog-errors';
import {
  descriptionProblems,
  isCatalogKey,
  isPlainObject,
  isTimestamp,
  keyProblems,
  metadataProblems,
  nameProblems,
  problem,
  timestampProblems,
} from '../catalog-rules';
import { CalendarDuration, dividesEvenly, parseCalendarDuration, sameDuration } from './billing-cadence';
import type { Plan, PlanContent, PlanPhase } from './plan.decider';
import { Discounts, validatePrice, PRICE_TYPES, Price } from './price';
import {
  ENTITLEMENT_TEMPLATE_TYPES,
  EntitlementTemplate,
  RATE_CARD_TYPES,
  RateCard,
  TAX_BEHAVIORS,
  TaxConfig,
} from './rate-card';

/** OpenMeter's enum, repeated here so this pure module needs nothing of the decider's runtime. */
const SETTLEMENT_MODES = ['credit_then_invoice', 'credit_only'];
const ULID = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const STRIPE_TAX_CODE = /^txcd_\d{8}$/;

/**
 * Plan validation, split in two:
 * - `planProblems`: everything the plan itself must satisfy; checked on every create and update
 *   (`draft`), and with how its rate cards' cadences relate to its own on publish (`publish`);
 * - `planReferenceProblems`: what depends on other aggregates (features); checked on publish, so a
 *   draft may name a feature that does not exist yet.
 * Each returns every problem it finds, with paths such as `phases[0].rateCards[1].price.amount`.
 * Price checks live in `priceProblems`, the one place to hand over to the price model's `validatePrice`.
 */

/** What the publish handler found for one feature key: `undefined` when no live feature has it. */
export interface ResolvedFeature {
  /** The aggregation of the feature's meter; absent for a feature without a meter. */
  readonly aggregation?: string;
}
export type ResolvedFeatures = Readonly<Record<string, ResolvedFeature | undefined>>;

const durationMessage =
  'must be a positive ISO-8601 duration of whole units, at least one hour, of months or of days and time but not both (e.g. P1M)';

/**
 * `draft`: what a plan must satisfy to be kept at all, on every create and update. `publish` adds
 * how its rate cards' cadences relate to its own (they divide it evenly; with `billablesMustAlign`,
 * the priced ones equal it): OpenMeter keeps a misaligned draft, lists the problems in its
 * `validationErrors` and refuses to publish it, so a draft may be mended with a PUT.
 */
export type PlanStage = 'draft' | 'publish';

export function planProblems(plan: Plan, stage: PlanStage): FieldProblem[] {
  return [
    ...keyProblems('key', plan.key),
    ...(Number.isSafeInteger(plan.version) && plan.version >= 1
      ? []
      : [problem('version', Code.INVALID_VERSION, 'must be an integer of at least 1')]),
    ...customPlanProblems(plan, stage),
  ];
}

/**
 * What a plan without a key or version must satisfy: a plan given inline to one subscription
 * (`customPlan`, held to the `publish` stage), and every catalog plan too.
 */
export function customPlanProblems(
  plan: PlanContent & { readonly currency: string },
  stage: PlanStage,
): FieldProblem[] {
  const cadence = parseCalendarDuration(plan.billingCadence);
  return [
    ...nameProblems('name', plan.name),
    ...descriptionProblems('description', plan.description),
    ...metadataProblems('metadata', plan.metadata),
    ...(isCurrencyCode(plan.currency)
      ? []
      : [
          problem(
            'currency',
            Code.INVALID_CURRENCY,
            'must be an ISO 4217 currency code with a minor unit, such as USD',
          ),
        ]),
    ...(cadence ? [] : [problem('billingCadence', Code.INVALID_DURATION, durationMessage)]),
    ...proRatingProblems(plan.proRatingConfig),
    ...alignmentProblems(plan.alignment),
    ...(plan.settlementMode === undefined || SETTLEMENT_MODES.includes(plan.settlementMode)
      ? []
      : [problem('settlementMode', Code.INVALID_ENUM, `must be one of ${SETTLEMENT_MODES.join(', ')}`)]),
    ...phasesProblems(plan.phases, {
      cadence: stage === 'publish' ? cadence : undefined,
      mustAlign: plan.alignment?.billablesMustAlign === true,
    }),
  ];
}

/**
 * The rate cards of a plan that break `billablesMustAlign`: with a price (billable) and a recurring
 * cadence other than the plan's own. OpenMeter's rule while it had the flag ("ratecards with prices
 * must have the exact same billing cadence"); a subscription that asks for alignment checks its plan
 * with it too.
 */
export function unalignedRateCardProblems(
  plan: Pick<PlanContent, 'billingCadence' | 'phases'>,
): FieldProblem[] {
  const cadence = parseCalendarDuration(plan.billingCadence);
  if (!cadence) return [];
  return listOf(plan.phases).flatMap((phase, i) =>
    listOf(isPlainObject(phase) ? phase.rateCards : []).flatMap((rateCard, j) =>
      isPlainObject(rateCard) ? alignmentRuleProblems(rateCard, `phases[${i}].rateCards[${j}]`, cadence) : [],
    ),
  );
}

export function planReferenceProblems(plan: Plan, features: ResolvedFeatures): FieldProblem[] {
  return listOf(plan.phases).flatMap((phase, i) =>
    listOf(isPlainObject(phase) ? phase.rateCards : []).flatMap((rateCard, j) =>
      rateCardReferenceProblems(rateCard, `phases[${i}].rateCards[${j}]`, features),
    ),
  );
}

/**
 * An add-on's rate cards, held to a plan's rules (one way): keys unique, each card as a plan's. Their
 * cadences are checked against a plan's when the add-on is attached to one, since an add-on has none.
 */
export function rateCardListProblems(rateCards: unknown, path: string): FieldProblem[] {
  if (!Array.isArray(rateCards)) return [problem(path, Code.REQUIRED, 'must be a list of rate cards')];
  const rule: CadenceRule = { cadence: undefined, mustAlign: false };
  return [
    ...duplicateKeyProblems(rateCards as readonly RateCard[], (j) => `${path}[${j}].key`),
    ...(rateCards as readonly RateCard[]).flatMap((rateCard, j) =>
      rateCardProblems(rateCard, `${path}[${j}]`, rule),
    ),
  ];
}

/** What an add-on's rate cards need of features: as `planReferenceProblems`, checked on publish. */
export function rateCardListReferenceProblems(
  rateCards: readonly RateCard[],
  path: string,
  features: ResolvedFeatures,
): FieldProblem[] {
  return listOf(rateCards).flatMap((rateCard, j) =>
    rateCardReferenceProblems(rateCard, `${path}[${j}]`, features),
  );
}

export function effectiveFromProblems(effectiveFrom: string | undefined, now: string): FieldProblem[] {
  if (effectiveFrom === undefined) return [];
  if (!isTimestamp(effectiveFrom)) return timestampProblems('effectiveFrom', effectiveFrom);
  return Date.parse(effectiveFrom) < Date.parse(now)
    ? [problem('effectiveFrom', Code.EFFECTIVE_FROM_IN_PAST, 'may not be in the past')]
    : [];
}

function proRatingProblems(config: unknown): FieldProblem[] {
  if (!isPlainObject(config)) return [problem('proRatingConfig', Code.REQUIRED, 'must be { enabled, mode }')];
  return [
    ...(typeof config.enabled === 'boolean'
      ? []
      : [problem('proRatingConfig.enabled', Code.REQUIRED, 'must be true or false')]),
    ...(includes(['prorate_prices'], config.mode)
      ? []
      : [problem('proRatingConfig.mode', Code.INVALID_ENUM, 'must be prorate_prices')]),
  ];
}

function alignmentProblems(alignment: unknown): FieldProblem[] {
  if (alignment === undefined) return [];
  if (!isPlainObject(alignment))
    return [problem('alignment', Code.INVALID_ENUM, 'must be { billablesMustAlign }')];
  const { billablesMustAlign } = alignment;
  return billablesMustAlign === undefined || typeof billablesMustAlign === 'boolean'
    ? []
    : [problem('alignment.billablesMustAlign', Code.INVALID_ENUM, 'must be true or false')];
}

/**
 * The plan's cadence, when rate cards are held to it (undefined for a draft, or when it is not
 * valid), and whether billables must match it exactly.
 */
interface CadenceRule {
  readonly cadence: CalendarDuration | undefined;
  readonly mustAlign: boolean;
}

function phasesProblems(phases: unknown, rule: CadenceRule): FieldProblem[] {
  if (!Array.isArray(phases) || phases.length === 0)
    return [problem('phases', Code.NO_PHASES, 'a plan needs at least one phase')];
  const typed = phases as readonly PlanPhase[];
  return [
    ...duplicateKeyProblems(typed, (i) => `phases[${i}].key`),
    ...typed.flatMap((phase, i) => phaseProblems(phase, `phases[${i}]`, i === typed.length - 1, rule)),
  ];
}

function phaseProblems(phase: PlanPhase, path: string, last: boolean, rule: CadenceRule): FieldProblem[] {
  if (!isPlainObject(phase)) return [problem(path, Code.REQUIRED, 'must be a phase object')];
  const problems = [
    ...keyProblems(`${path}.key`, phase.key),
    ...nameProblems(`${path}.name`, phase.name),
    ...descriptionProblems(`${path}.description`, phase.description),
    ...metadataProblems(`${path}.metadata`, phase.metadata),
  ];
  if (phase.duration === null || phase.duration === undefined) {
    if (!last)
      problems.push(
        problem(
          `${path}.duration`,
          Code.PHASE_DURATION,
          'only the last phase may be open-ended; give this one a duration',
        ),
      );
  } else if (last) {
    problems.push(
      problem(`${path}.duration`, Code.PHASE_DURATION, 'the last phase must be open-ended (duration null)'),
    );
  } else if (!parseCalendarDuration(phase.duration)) {
    problems.push(problem(`${path}.duration`, Code.INVALID_DURATION, durationMessage));
  }
  if (!Array.isArray(phase.rateCards))
    return [...problems, problem(`${path}.rateCards`, Code.REQUIRED, 'must be a list of rate cards')];
  return [
    ...problems,
    ...duplicateKeyProblems(phase.rateCards, (j) => `${path}.rateCards[${j}].key`),
    ...phase.rateCards.flatMap((rateCard, j) => rateCardProblems(rateCard, `${path}.rateCards[${j}]`, rule)),
  ];
}

function duplicateKeyProblems(
  items: readonly { readonly key?: unknown }[],
  field: (index: number) => string,
): FieldProblem[] {
  const seen = new Set<unknown>();
  return items.flatMap((item, index) => {
    const key = isPlainObject(item) ? item.key : undefined;
    if (key === undefined || !seen.has(key)) {
      seen.add(key);
      return [];
    }
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a Set finds repeats of primitives only
    return [problem(field(index), Code.DUPLICATE_KEY, `key ${String(key)} is used twice`)];
  });
}

function rateCardProblems(rateCard: RateCard, path: string, rule: CadenceRule): FieldProblem[] {
  if (!isPlainObject(rateCard)) return [problem(path, Code.REQUIRED, 'must be a rate card object')];
  if (!includes(RATE_CARD_TYPES, rateCard.type))
    return [problem(`${path}.type`, Code.INVALID_ENUM, `must be one of ${RATE_CARD_TYPES.join(', ')}`)];
  const problems = [
    ...keyProblems(`${path}.key`, rateCard.key),
    ...nameProblems(`${path}.name`, rateCard.name),
    ...descriptionProblems(`${path}.description`, rateCard.description),
    ...metadataProblems(`${path}.metadata`, rateCard.metadata),
  ];
  if (rateCard.featureKey !== undefined) {
    problems.push(...keyProblems(`${path}.featureKey`, rateCard.featureKey));
    if (rateCard.key !== rateCard.featureKey)
      problems.push(problem(`${path}.key`, Code.KEY_MISMATCH, 'must equal featureKey'));
  }
  if (rateCard.entitlementTemplate !== undefined) {
    if (rateCard.featureKey === undefined)
      problems.push(problem(`${path}.featureKey`, Code.REQUIRED, 'an entitlement template needs a feature'));
    problems.push(
      ...entitlementTemplateProblems(rateCard.entitlementTemplate, `${path}.entitlementTemplate`),
    );
  }
  problems.push(...rateCardCadenceProblems(rateCard, path, rule));
  if (rateCard.taxConfig !== undefined)
    problems.push(...taxConfigProblems(rateCard.taxConfig, `${path}.taxConfig`));
  const price = rateCard.price ?? null;
  if (price !== null) {
    const allowed: readonly string[] = rateCard.type === 'flat_fee' ? ['flat'] : PRICE_TYPES;
    if (!isPlainObject(price) || !allowed.includes(price.type)) {
      problems.push(
        problem(
          `${path}.price.type`,
          Code.UNSUPPORTED_PRICE,
          `a ${rateCard.type} rate card takes a ${allowed.join(', ')} price`,
        ),
      );
    } else {
      problems.push(...priceProblems(price, `${path}.price`));
      if (price.type !== 'flat' && rateCard.featureKey === undefined) {
        problems.push(
          problem(
            `${path}.featureKey`,
            Code.REQUIRED,
            `a ${price.type} price needs the feature whose usage it prices`,
          ),
        );
      }
    }
  }
  if (rateCard.discounts !== undefined)
    problems.push(...discountProblems(rateCard.discounts, rateCard.type, price, `${path}.discounts`));
  return problems;
}

function rateCardCadenceProblems(rateCard: RateCard, path: string, rule: CadenceRule): FieldProblem[] {
  const field = `${path}.billingCadence`;
  if (rateCard.billingCadence === null || rateCard.billingCadence === undefined) {
    return rateCard.type === 'usage_based'
      ? [problem(field, Code.REQUIRED, 'a usage-based rate card needs a billing cadence')]
      : [];
  }
  const cadence = parseCalendarDuration(rateCard.billingCadence);
  if (!cadence) return [problem(field, Code.INVALID_DURATION, durationMessage)];
  const planCadence = rule.cadence;
  if (planCadence && !dividesEvenly(cadence, planCadence)) {
    return [
      problem(
        field,
        Code.CADENCE_MISMATCH,
        "must equal the plan's billing cadence or divide it evenly (P1M in P1Y, P1W in P4W)",
      ),
    ];
  }
  return planCadence && rule.mustAlign ? alignmentRuleProblems(rateCard, path, planCadence) : [];
}

/** `billablesMustAlign`: a rate card with a price bills at exactly the plan's cadence, or once. */
function alignmentRuleProblems(
  rateCard: RateCard,
  path: string,
  planCadence: CalendarDuration,
): FieldProblem[] {
  const billable = rateCard.price !== null && rateCard.price !== undefined;
  const cadence = parseCalendarDuration(rateCard.billingCadence);
  if (!billable || !cadence || sameDuration(cadence, planCadence)) return [];
  return [
    problem(
      `${path}.billingCadence`,
      Code.CADENCE_UNALIGNED,
      "ratecards with prices must have the exact same billing cadence: the plan's, as alignment.billablesMustAlign asks",
    ),
  ];
}

/** OpenMeter's `TaxConfig`, checked as its spec says; Tally keeps it but calculates no tax. */
function taxConfigProblems(taxConfig: TaxConfig, path: string): FieldProblem[] {
  if (!isPlainObject(taxConfig)) return [problem(path, Code.INVALID_TAX_CONFIG, 'must be an object')];
  const problems: FieldProblem[] = [];
  if (taxConfig.behavior !== undefined && !includes(TAX_BEHAVIORS, taxConfig.behavior))
    problems.push(
      problem(`${path}.behavior`, Code.INVALID_ENUM, `must be one of ${TAX_BEHAVIORS.join(', ')}`),
    );
  if (
    taxConfig.taxCodeId !== undefined &&
    !(typeof taxConfig.taxCodeId === 'string' && ULID.test(taxConfig.taxCodeId))
  )
    problems.push(problem(`${path}.taxCodeId`, Code.INVALID_TAX_CONFIG, 'must be a tax code id (ULID)'));
  for (const [provider, pattern] of [
    ['stripe', STRIPE_TAX_CODE],
    ['customInvoicing', undefined],
  ] as const) {
    const config: unknown = taxConfig[provider];
    if (config === undefined) continue;
    const code = isPlainObject(config) ? config.code : undefined;
    if (typeof code !== 'string' || code === '' || (pattern && !pattern.test(code)))
      problems.push(
        problem(
          `${path}.${provider}.code`,
          Code.INVALID_TAX_CONFIG,
          pattern ? `must match ${pattern.source}` : 'is required',
        ),
      );
  }
  return problems;
}

/**
 * A price billing can compute: the price model's `validatePrice` is the rule for both, so nothing is
 * published that billing would refuse. Its fields are rooted at `price`; they are moved under `path`.
 */
export function priceProblems(price: Price, path: string): FieldProblem[] {
  return validatePrice(price).map((found) => ({ ...found, field: path + found.field.slice('price'.length) }));
}

function decimalProblems(field: string, value: unknown, { positive = false } = {}): FieldProblem[] {
  if (!isDecimalString(value))
    return [problem(field, Code.INVALID_DECIMAL, 'must be a decimal string such as "12.5"')];
  const amount = new Decimal(value);
  if (amount.isNegative() && !amount.isZero())
    return [problem(field, Code.INVALID_DECIMAL, 'may not be negative')];
  if (positive && amount.isZero()) return [problem(field, Code.INVALID_DECIMAL, 'must be greater than 0')];
  return [];
}

function discountProblems(
  discounts: Discounts,
  rateCardType: RateCard['type'],
  price: Price | null,
  path: string,
): FieldProblem[] {
  if (!isPlainObject(discounts))
    return [problem(path, Code.INVALID_DISCOUNT, 'must be { percentage?, usage? }')];
  if (price === null) return [problem(path, Code.NOT_ALLOWED, 'a free rate card has nothing to discount')];
  const problems: FieldProblem[] = [];
  const { percentage, usage } = discounts;
  if (percentage !== undefined) {
    const value: unknown = isPlainObject(percentage) ? percentage.percentage : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
      problems.push(
        problem(`${path}.percentage.percentage`, Code.INVALID_DISCOUNT, 'must be a number from 0 to 100'),
      );
    }
  }
  if (usage !== undefined) {
    if (rateCardType === 'flat_fee' || price.type === 'flat') {
      problems.push(
        problem(`${path}.usage`, Code.NOT_ALLOWED, 'a usage discount needs a usage-based, non-flat price'),
      );
    } else {
      problems.push(
        ...decimalProblems(`${path}.usage.quantity`, isPlainObject(usage) ? usage.quantity : undefined, {
          positive: true,
        }),
      );
    }
  }
  return problems;
}

function entitlementTemplateProblems(template: EntitlementTemplate, path: string): FieldProblem[] {
  if (!isPlainObject(template) || !includes(ENTITLEMENT_TEMPLATE_TYPES, template.type)) {
    return [
      problem(`${path}.type`, Code.INVALID_ENUM, `must be one of ${ENTITLEMENT_TEMPLATE_TYPES.join(', ')}`),
    ];
  }
  const problems = metadataProblems(`${path}.metadata`, template.metadata);
  switch (template.type) {
    case 'boolean':
      return problems;
    case 'static':
      return isJsonObjectText(template.config)
        ? problems
        : [
            ...problems,
            problem(
              `${path}.config`,
              Code.INVALID_ENTITLEMENT,
              'must be a JSON object, serialized as a string',
            ),
          ];
    case 'metered': {
      const { issueAfterReset, issueAfterResetPriority, usagePeriod, isSoftLimit, preserveOverageAtReset } =
        template;
      if (
        issueAfterReset !== undefined &&
        !(typeof issueAfterReset === 'number' && Number.isFinite(issueAfterReset) && issueAfterReset >= 0)
      ) {
        problems.push(
          problem(`${path}.issueAfterReset`, Code.INVALID_ENTITLEMENT, 'must be a number of at least 0'),
        );
      }
      if (issueAfterResetPriority !== undefined) {
        if (!(
          Number.isInteger(issueAfterResetPriority) &&
          issueAfterResetPriority >= 1 &&
          issueAfterResetPriority <= 255
        )) {
          problems.push(
            problem(
              `${path}.issueAfterResetPriority`,
              Code.INVALID_ENTITLEMENT,
              'must be an integer from 1 to 255',
            ),
          );
        } else if (issueAfterReset === undefined) {
          problems.push(
            problem(`${path}.issueAfterResetPriority`, Code.INVALID_ENTITLEMENT, 'needs issueAfterReset'),
          );
        }
      }
      if (usagePeriod !== undefined && !parseCalendarDuration(usagePeriod)) {
        problems.push(problem(`${path}.usagePeriod`, Code.INVALID_DURATION, durationMessage));
      }
      for (const [name, flag] of [
        ['isSoftLimit', isSoftLimit],
        ['preserveOverageAtReset', preserveOverageAtReset],
      ] as const) {
        if (flag !== undefined && typeof flag !== 'boolean')
          problems.push(problem(`${path}.${name}`, Code.INVALID_ENTITLEMENT, 'must be true or false'));
      }
      return problems;
    }
  }
}

function rateCardReferenceProblems(
  rateCard: RateCard,
  path: string,
  features: ResolvedFeatures,
): FieldProblem[] {
  if (!isPlainObject(rateCard) || !isCatalogKey(rateCard.featureKey)) return [];
  const feature = Object.hasOwn(features, rateCard.featureKey) ? features[rateCard.featureKey] : undefined;
  if (feature === undefined)
    return [
      problem(`${path}.featureKey`, Code.FEATURE_NOT_FOUND, `no live feature ${rateCard.featureKey} exists`),
    ];
  if (feature.aggregation !== undefined) return [];
  const problems: FieldProblem[] = [];
  if (isPlainObject(rateCard.entitlementTemplate) && rateCard.entitlementTemplate.type === 'metered') {
    problems.push(
      problem(
        `${path}.entitlementTemplate`,
        Code.FEATURE_NOT_METERED,
        `feature ${rateCard.featureKey} has no meter to entitle`,
      ),
    );
  }
  if (rateCard.type === 'usage_based' && isPlainObject(rateCard.price) && rateCard.price.type !== 'flat') {
    problems.push(
      problem(
        `${path}.featureKey`,
        Code.FEATURE_NOT_METERED,
        `feature ${rateCard.featureKey} has no meter to price`,
      ),
    );
  }
  return problems;
}

function isJsonObjectText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return isPlainObject(JSON.parse(value));
  } catch {
    return false;
  }
}

/** Malformed input may lack a list the types promise; validation reports that elsewhere. */
function listOf<T>(value: readonly T[]): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function includes<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return (allowed as readonly unknown[]).includes(value);
}
