import { LOG_START } from '../event-store/event-store.port';
import { DomainError } from '../shared/errors';
import { readYourWrites } from './read-your-writes';

describe('readYourWrites', () => {
  const reached = (answer: boolean) => ({ waitFor: async () => answer });

  it('resolves once the projections reached the head', async () => {
    await expect(readYourWrites(reached(true), Promise.resolve(LOG_START), ['a@v1'], 10)).resolves.toBe(
      undefined,
    );
  });

  it('throws a 503 problem naming what it waited for, the default one or the caller’s', async () => {
    await expect(
      readYourWrites(reached(false), Promise.resolve(LOG_START), ['a@v1', 'b@v1'], 10),
    ).rejects.toThrow(
      expect.objectContaining({
        kind: 'unavailable',
        code: 'SERVICE.READ_MODEL_BEHIND',
        message: expect.stringContaining('a@v1, b@v1'),
      }),
    );
    const behind = { code: 'METERING.NOT_CAUGHT_UP', message: 'Usage is still being counted' };
    const error = await readYourWrites(
      reached(false),
      Promise.resolve(LOG_START),
      ['u@v2'],
      10,
      behind,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'METERING.NOT_CAUGHT_UP' });
  });
});
