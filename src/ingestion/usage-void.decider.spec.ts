import { deciderSpec } from '../shared/testing/decider-spec';
import { UsageVoided, usageVoidDecider, VoidUsage, voidsOf } from './usage-void.decider';
import { fold } from '../shared/decider';

const actor = { id: 'tok_1', name: 'ops' };
const voidOf = (ids: string[], reason = 'test traffic', now = '2027-02-01T00:00:00.000Z'): VoidUsage => ({
  type: 'VoidUsage',
  data: { namespace: 'default', events: ids.map((id) => ({ source: 'app', id })), reason, actor, now },
});
const voided = (id: string, reason = 'test traffic', at = '2027-02-01T00:00:00.000Z'): UsageVoided => ({
  type: 'UsageVoided',
  data: { namespace: 'default', source: 'app', id, reason, voidedAt: at, actor },
});

describe('usage voids', () => {
  const spec = deciderSpec(usageVoidDecider);

  it('voids each event of a batch with one event apiece', () => {
    spec
      .given([])
      .when(voidOf(['e1', 'e2']))
      .then([voided('e1'), voided('e2')]);
  });

  it('voids an event once, however often it is named', () => {
    spec
      .given([])
      .when(voidOf(['e1', 'e1']))
      .then([voided('e1')]);
  });

  it('decides nothing for an event already voided, and keeps the first void', () => {
    const history = [voided('e1', 'first', '2027-01-01T00:00:00.000Z')];
    spec
      .given(history)
      .when(voidOf(['e1'], 'second'))
      .thenNothing();
    spec
      .given(history)
      .when(voidOf(['e1', 'e2'], 'second'))
      .then([voided('e2', 'second')]);
    expect(voidsOf(fold(usageVoidDecider, history)).get('["app","e1"]')).toMatchObject({ reason: 'first' });
  });

  it('tells events apart by source and id together', () => {
    const other: VoidUsage = {
      ...voidOf([]),
      data: { ...voidOf([]).data, events: [{ source: 'other', id: 'e1' }] },
    };
    spec
      .given([voided('e1')])
      .when(other)
      .then([{ type: 'UsageVoided', data: { ...voided('e1').data, source: 'other' } }]);
  });

  it('keeps the state as it was on an event type it does not know', () => {
    for (const history of [[], [voided('e1'), voided('e2')]]) spec.given(history).keepsStateOnUnknownEvents();
  });
});
