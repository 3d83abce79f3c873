import { DateTime } from 'luxon';
import { CalendarDuration, parseCalendarDuration } from '../../catalog/model';
import type { FieldProblem } from '../../shared/errors';
import { formatInstant, parseInstant } from './billing-period';
import type { PlanSnapshot } from './subscription.decider';

/**
 * A subscription's phases and items as they stand after edits (OpenMeter's `SubscriptionExpanded`
 * phases with their item timelines): absolute instants, so an edit never moves what already ran.
 * A phase runs from its `activeFrom` to the next phase's (the last until the subscription ends); an
 * item from its `activeFrom` to its `activeTo`, or to its phase's end when it has none.
 */
export interface TimelineItem {
  /** The rate card, JSON as the catalog stores it; this context reads only its `key`. */
  readonly rateCard: { readonly key: string } & Readonly<Record<string, unknown>>;
  readonly activeFrom: string;
  readonly activeTo?: string;
}

export interface TimelinePhase {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly activeFrom: string;
  readonly items: readonly TimelineItem[];
}

/** OpenMeter's `SubscriptionEditOperation`s, as validated (`rateCard` checked by the catalog). */
export type EditOperation =
  | {
      readonly op: 'add_item';
      readonly phaseKey: string;
      readonly rateCard: TimelineItem['rateCard'];
    }
  | { readonly op: 'remove_item'; readonly phaseKey: string; readonly itemKey: string }
  | {
      readonly op: 'add_phase';
      readonly phase: {
        readonly key: string;
        readonly name: string;
        readonly description?: string;
        /** After the subscription's start; null: at its start. */
        readonly startAfter: string | null;
        readonly duration?: string;
      };
    }
  | { readonly op: 'remove_phase'; readonly phaseKey: string; readonly shift: 'next' | 'prev' }
  | { readonly op: 'stretch_phase'; readonly phaseKey: string; readonly extendBy: string }
  | { readonly op: 'unschedule_edit' };

/** One edit as applied: its operations (without `unschedule_edit`) and the instant they took effect. */
export interface AppliedEdit {
  readonly at: string;
  readonly customizations: readonly EditOperation[];
}

type Timeline = readonly TimelinePhase[];

/** The plan's phases laid out from `activeFrom`, each for its duration, items for their whole phase. */
export function planTimeline(plan: PlanSnapshot, activeFrom: string): TimelinePhase[] {
  const phases: TimelinePhase[] = [];
  let from = parseInstant(activeFrom);
  for (const phase of plan.phases) {
    const named = phase as typeof phase & { name?: string; description?: string };
    const start = formatInstant(from);
    phases.push({
      key: phase.key,
      name: named.name ?? phase.key,
      ...(named.description !== undefined && { description: named.description }),
      activeFrom: start,
      items: phase.rateCards.map((rateCard) => ({
        rateCard: rateCard as TimelineItem['rateCard'],
        activeFrom: start,
      })),
    });
    const duration = phase.duration === null ? undefined : parseCalendarDuration(phase.duration);
    if (duration === undefined) break;
    from = plus(from, duration);
  }
  return phases;
}

/** Where phase `index` ends: where the next one starts (undefined for the last). */
export const phaseEnd = (timeline: Timeline, index: number): string | undefined =>
  timeline[index + 1]?.activeFrom;

const plus = (at: DateTime, by: CalendarDuration) =>
  at.plus({ months: by.months, days: by.days, milliseconds: by.millis });

/** Moves a phase, and its items, by `shift` (an instant's new value). */
function movePhase(phase: TimelinePhase, shift: (instant: string) => string): TimelinePhase {
  return {
    ...phase,
    activeFrom: shift(phase.activeFrom),
    items: phase.items.map((item) => ({
      ...item,
      activeFrom: shift(item.activeFrom),
      ...(item.activeTo !== undefined && { activeTo: shift(item.activeTo) }),
    })),
  };
}

const byCalendar = (duration: CalendarDuration) => (instant: string) =>
  formatInstant(plus(parseInstant(instant), duration));
const byMillis = (ms: number) => (instant: string) => new Date(Date.parse(instant) + ms).toISOString();

type Applied = { readonly timeline: TimelinePhase[] } | { readonly problem: FieldProblem };

const problem = (field: string, message: string): Applied => ({ problem: { field, message } });

/**
 * One operation applied at `at` (the edit's instant) to the timeline; a problem (its field relative
 * to the operation) when it cannot apply. What has run before `at` is never changed: items are
 * added from `at` (or their future phase's start), removed from `at`, and only phases still ahead
 * are added, removed or moved.
 */
