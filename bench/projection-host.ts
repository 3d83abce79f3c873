import { startTally, Tally } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import type { HostCommand, HostMessage } from './lib/tally';

/**
 * The projection worker the benchmark drives over IPC (see `ProjectionWorker`): Tally started as the
 * replay CLI starts it (`tool` mode: no HTTP, no background runner), so a backlog waits until the
 * benchmark says `drain`, and the time measured is the projections' work alone. Its own process,
 * like `npm run worker`, so its memory and CPU are its own.
 */
async function main(): Promise<void> {
  const tally = await startTally(loadConfig(), { mode: 'tool' });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await tally.close().catch(() => undefined);
    process.exit(code);
  };
  // The benchmark gone (even killed) means this worker has nothing left to do.
  process.on('disconnect', () => void stop(1));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
  process.on('message', (message: HostCommand) => void handle(tally, message));
  send({ type: 'ready', projections: tally.projections.names });
}

async function handle(tally: Tally, { id, command }: HostCommand): Promise<void> {
  const started = process.hrtime.bigint();
  try {
    if (command === 'drain') {
      await tally.projections.drain();
    } else {
      // What `npm run replay -- --all` does: each projection from the start of the log into shadow
      // tables, swapped in when it has caught up.
      for (const name of tally.projections.names) await tally.projections.rebuild(name);
    }
    send({ type: 'done', id, ms: Number(process.hrtime.bigint() - started) / 1e6 });
  } catch (error) {
    send({
      type: 'failed',
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

function send(message: HostMessage): void {
  process.send?.(message);
}

main().catch((error) => {
  console.error('projection worker could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
