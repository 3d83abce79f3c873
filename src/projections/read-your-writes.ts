import type { LogPosition } from '../event-store/event-store.port';
import { DomainError } from '../shared/errors';

/** The 503 problem a read answers when the read models it needs stay behind the log. */
export interface BehindProblem {
  readonly code: string;
  readonly message: string;
}

export const READ_MODELS_BEHIND: BehindProblem = {
  code: 'SERVICE.READ_MODEL_BEHIND',
  message: 'The read models have not caught up with the latest changes yet; retry shortly',
};

/** Where projections stand: the runner's bounded wait for them to reach a log position. */
export interface ProjectionProgress {
  waitFor(names: readonly string[], head: Promise<LogPosition>, timeoutMs: number): Promise<boolean>;
}

/**
 * Read-your-writes, the one way a read (or the invoice issuer) waits for the projections it reads:
 * resolves once each named projection has applied everything the log held when the call began, and
 * throws `behind` as a 503 problem (the filter adds `Retry-After`) once `timeoutMs` has passed. It
 * throws rather than hand back a flag, so that no caller can go on to answer — or to issue an
 * immutable invoice — from read models behind the log by forgetting to look.
 */
export async function readYourWrites(
  progress: ProjectionProgress,
  head: Promise<LogPosition>,
  names: readonly string[],
  timeoutMs: number,
  behind: BehindProblem = READ_MODELS_BEHIND,
): Promise<void> {
  if (await progress.waitFor(names, head, timeoutMs)) return;
  throw new DomainError('unavailable', behind.code, `${behind.message} (waited for ${names.join(', ')})`);
}
