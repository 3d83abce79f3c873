import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest directory above this file with a package.json. */
export const ROOT = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('package.json not found above the benchmark');
  }
})();

/** Node's flags as `npm start` passes them (package.json): the benchmark runs Tally as users do. */
const NODE_FLAGS: readonly string[] = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string
)
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

const children = new Set<ChildProcess>();

/** Every process the benchmark started and has not stopped yet, for the last-resort cleanup. */
export function liveChildren(): readonly ChildProcess[] {
  return [...children];
}

/** Peak resident set size (VmHWM) of a live process, in MiB; undefined where /proc cannot say. */
export function peakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  readonly ppid: number;
  /** CPU time of the process itself, and of its children that have exited (and been waited for). */
  readonly ownMs: number;
  readonly childrenMs: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: the fields start after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ms = (i: number) => (Number(fields[i]) * 1000) / CLOCK_TICKS;
    return { ppid: Number(fields[1]), ownMs: ms(11) + ms(12), childrenMs: ms(13) + ms(14) };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms; with `tree`, its children's too. */
export function cpuMs(pid: number | undefined, tree = false): number | undefined {
  if (pid === undefined) return undefined;
  const stat = procStat(pid);
  if (!stat) return undefined;
  if (!tree) return stat.ownMs;
  let total = stat.ownMs + stat.childrenMs;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(Number(entry));
    if (child?.ppid === pid) total += child.ownMs;
  }
  return total;
}

/** CPU time the whole machine has been busy (all processes, all cores), in ms; undefined off Linux. */
export function machineBusyMs(): number | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
    const busy = ticks.slice(0, 8).reduce((a, b) => a + b, 0) - ticks[3] - ticks[4];
    return (busy * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** The parent of a process (for a PostgreSQL backend: the postmaster), where /proc can say. */
export function parentOf(pid: number): number | undefined {
  return procStat(pid)?.ppid;
}

export interface TallyEnvironment {
  readonly databaseUrl: string;
  readonly adminToken: string;
  readonly port: number;
  readonly runProjections: boolean;
}

/**
 * Tally's own configuration for a benchmark process. The rate limit is kept on but never binds, and
 * slow answers are let finish (their latency is the figure) instead of being cut off at 30 s.
 */
export function tallyEnv(env: TallyEnvironment): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  delete inherited.EVENTSTORE_URL;
  return {
    ...inherited,
    DATABASE_URL: env.databaseUrl,
    ADMIN_TOKEN: env.adminToken,
    PORT: String(env.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RUN_PROJECTIONS: String(env.runProjections),
    RATE_LIMIT_PER_TOKEN: '10000000',
    REQUEST_TIMEOUT_MS: '600000',
  };
}

let profileDir: string | undefined;

/** From now on, every Tally process writes a CPU profile (`.cpuprofile`) into `dir` when it exits. */
export function profileInto(dir: string): void {
  profileDir = dir;
}

/** Starts a Node process of the benchmark's; it is stopped by `stopChild` or the last-resort cleanup. */
export function startChild(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ipc = false,
): ChildProcess {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...NODE_FLAGS, ...profile, script, ...args], {
    cwd: ROOT,
    env,
    stdio: ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resolves when `url` answers 200; rejects if the process exits first or `timeoutMs` passes. */
export async function waitUntilReady(child: ChildProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the Tally process exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Tally was not ready at ${url} within ${timeoutMs} ms`);
}
