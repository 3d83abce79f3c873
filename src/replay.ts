import { driftBetween, InvoiceSnapshotService } from './billing';
import { startTally } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { rebuildProgress } from './projections/rebuild-progress';

const USAGE = 'usage: npm run replay -- --all | --projection <name> [--projection <name> …]';

/**
 * `npm run replay`: rebuilds projections from the start of the log into shadow tables and swaps them
 * in, while a running Tally keeps answering from the current tables.
 */
async function main(argv: readonly string[]): Promise<number> {
  const requested = parseArguments(argv);
  if (!requested) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const tally = await startTally(config, { mode: 'tool' });
  try {
    const names = requested === 'all' ? tally.projections.names : requested;
    const invoices = tally.resolve(InvoiceSnapshotService);
    await tally.projections.drain();
    const before = await invoices.snapshot();

    const progress = rebuildProgress(names);
    const started = Date.now();
    for (const name of names) {
      await tally.projections.rebuild(name, (p) => progress.update(p));
      progress.done(name);
    }
    progress.stop();
    console.log(`rebuilt ${names.length} projection(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The recompute report: every invoice's figures before and after, line by line.
    await tally.projections.drain();
    const after = await invoices.snapshot();
    const drift = driftBetween(before.invoices, after.invoices);
    console.log(
      `invoices compared: ${after.invoices.length}; digest before ${before.digest}, after ${after.digest}`,
    );
    // What each issued period's documents bill against what it is worth now: late usage and voids
    // the issuer has not put on a correction yet.
    const pending = await invoices.pendingCorrections();
    if (pending.length === 0)
      console.log('no pending correction: every issued period is billed as it stands');
    else console.log(`PENDING CORRECTION for ${pending.length} issued period(s):`);
    for (const p of pending) {
      console.log(
        `  ${p.namespace} customer ${p.customerId} ${p.period.from}..${p.period.to} invoice ${p.invoiceId} ${p.number}: ` +
          (p.failed
            ? `cannot be computed now (${p.failed})`
            : `difference ${p.total}; ` +
              p.lines
                .map((l) => `${l.line} billed ${JSON.stringify(l.billed)}, now ${JSON.stringify(l.now)}`)
                .join('; ')),
      );
    }
    for (const w of await invoices.waivedLines()) {
      console.log(
        `  WAIVED ${w.namespace} customer ${w.customerId} ${w.period.from}..${w.period.to} invoice ${w.invoiceId} ${w.number}: ` +
          `line ${w.line} (${w.lineId}) removed by an edit of its draft; its usage is not billed`,
      );
    }
    if (drift.length === 0) {
      console.log('no drift: every invoice line has the same quantity and amount as before the replay');
      return 0;
    }
    console.log(`DRIFT in ${drift.length} place(s):`);
    for (const d of drift) {
      console.log(
        `  ${d.namespace} customer ${d.customerId} ${d.period.from}..${d.period.to} invoice ${d.invoiceId}` +
          `${d.line ? ` line ${d.line}` : ''}: ${JSON.stringify(d.before ?? null)} -> ${JSON.stringify(d.after ?? null)}`,
      );
    }
    return 3;
  } finally {
    await tally.close();
  }
}

function parseArguments(argv: readonly string[]): 'all' | string[] | undefined {
  if (argv.includes('--all')) return 'all';
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--projection' && argv[i + 1]) names.push(argv[++i]);
    else return undefined;
  }
  return names.length > 0 ? names : undefined;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `replay failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
