import { GroupCommit } from './group-commit';

interface Call {
  readonly key: string;
  readonly items: readonly number[];
  finish(): void;
  fail(error: unknown): void;
}

/** A commit function whose calls the test finishes (or fails) by hand. */
function controlledCommit() {
  const calls: Call[] = [];
  const commit = (key: string, items: readonly number[]) =>
    new Promise<void>((resolve, reject) =>
      calls.push({ key, items: [...items], finish: resolve, fail: reject }),
    );
  return { calls, commit };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function track(promise: Promise<void>) {
  const state = { settled: 'pending' as 'pending' | 'resolved' | 'rejected', error: undefined as unknown };
  promise.then(
    () => (state.settled = 'resolved'),
    (error) => {
      state.settled = 'rejected';
      state.error = error;
    },
  );
  return state;
}

describe('GroupCommit', () => {
  it('commits items submitted together in one call, and settles each only after that commit', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxInFlight: 2, maxGroupSize: 100 });
    const submitted = [1, 2, 3].map((item) => track(group.submit('ns', item)));
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    await tick();
    expect(submitted.map((s) => s.settled)).toEqual(['pending', 'pending', 'pending']);
    calls[0].finish();
    await tick();
    expect(submitted.map((s) => s.settled)).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('gathers what arrives while every commit slot is busy into the next group', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxInFlight: 1, maxGroupSize: 100 });
    const first = track(group.submit('ns', 1));
    await tick();
    const later = [2, 3, 4].map((item) => track(group.submit('ns', item)));
    await tick();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0].finish();
    await tick();
    expect(first.settled).toBe('resolved');
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    expect(later.map((s) => s.settled)).toEqual(['pending', 'pending', 'pending']);
    calls[1].finish();
    await tick();
    expect(later.map((s) => s.settled)).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('rejects every item of a failed group with its error, and only that group', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxInFlight: 1, maxGroupSize: 100 });
    const failing = [1, 2].map((item) => track(group.submit('ns', item)));
    await tick();
    const next = track(group.submit('ns', 3));
    const outage = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    calls[0].fail(outage);
    await tick();
    expect(failing.map((s) => [s.settled, s.error])).toEqual([
      ['rejected', outage],
      ['rejected', outage],
    ]);
    expect(calls[1].items).toEqual([3]);
    calls[1].finish();
    await tick();
    expect(next.settled).toBe('resolved');
  });

  it('keeps keys apart and splits groups at the size limit', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxInFlight: 10, maxGroupSize: 2 });
    for (const [key, item] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['a', 4],
      ['b', 5],
    ] as const)
      void group.submit(key, item);
    await tick();
    expect(calls.map((c) => [c.key, c.items])).toEqual([
      ['a', [1, 3]],
      ['b', [2, 5]],
      ['a', [4]],
    ]);
  });

  it('is idle only when nothing is queued or being committed', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxInFlight: 1, maxGroupSize: 100 });
    void group.submit('ns', 1);
    const idle = track(group.idle());
    await tick();
    void group.submit('ns', 2);
    calls[0].finish();
    await tick();
    expect(idle.settled).toBe('pending');
    calls[1].finish();
    await tick();
    expect(idle.settled).toBe('resolved');
  });
});
