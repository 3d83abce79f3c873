import { DateTime, Duration } from 'luxon';
import type { FieldProblem } from '../../shared/errors';

/**
 * OpenMeter's `BillingWorkflow`, whole: a profile stores every setting resolved (defaults filled in),
 * so what an invoice is issued under never depends on which defaults the code had at the time.
 */
export interface Workflow {
  readonly collection: { readonly alignment: { readonly type: 'subscription' }; readonly interval: string };
  readonly invoicing: {
    readonly autoAdvance: boolean;
    readonly draftPeriod: string;
    readonly dueAfter: string;
    readonly progressiveBilling: boolean;
  };
  readonly payment: { readonly collectionMethod: CollectionMethod };
  readonly tax: { readonly enabled: boolean; readonly enforced: boolean };
}

export const COLLECTION_METHODS = ['charge_automatically', 'send_invoice'] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

type DeepPartial<T> = { readonly [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
/** A workflow as a request gives it: any setting may be left out. */
export type WorkflowInput = DeepPartial<Workflow>;

/**
 * OpenMeter's defaults. Profiles stored before `progressiveBilling` could be set hold `false`, resolved
 * then: their invoice-now cuts a period only when the request or an override asks for it.
 */
export const DEFAULT_WORKFLOW: Workflow = {
  collection: { alignment: { type: 'subscription' }, interval: 'PT1H' },
  invoicing: { autoAdvance: true, draftPeriod: 'P0D', dueAfter: 'P30D', progressiveBilling: true },
  payment: { collectionMethod: 'charge_automatically' },
  tax: { enabled: true, enforced: false },
};

/** `input`'s settings over `base`'s, one setting at a time. */
export function resolveWorkflow(input: WorkflowInput | undefined, base: Workflow): Workflow {
  return {
    collection: {
      alignment: { type: 'subscription' },
      interval: input?.collection?.interval ?? base.collection.interval,
    },
    invoicing: { ...base.invoicing, ...defined(input?.invoicing) },
    payment: { ...base.payment, ...defined(input?.payment) },
    tax: { ...base.tax, ...defined(input?.tax) },
  };
}

function defined<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The longest workflow duration accepted: enough for any payment term, far from dates PostgreSQL cannot hold. */
const LONGEST_MS = 5 * 366 * 24 * 3_600_000;

/**
 * A workflow duration (`PT1H`, `P0D`, `P30D`, `P1M`): ISO 8601, whole non-negative units, at most
 * about five years. `undefined` for anything else, including luxon's lenient `P` and `-P1D`.
 */
export function parseWorkflowDuration(value: unknown): Duration | undefined {
  if (typeof value !== 'string' || !/^P(?!$)/.test(value)) return undefined;
  const duration = Duration.fromISO(value);
  if (!duration.isValid) return undefined;
  if (!Object.values(duration.toObject()).every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  const span = DateTime.fromMillis(0, { zone: 'utc' }).plus(duration).toMillis();
  return span <= LONGEST_MS ? duration : undefined;
}

/** `instant` (an ISO string) plus a workflow duration, along the UTC calendar, as an ISO string. */
export function addWorkflowDuration(instant: string, duration: string): string {
  const parsed = parseWorkflowDuration(duration) ?? Duration.fromMillis(0);
  return DateTime.fromISO(instant, { zone: 'utc' }).plus(parsed).toUTC().toISO()!;
}

/** `instant` minus a workflow duration, along the UTC calendar, as an ISO string. */
export function subtractWorkflowDuration(instant: string, duration: string): string {
  const parsed = parseWorkflowDuration(duration) ?? Duration.fromMillis(0);
  return DateTime.fromISO(instant, { zone: 'utc' }).minus(parsed).toUTC().toISO()!;
}

/** A workflow duration in milliseconds from `instant` (months and days along the UTC calendar). */
export function workflowDurationMs(instant: string, duration: string): number {
  return Date.parse(addWorkflowDuration(instant, duration)) - Date.parse(instant);
}

/** `COLLECTION_GRACE_SECONDS` as the default profile's `collection.interval` (`3600` → `PT1H`). */
export function intervalOfSeconds(seconds: number): string {
  return Duration.fromObject({ seconds }).shiftTo('hours', 'minutes', 'seconds').toISO();
}

/** What a workflow (resolved) breaks of Tally's rules, each named by its path under `field`. */
export function workflowProblems(field: string, workflow: WorkflowInput | undefined): FieldProblem[] {
  if (workflow === undefined) return [];
  const problems: FieldProblem[] = [];
  const durations: [string, unknown][] = [
    ['collection.interval', workflow.collection?.interval],
    ['invoicing.draftPeriod', workflow.invoicing?.draftPeriod],
    ['invoicing.dueAfter', workflow.invoicing?.dueAfter],
  ];
  for (const [path, value] of durations) {
    if (value !== undefined && parseWorkflowDuration(value) === undefined) {
      problems.push({
        field: `${field}.${path}`,
        code: 'BILLING.INVALID_DURATION',
        message: 'must be an ISO 8601 duration of whole non-negative units, at most five years (P30D, PT1H)',
      });
    }
  }
  return problems;
}
