import { Writable } from 'node:stream';
import { createLogger, NestPinoLogger, withinRequest } from './logger';

function sink() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('names the request on every line logged within it, across awaits, and no other', async () => {
    const { lines, destination } = sink();
    const logger = createLogger('info', destination);
    const nest = new NestPinoLogger(logger);
    await withinRequest('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      nest.warn('inside', 'billing');
    });
    logger.info('outside');
    expect(lines.map(({ msg, reqId, context }) => ({ msg, reqId, context }))).toEqual([
      { msg: 'inside', reqId: 'req-1', context: 'billing' },
      { msg: 'outside', reqId: undefined, context: undefined },
    ]);
  });

  it('writes ISO 8601 times, and fields a Nest logger was given with its message', () => {
    const { lines, destination } = sink();
    new NestPinoLogger(createLogger('info', destination)).error(
      { msg: 'failed', reqId: 'req-2' },
      undefined,
      'http',
    );
    expect(lines).toMatchObject([{ level: 50, msg: 'failed', reqId: 'req-2', context: 'http' }]);
    expect(lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("logs Nest's start-up wiring at debug", () => {
    const { lines, destination } = sink();
    const nest = new NestPinoLogger(createLogger('info', destination));
    nest.log('Mapped {/api/v1/meters, GET} route', 'RouterExplorer');
    nest.log('started', 'tally');
    expect(lines.map((line) => line.msg)).toEqual(['started']);
  });
});
