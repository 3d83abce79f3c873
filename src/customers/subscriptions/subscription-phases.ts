import { parseCalendarDuration } from '../../catalog/model';
import { formatInstant, parseInstant } from './billing-period';
import { PlanPhaseSnapshot, SubscriptionState } from './subscription.decider';

export interface PhaseWindow {
  readonly phase: PlanPhaseSnapshot;
  readonly activeFrom: string;
  /** Absent for the last phase of a subscription that has no end. */
  readonly activeTo?: string;
}

/**
 * When each phase of the subscription's plan runs: the first from `activeFrom`, each next one once
 * the previous phase's duration has passed (added along the calendar, in UTC), the last until the
 * subscription ends. A canceled subscription's phases stop at `activeTo`; phases that would only
 * start after it never run and are left out.
 */
export function phaseWindows(state: SubscriptionState): PhaseWindow[] {
  if (state.status === 'empty') return [];
  const end = state.status === 'canceled' ? parseInstant(state.activeTo) : undefined;
  const windows: PhaseWindow[] = [];
  let from = parseInstant(state.subscription.activeFrom);
  for (const phase of state.subscription.plan.phases) {
    if (end !== undefined && from >= end) break;
    const duration = phase.duration === null ? undefined : parseCalendarDuration(phase.duration);
    let to =
      duration && from.plus({ months: duration.months, days: duration.days, milliseconds: duration.millis });
    if (end !== undefined && (to === undefined || to > end)) to = end;
    windows.push({
      phase,
      activeFrom: formatInstant(from),
      ...(to !== undefined && { activeTo: formatInstant(to) }),
    });
    if (to === undefined) break;
    from = to;
  }
  return windows;
}

/** The phase running at `instantIso`, if the subscription runs then. */
export function phaseAt(state: SubscriptionState, instantIso: string): PhaseWindow | undefined {
  const at = parseInstant(instantIso, 'time');
  return phaseWindows(state).find(
    (window) =>
      parseInstant(window.activeFrom) <= at &&
      (window.activeTo === undefined || at < parseInstant(window.activeTo)),
  );
}
