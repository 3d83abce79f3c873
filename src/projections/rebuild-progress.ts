import { MultiBar, Presets } from 'cli-progress';
import type { RebuildProgress } from './projection-runner';

/** How a command-line tool shows projections being rebuilt (`npm run replay`, `npm run restore`). */
export interface Progress {
  update(progress: RebuildProgress): void;
  done(name: string): void;
  stop(): void;
}

/** A bar per projection on a terminal; plain periodic lines for logs and pipes. */
export function rebuildProgress(names: readonly string[]): Progress {
  return process.stdout.isTTY ? barProgress(names) : lineProgress();
}

/** A bar per projection with events/s and ETA, on a terminal. */
function barProgress(names: readonly string[]): Progress {
  const bars = new MultiBar(
    {
      format:
        '{name} [{bar}] {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const width = Math.max(...names.map((n) => n.length));
  const byName = new Map(
    names.map((name) => [name, bars.create(1, 0, { name: name.padEnd(width), speed: 0 })]),
  );
  const startedAt = new Map<string, number>();
  return {
    update({ projection, processed, total }) {
      const bar = byName.get(projection)!;
      if (!startedAt.has(projection)) startedAt.set(projection, Date.now());
      const seconds = Math.max(0.001, (Date.now() - startedAt.get(projection)!) / 1000);
      bar.setTotal(Math.max(1, total ?? processed));
      bar.update(processed, { speed: Math.round(processed / seconds) });
    },
    done(name) {
      const bar = byName.get(name)!;
      bar.update(bar.getTotal());
    },
    stop: () => bars.stop(),
  };
}

/** Plain periodic lines, for logs and pipes. */
function lineProgress(): Progress {
  let lastLine = 0;
  const startedAt = new Map<string, number>();
  return {
    update({ projection, processed, total }) {
      if (!startedAt.has(projection)) startedAt.set(projection, Date.now());
      if (Date.now() - lastLine < 1000) return;
      lastLine = Date.now();
      const seconds = Math.max(0.001, (Date.now() - startedAt.get(projection)!) / 1000);
      const rate = Math.round(processed / seconds);
      const eta = total && rate > 0 ? ` ETA ${Math.ceil((total - processed) / rate)} s` : '';
      console.log(`${projection}: ${processed}${total ? `/${total}` : ''} events, ${rate} events/s${eta}`);
    },
    done(name) {
      const seconds = ((Date.now() - (startedAt.get(name) ?? Date.now())) / 1000).toFixed(1);
      console.log(`${name}: rebuilt in ${seconds} s`);
    },
    stop: () => undefined,
  };
}
