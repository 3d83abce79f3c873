import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { ConfigError, loadConfig } from './config/config';
import { BackupRefused, BackupWriter } from './database/backup/backup-file';
import { makeBackup } from './database/backup/make-backup';
import { progressLine, rowsProgress } from './database/backup/progress-line';
import type { EmbeddedDatabase } from './database/embedded-postgres';

const USAGE = 'usage: npm run backup -- <file>   (- for standard output)';

/**
 * `npm run backup -- <file>`: a consistent backup of a Tally's data while it runs, on the embedded
 * default (joining the server of `DATA_DIR`, which it leaves running) or on `DATABASE_URL`. It writes
 * `<file>.partial` and renames it when complete, so a file of that name is always a whole backup.
 * Progress goes to standard error, which leaves standard output for the backup itself with `-`.
 */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  const [target] = argv;
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  if (config.eventStoreUrl) {
    throw new BackupRefused(
      'EVENTSTORE_URL is set: the log lives in EventStoreDB, which this backup cannot hold; back it up with its own tools',
    );
  }
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const clusterDir = join(config.dataDir, 'pg');
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      throw new BackupRefused(`${config.dataDir} holds no database to back up`);
    }
    // Loaded only when needed, as in bootstrap.ts.
    const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
    embedded = await startEmbeddedPostgres({ clusterDir, persistent: true });
    url = embedded.url;
  }
  const partial = `${target}.partial`;
  const client = new Client({ connectionString: url, application_name: 'tally-backup' });
  const started = Date.now();
  try {
    await client.connect();
    const gzip = createGzip();
    const written = pipeline(gzip, target === '-' ? process.stdout : createWriteStream(partial));
    const header = await makeBackup(
      client,
      new BackupWriter(gzip),
      rowsProgress(progressLine(process.stderr)),
      new Date(),
    );
    await written;
    if (target !== '-') renameSync(partial, target);
    const [events, tokens, counters] = header.tables.map((t) => t.rows.toLocaleString('en-US'));
    const size = target === '-' ? '' : `, ${(statSync(target).size / 1024 / 1024).toFixed(1)} MiB`;
    console.error(
      `backed up ${events} events, ${tokens} API tokens and ${counters} intake counters (schema: ` +
        `${header.migrations.length} migrations) to ${target === '-' ? 'standard output' : target}` +
        `${size} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (target !== '-') rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof ConfigError || error instanceof BackupRefused
        ? error.message
        : `backup failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
