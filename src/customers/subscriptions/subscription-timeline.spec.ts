import type { PlanSnapshot } from './subscription.decider';
import { applyOperation, applyOperations, planTimeline, replayEdits } from './subscription-timeline';

const START = '2027-01-01T00:00:00.000Z';
const card = (key: string) => ({ type: 'flat_fee', key, name: key, price: { type: 'flat', amount: '1' } });
const plan: PlanSnapshot = {
  id: 'plan',
  key: 'tiered',
  version: 1,
  name: 'Tiered',
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    { key: 'trial', duration: 'P1M', rateCards: [card('base')] },
    { key: 'intro', duration: 'P2M', rateCards: [card('base'), card('extra')] },
    { key: 'main', duration: null, rateCards: [card('base')] },
  ],
};
const timeline = planTimeline(plan, START);
const NOW = '2027-01-15T00:00:00.000Z';
const starts = (phases: { key: string; activeFrom: string }[]) =>
  phases.map((phase) => [phase.key, phase.activeFrom]);

describe('subscription timeline', () => {
  it("lays the plan's phases out from the start, each for its duration", () => {
    expect(starts(timeline)).toEqual([
      ['trial', START],
      ['intro', '2027-02-01T00:00:00.000Z'],
      ['main', '2027-04-01T00:00:00.000Z'],
    ]);
  });

  it('remove_phase: next moves the later phases up by its length, prev lets the one before run on', () => {
    const next = applyOperation(
      timeline,
      { op: 'remove_phase', phaseKey: 'intro', shift: 'next' },
      NOW,
      START,
    );
    const prev = applyOperation(
      timeline,
      { op: 'remove_phase', phaseKey: 'intro', shift: 'prev' },
      NOW,
      START,
    );
    expect('timeline' in next && starts(next.timeline)).toEqual([
      ['trial', START],
      ['main', '2027-02-01T00:00:00.000Z'],
    ]);
    expect('timeline' in prev && starts(prev.timeline)).toEqual([
      ['trial', START],
      ['main', '2027-04-01T00:00:00.000Z'],
    ]);
    // The phase running now cannot go.
    expect(
      applyOperation(timeline, { op: 'remove_phase', phaseKey: 'trial', shift: 'next' }, NOW, START),
    ).toEqual({ problem: expect.objectContaining({ field: 'phaseKey' }) });
  });

  it('an item added to, or removed from, a phase ahead counts from that phase on', () => {
    const { timeline: added } = applyOperations(
      timeline,
      [
        { op: 'add_item', phaseKey: 'main', rateCard: card('support') },
        { op: 'remove_item', phaseKey: 'intro', itemKey: 'extra' },
      ],
      NOW,
      START,
    );
    expect(added[2]!.items.at(-1)).toEqual({
      rateCard: card('support'),
      activeFrom: '2027-04-01T00:00:00.000Z',
    });
    expect(added[1]!.items.map((item) => item.rateCard.key)).toEqual(['base']);
  });

  it('names what cannot apply: a phase not last without a duration, a stretch of an ended phase', () => {
    const { problems } = applyOperations(
      timeline,
      [
        { op: 'add_phase', phase: { key: 'promo', name: 'Promo', startAfter: 'P2M' } },
        { op: 'stretch_phase', phaseKey: 'trial', extendBy: 'P1M' },
      ],
      '2027-02-15T00:00:00.000Z',
      START,
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'body.customizations[0].phase.duration',
      'body.customizations[1].phaseKey',
    ]);
  });

  it('replaying edits leaves out an operation that no longer applies, and never throws', () => {
    const replayed = replayEdits(plan, START, [
      { at: NOW, customizations: [{ op: 'remove_item', phaseKey: 'gone', itemKey: 'x' }] },
      { at: NOW, customizations: [{ op: 'stretch_phase', phaseKey: 'trial', extendBy: 'P1M' }] },
    ]);
    expect(starts(replayed)).toEqual([
      ['trial', START],
      ['intro', '2027-03-01T00:00:00.000Z'],
      ['main', '2027-05-01T00:00:00.000Z'],
    ]);
  });
});