export function applyOperation(
  timeline: Timeline,
  operation: EditOperation,
  at: string,
  subscriptionStart: string,
): Applied {
  switch (operation.op) {
    case 'add_item': {
      const index = timeline.findIndex((phase) => phase.key === operation.phaseKey);
      if (index < 0) return problem('phaseKey', `no phase "${operation.phaseKey}"`);
      const phase = timeline[index]!;
      const end = phaseEnd(timeline, index);
      if (end !== undefined && end <= at) return problem('phaseKey', `phase "${phase.key}" has ended`);
      const start = phase.activeFrom > at ? phase.activeFrom : at;
      const key = operation.rateCard.key;
      if (phase.items.some((item) => item.rateCard.key === key && (item.activeTo ?? '\uffff') > start))
        return problem('rateCard.key', `phase "${phase.key}" already has an item "${key}"`);
      return replacePhase(timeline, index, {
        ...phase,
        items: [...phase.items, { rateCard: operation.rateCard, activeFrom: start }],
      });
    }
    case 'remove_item': {
      const index = timeline.findIndex((phase) => phase.key === operation.phaseKey);
      if (index < 0) return problem('phaseKey', `no phase "${operation.phaseKey}"`);
      const phase = timeline[index]!;
      const end = phaseEnd(timeline, index);
      const running = (item: TimelineItem) =>
        item.rateCard.key === operation.itemKey &&
        (item.activeTo ?? end ?? '\uffff') > at &&
        (end === undefined || end > at);
      if (!phase.items.some(running))
        return problem(
          'itemKey',
          `phase "${phase.key}" has no item "${operation.itemKey}" running from then on`,
        );
      return replacePhase(timeline, index, {
        ...phase,
        // One that has not started is dropped; one running ends at `at`.
        items: phase.items.flatMap((item) =>
          !running(item) ? [item] : item.activeFrom >= at ? [] : [{ ...item, activeTo: at }],
        ),
      });
    }
    case 'add_phase': {
      const { key, name, description, startAfter, duration } = operation.phase;
      if (timeline.some((phase) => phase.key === key)) return problem('phase.key', `phase "${key}" exists`);
      const after = startAfter === null ? undefined : parseCalendarDuration(startAfter);
      if (startAfter !== null && after === undefined)
        return problem('phase.startAfter', 'must be an ISO-8601 duration');
      const start =
        after === undefined ? subscriptionStart : formatInstant(plus(parseInstant(subscriptionStart), after));
      if (start <= at) return problem('phase.startAfter', `would start at ${start}, which is not ahead`);
      const length = duration === undefined ? undefined : parseCalendarDuration(duration);
      if (duration !== undefined && length === undefined)
        return problem('phase.duration', 'must be an ISO-8601 duration');
      const later = timeline.filter((phase) => phase.activeFrom >= start);
      if (later.length > 0 && length === undefined)
        return problem('phase.duration', 'is required for a phase that is not the last');
      const added: TimelinePhase = {
        key,
        name,
        ...(description !== undefined && { description }),
        activeFrom: start,
        items: [],
      };
      return {
        timeline: [
          ...timeline.filter((phase) => phase.activeFrom < start),
          added,
          ...later.map((phase) => movePhase(phase, byCalendar(length!))),
        ],
      };
    }
    case 'remove_phase': {
      const index = timeline.findIndex((phase) => phase.key === operation.phaseKey);
      if (index < 0) return problem('phaseKey', `no phase "${operation.phaseKey}"`);
      const phase = timeline[index]!;
      if (phase.activeFrom <= at) return problem('phaseKey', `phase "${phase.key}" has started`);
      if (timeline.length === 1) return problem('phaseKey', 'the only phase cannot be removed');
      const end = phaseEnd(timeline, index);
      const rest = timeline.filter((_, i) => i !== index);
      if (operation.shift === 'prev' || end === undefined) return { timeline: rest };
      // `next`: the phases after it move up by its length, the next one starting where it did.
      const by = byMillis(Date.parse(phase.activeFrom) - Date.parse(end));
      return { timeline: rest.map((other, i) => (i >= index ? movePhase(other, by) : other)) };
    }
    case 'stretch_phase': {
      const index = timeline.findIndex((phase) => phase.key === operation.phaseKey);
      if (index < 0) return problem('phaseKey', `no phase "${operation.phaseKey}"`);
      const end = phaseEnd(timeline, index);
      if (end === undefined) return problem('phaseKey', 'the last phase has no end to move');
      if (end <= at) return problem('phaseKey', `phase "${operation.phaseKey}" has ended`);
      const by = parseCalendarDuration(operation.extendBy);
      if (by === undefined) return problem('extendBy', 'must be an ISO-8601 duration');
      return {
        timeline: timeline.map((phase, i) => (i > index ? movePhase(phase, byCalendar(by)) : phase)),
      };
    }
    case 'unschedule_edit':
      return { timeline: [...timeline] };
  }
}

function replacePhase(timeline: Timeline, index: number, phase: TimelinePhase): Applied {
  return { timeline: timeline.map((other, i) => (i === index ? phase : other)) };
}

/**
 * Applies a batch in order; every operation that cannot apply is a problem named by its index
 * (`body.customizations[i].<field>`), and then nothing applies.
 */
export function applyOperations(
  timeline: Timeline,
  operations: readonly EditOperation[],
  at: string,
  subscriptionStart: string,
): { timeline: TimelinePhase[]; problems: FieldProblem[] } {
  let current = [...timeline];
  const problems: FieldProblem[] = [];
  operations.forEach((operation, index) => {
    const applied = applyOperation(current, operation, at, subscriptionStart);
    if ('problem' in applied) {
      problems.push({
        field: `body.customizations[${index}].${applied.problem.field}`,
        message: applied.problem.message,
      });
    } else current = applied.timeline;
  });
  return { timeline: current, problems };
}

/**
 * The timeline from the plan with `edits` applied in order, each at its instant. An operation that
 * no longer applies (it depended on an edit taken back) is left out: this never throws.
 */
export function replayEdits(
  plan: PlanSnapshot,
  activeFrom: string,
  edits: readonly AppliedEdit[],
): TimelinePhase[] {
  let timeline = planTimeline(plan, activeFrom);
  for (const edit of edits)
    for (const operation of edit.customizations) {
      const applied = applyOperation(timeline, operation, edit.at, activeFrom);
      if ('timeline' in applied) timeline = applied.timeline;
    }
  return timeline;
}
