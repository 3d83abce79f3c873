import { Decider, Message, fold } from '../decider';
import { DomainError, FieldProblem } from '../errors';

/**
 * For specs: the DomainError a decision throws, so a spec can check the problems it names as well
 * as its code. Fails the spec when the decision throws nothing or something else.
 */
export function rejection<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  history: readonly E[],
  command: C,
): DomainError {
  let thrown: unknown;
  try {
    decider.decide(command, fold(decider, history));
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(thrown)}`);
  return thrown;
}

/** `field → code` of each problem, for compact assertions. */
export function problemCodes(problems: readonly FieldProblem[]): Record<string, string | undefined> {
  return Object.fromEntries(problems.map((problem) => [problem.field, problem.code]));
}
