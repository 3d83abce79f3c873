import type { Tally } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { startTracing, stopTracing } from './telemetry/tracing';

/**
 * `npm start`. Stops cleanly — HTTP, projections, database pool, then embedded PostgreSQL — on
 * SIGINT (Ctrl-C reaches the whole process group), SIGTERM or SIGHUP, and also when the parent
 * (npm, which does not pass SIGTERM on) goes away.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let tally: Tally | undefined;
  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    tally?.logger.info(`stopping (${reason})`);
    setTimeout(() => process.exit(code || 1), 15_000).unref();
    await tally?.close();
    await stopTracing().catch(() => undefined);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent process exited');
  }, 1_000).unref();

  try {
    // Tracing hooks into `pg` and `http` as they load: before the rest of Tally (bootstrap) loads them.
    if (config.tracesEndpoint) await startTracing(process.env.OTEL_SERVICE_NAME?.trim() || 'tally');
    const { startTally } = await import('./bootstrap.js');
    tally = await startTally(config, { mode: process.argv.includes('--worker') ? 'worker' : 'api' });
  } catch (error) {
    console.error('Tally could not start:', error instanceof Error ? error.message : error);
    await stop('start failed', 1);
  }
  if (stopping) await tally?.close();
}

void main();
