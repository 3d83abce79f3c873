import { createReadStream, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { InvoiceSnapshotService } from './billing';
import { startTally, Tally } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { BackupReader, BackupRefused, checkSchema } from './database/backup/backup-file';
import { checkEmpty, restoreBackup } from './database/backup/restore-backup';
import { progressLine, rowsProgress, transactionsProgress } from './database/backup/progress-line';
import { poolOf } from './database/data-source';
import type { EmbeddedDatabase } from './database/embedded-postgres';
import { MIGRATIONS } from './database/schema';
import { rebuildProgress } from './projections/rebuild-progress';

const USAGE = 'usage: npm run restore -- <file>   (- for standard input)';

/**
 * `npm run restore -- <file>`: a backup made by `npm run backup`, into an empty `DATA_DIR` (a new
 * embedded cluster) or an empty database at `DATABASE_URL`. The schema is made by the migrations,
 * the backup's tables are copied in one transaction, and every read model is rebuilt from the
 * restored log, as `npm run replay -- --all` would, ending with the same invoice digest line.
 * Nothing is left behind by a restore that fails: the copy rolls back, and a cluster it made is removed.
 */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  const [source] = argv;
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  if (config.eventStoreUrl) {
    throw new BackupRefused('EVENTSTORE_URL is set: a backup holds a PostgreSQL log, so restore without it');
  }
  if (source !== '-' && !existsSync(source)) throw new BackupRefused(`${source}: no such file`);
  const input = source === '-' ? process.stdin : createReadStream(source);
  const reader = new BackupReader(input.pipe(createGunzip())[Symbol.asyncIterator]());
  const header = await reader.header();
  checkSchema(
    header,
    MIGRATIONS.map((migration) => (migration as { name: string }).name),
  );
  const [events, tokens, counters] = header.tables.map((t) => t.rows.toLocaleString('en-US'));
  console.log(
    `restoring the backup of ${header.createdAt}: ${events} events, ${tokens} API tokens, ${counters} intake counters`,
  );

  let embedded: EmbeddedDatabase | undefined;
  let madeCluster: string | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const clusterDir = join(config.dataDir, 'pg');
    if (existsSync(join(clusterDir, 'PG_VERSION'))) {
      throw new BackupRefused(`${config.dataDir} already holds a database: restore into an empty DATA_DIR`);
    }
    const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
    madeCluster = clusterDir;
    embedded = await startEmbeddedPostgres({ clusterDir, persistent: true });
    url = embedded.url;
  } else {
    // Before the migrations run: a database holding data is refused as it was found.
    const client = new Client({ connectionString: url, application_name: 'tally-restore' });
    await client.connect();
    try {
      await checkEmpty(client);
    } finally {
      await client.end();
    }
  }

  let tally: Tally | undefined;
  let failed = true;
  try {
    tally = await startTally({ ...config, databaseUrl: url }, { mode: 'tool' });
    const started = Date.now();
    const client = await poolOf(tally.dataSource).connect();
    try {
      const line = progressLine(process.stdout);
      await restoreBackup(client, reader, header, {
        transactions: transactionsProgress(line),
        rows: rowsProgress(line),
      });
    } finally {
      client.release();
    }
    const names = tally.projections.names;
    const progress = rebuildProgress(names);
    for (const name of names) {
      await tally.projections.rebuild(name, (p) => progress.update(p));
      progress.done(name);
    }
    progress.stop();
    const after = await tally.resolve(InvoiceSnapshotService).snapshot();
    console.log(
      `restored in ${((Date.now() - started) / 1000).toFixed(1)} s; invoices compared: ` +
        `${after.invoices.length}; digest ${after.digest} (compare with npm run replay -- --all on the original)`,
    );
    failed = false;
    return 0;
  } finally {
    await tally?.close();
    await embedded?.stop();
    if (failed && madeCluster) rmSync(madeCluster, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof ConfigError || error instanceof BackupRefused
        ? error.message
        : `restore failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
