import { cpus } from 'node:os';
import { cpuMs, machineBusyMs } from './processes';
import { round } from './stats';

/** The processes whose CPU time a phase is charged with. */
export interface CpuSources {
  readonly api?: number;
  readonly worker?: number;
  /** The postmaster: its own time, its live backends' and its exited backends'. */
  readonly postgres?: number;
}

const PROCESSES = ['api', 'worker', 'postgres', 'bench'] as const;
/** `others`: whatever else ran on the machine meanwhile (other people's tests, the OS): the noise. */
type ProcessName = (typeof PROCESSES)[number] | 'others';
type Reading = Partial<Record<ProcessName | 'machine', number>> & { readonly wall: number };

function read(sources: CpuSources): Reading {
  const usage = process.cpuUsage();
  return {
    api: cpuMs(sources.api),
    worker: cpuMs(sources.worker),
    postgres: cpuMs(sources.postgres, true),
    bench: (usage.user + usage.system) / 1000,
    machine: machineBusyMs(),
    wall: performance.now(),
  };
}

/**
 * Where the CPU time of a phase went, per process, summed over its parts (the chunks of an ingestion,
 * the rounds of a query): what bounds a figure on a 2-core machine is usually visible here.
 */
export class CpuAccount {
  private readonly spent: Partial<Record<ProcessName, number>> = {};
  private wallMs = 0;
  private units = 0;

  constructor(private readonly sources: CpuSources) {}

  /** Runs `work`, charging its CPU time and its units (events, requests) to this account. */
  async measure<T>(units: number | ((result: T) => number), work: () => Promise<T>): Promise<T> {
    const before = read(this.sources);
    const result = await work();
    const after = read(this.sources);
    let ours = 0;
    for (const name of PROCESSES) {
      const start = before[name];
      const end = after[name];
      if (start !== undefined && end !== undefined) {
        this.spent[name] = (this.spent[name] ?? 0) + end - start;
        ours += end - start;
      }
    }
    if (before.machine !== undefined && after.machine !== undefined) {
      this.spent.others = (this.spent.others ?? 0) + Math.max(0, after.machine - before.machine - ours);
    }
    this.wallMs += after.wall - before.wall;
    this.units += typeof units === 'number' ? units : units(result);
    return result;
  }

  /** CPU ms per `per` units and cores kept busy, per process; undefined if nothing was measured. */
  summary(per: number): CpuSummary | undefined {
    if (this.units === 0 || this.wallMs === 0) return undefined;
    const processes: CpuSummary['processes'] = {};
    for (const name of [...PROCESSES, 'others'] as const) {
      const ms = this.spent[name];
      if (ms !== undefined)
        processes[name] = { cpu_ms: round((ms * per) / this.units), cores: round(ms / this.wallMs) };
    }
    // What the CPU time alone allows, with nothing else running: a Node process (one thread) gets at
    // most one core, and all of them together, PostgreSQL included, at most every core there is.
    const perUnit = (name: (typeof PROCESSES)[number]) => (this.spent[name] ?? 0) / this.units;
    const bounds = [
      ...(['api', 'worker', 'bench'] as const).map((name) => 1000 / perUnit(name)),
      (cpus().length * 1000) / PROCESSES.reduce((sum, name) => sum + perUnit(name), 0),
    ].filter(Number.isFinite);
    return {
      per,
      units: this.units,
      wall_s: round(this.wallMs / 1000),
      ceiling_per_s: bounds.length ? round(Math.min(...bounds)) : null,
      processes,
    };
  }
}

export interface CpuSummary {
  /** CPU ms are given per this many units. */
  readonly per: number;
  readonly units: number;
  readonly wall_s: number;
  /** Units per second the CPU time measured would allow on this machine with nothing else running. */
  readonly ceiling_per_s: number | null;
  readonly processes: Partial<Record<ProcessName, { readonly cpu_ms: number; readonly cores: number }>>;
}
