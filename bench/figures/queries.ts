import type { Api } from '../lib/api';
import type { Expected } from '../lib/events';
import { percentile, timed } from '../lib/stats';
import {
  CUSTOMER,
  TOKENS_FEATURE,
  TOKENS_METER,
  USERS_FEATURE,
  USERS_METER,
  type BillingWindow,
} from './catalog';

export interface LatencyRound {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Unmeasured requests before the rounds (the same for every round of a call). */
  readonly warmups: number;
}

export interface LatencyOptions {
  readonly rounds: number;
  readonly requests: number;
  readonly warmup: number;
  /**
   * Slow answers make for fewer requests: the warm-up stops after a tenth of this, and rounds are cut
   * (never under 5 requests) to fit the rest.
   */
  readonly budgetMs: number;
}

/**
 * One client asking `path` again and again, each request after the previous answer: `rounds` rounds
 * after up to `warmup` unmeasured requests, p50/p99 per round.
 */
export async function latency(
  api: Api,
  path: string,
  token: string,
  options: LatencyOptions,
): Promise<LatencyRound[]> {
  let warmups = 0;
  const { ms: warmupMs } = await timed(async () => {
    const deadline = performance.now() + options.budgetMs / 10;
    do {
      await api.ok('GET', path, { token });
      warmups += 1;
    } while (warmups < options.warmup && performance.now() < deadline);
  });
  const affordable = Math.floor((options.budgetMs - warmupMs) / options.rounds / (warmupMs / warmups));
  const requests = Math.min(options.requests, Math.max(5, affordable));
  const rounds: LatencyRound[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) samples.push((await timed(() => api.ok('GET', path, { token }))).ms);
    rounds.push({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), requests, warmups });
  }
  return rounds;
}

export function meterQueryPath(meter: string, window: BillingWindow): string {
  return `/api/v1/meters/${meter}/query?from=${encodeURIComponent(window.from.toISOString())}&to=${encodeURIComponent(window.to.toISOString())}`;
}

export const PREVIEW_PATH = `/api/v1/billing/customers/${CUSTOMER}/invoices/preview`;

/** Differences between what the meters and the preview show and what the events add up to; empty when right. */
export async function wrongAnswers(
  api: Api,
  token: string,
  window: BillingWindow,
  expected: Expected,
  options: { readonly preview: boolean },
): Promise<string[]> {
  const problems: string[] = [];
  const meterValue = async (meter: string) => {
    const answer = await api.ok<{ data?: { value?: number }[] }>('GET', meterQueryPath(meter, window), {
      token,
    });
    return (answer.data ?? []).reduce((sum, row) => sum + Number(row.value ?? 0), 0);
  };
  const check = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted) problems.push(`${what} is ${actual}, the events make it ${wanted}`);
  };
  check(`meter ${USERS_METER}`, await meterValue(USERS_METER), expected.distinctUsers);
  check(`meter ${TOKENS_METER}`, await meterValue(TOKENS_METER), expected.tokens);
  if (options.preview) {
    type Line = { featureKey?: string; rateCard?: { featureKey?: string }; quantity?: string };
    const invoice = await api.ok<{ lines?: Line[] }>('GET', PREVIEW_PATH, { token });
    const quantity = (feature: string) => {
      const line = (invoice.lines ?? []).find((l) => (l.featureKey ?? l.rateCard?.featureKey) === feature);
      return line?.quantity === undefined ? Number.NaN : Number(line.quantity);
    };
    check(`preview line ${USERS_FEATURE} quantity`, quantity(USERS_FEATURE), expected.distinctUsers);
    check(`preview line ${TOKENS_FEATURE} quantity`, quantity(TOKENS_FEATURE), expected.tokens);
  }
  return problems;
}
