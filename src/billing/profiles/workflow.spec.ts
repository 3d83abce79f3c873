import {
  addWorkflowDuration,
  DEFAULT_WORKFLOW,
  intervalOfSeconds,
  parseWorkflowDuration,
  resolveWorkflow,
  subtractWorkflowDuration,
} from './workflow';

describe('workflow durations and settings', () => {
  it('takes ISO 8601 durations of whole non-negative units up to five years, and nothing else', () => {
    for (const ok of ['P0D', 'PT1H', 'P30D', 'P1M', 'P1Y', 'P1DT12H', 'P5Y'])
      expect([ok, parseWorkflowDuration(ok) !== undefined]).toEqual([ok, true]);
    for (const bad of ['P', '', '30 days', '-P1D', 'P-1D', 'P1.5D', 'P6Y', 'PT1H ', 30, null])
      expect([bad, parseWorkflowDuration(bad)]).toEqual([bad, undefined]);
  });

  it('adds and subtracts along the UTC calendar', () => {
    expect(addWorkflowDuration('2027-01-31T10:00:00.000Z', 'P1M')).toBe('2027-02-28T10:00:00.000Z');
    expect(addWorkflowDuration('2027-02-28T12:00:00.000Z', 'P30D')).toBe('2027-03-30T12:00:00.000Z');
    expect(subtractWorkflowDuration('2027-03-01T11:00:00.000Z', 'P1D')).toBe('2027-02-28T11:00:00.000Z');
  });

  it('writes COLLECTION_GRACE_SECONDS as a duration', () => {
    expect(intervalOfSeconds(3600)).toBe('PT1H');
    expect(intervalOfSeconds(5400)).toBe('PT1H30M');
    expect(intervalOfSeconds(0)).toBe('PT0S');
    expect(parseWorkflowDuration(intervalOfSeconds(90 * 24 * 3600))).toBeDefined();
  });

  it('resolves settings one at a time over a base', () => {
    const resolved = resolveWorkflow(
      { invoicing: { dueAfter: 'P7D' }, collection: { interval: 'P1D' } },
      DEFAULT_WORKFLOW,
    );
    expect(resolved).toEqual({
      ...DEFAULT_WORKFLOW,
      collection: { alignment: { type: 'subscription' }, interval: 'P1D' },
      invoicing: { ...DEFAULT_WORKFLOW.invoicing, dueAfter: 'P7D' },
    });
    expect(resolveWorkflow(undefined, resolved)).toEqual(resolved);
  });
});
