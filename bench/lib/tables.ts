import type { CpuSummary } from './cpu';
import { FIGURES, FigureKey, Figures, FigureSpec } from './report';
import { round } from './stats';

/** A table the run prints on the terminal and writes as Markdown (for BENCHMARKS.md). */
export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns aligned right. */
  readonly numeric: readonly number[];
  readonly footnotes?: readonly string[];
}

export function format(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(round(value));
}

/** The headline figures with their runs, targets and notes (each figure with notes gets a footnote). */
export function figuresTable(figures: Figures): Table {
  const rows: string[][] = [];
  const footnotes: string[] = [];
  for (const [key, spec] of Object.entries(FIGURES) as [FigureKey, FigureSpec][]) {
    const value = figures.value(key);
    const marks: string[] = [];
    for (const note of figures.notesOf(key)) {
      footnotes.push(`[${footnotes.length + 1}] ${key}: ${note}`);
      marks.push(`[${footnotes.length}]`);
    }
    const met = value === null || !spec.target ? '' : spec.target.met(value) ? 'met' : 'MISSED';
    rows.push([
      spec.label,
      key,
      format(value),
      spec.unit,
      String(figures.runs(key).length || ''),
      spec.target ? `${spec.target.text} ${met}`.trim() : '',
      marks.join(''),
    ]);
  }
  return {
    title: 'Figures',
    header: ['figure', 'key', 'median', 'unit', 'runs', 'target', 'notes'],
    rows,
    numeric: [2, 4],
    footnotes,
  };
}

/**
 * CPU time per unit of work, per process, and the cores each kept busy: what bounds each figure. The
 * ceiling is the rate that CPU time would allow with nothing else running (see `CpuAccount`).
 */
export function cpuTable(cpu: Record<string, Partial<Record<string, CpuSummary>>>): Table {
  const names = ['api', 'worker', 'postgres', 'bench', 'others'] as const;
  const rows: string[][] = [];
  for (const [group, phases] of Object.entries(cpu)) {
    for (const [phase, summary] of Object.entries(phases)) {
      if (!summary) continue;
      const unit = summary.per === 1 ? 'requests' : 'events';
      rows.push([
        `${group}: ${phase}`,
        summary.per === 1 ? 'request' : `${format(summary.per)} events`,
        summary.ceiling_per_s === null ? '–' : `${format(summary.ceiling_per_s)} ${unit}/s`,
        ...names.map((n) => {
          const p = summary.processes[n];
          return p ? `${format(p.cpu_ms)} ms (${p.cores.toFixed(2)})` : '–';
        }),
      ]);
    }
  }
  return {
    title: 'CPU time per unit of work, by process (cores kept busy)',
    header: [
      'phase',
      'per',
      'CPU ceiling',
      'Tally API',
      'projection worker',
      'PostgreSQL',
      'load generator',
      'other processes',
    ],
    rows,
    numeric: [2, 3, 4, 5, 6, 7],
  };
}

export const GROWTH_FIGURES: readonly FigureKey[] = [
  'batch_ingest_eps',
  'projection_eps',
  'preview_p50_ms',
  'preview_p99_ms',
  'meter_query_p50_ms',
  'meter_query_p99_ms',
  'replay_eps',
  'replay_seconds',
  'api_peak_rss_mb',
  'worker_peak_rss_mb',
];

export interface ScenarioRow {
  readonly events: number;
  readonly users: number;
  readonly subjects: number;
  readonly figures: Partial<Record<FigureKey, number | null>>;
}

/** One row per data set: how each cost grows with events and with distinct users. */
export function growthTable(scenarios: readonly ScenarioRow[]): Table {
  return {
    title: 'How cost grows with work (one row per data set)',
    header: ['events', 'users', 'subjects', ...GROWTH_FIGURES],
    rows: scenarios.map((s) => [
      format(s.events),
      format(s.users),
      format(s.subjects),
      ...GROWTH_FIGURES.map((k) => format(s.figures[k])),
    ]),
    numeric: Array.from({ length: 3 + GROWTH_FIGURES.length }, (_, i) => i),
  };
}

export function renderText(table: Table): string {
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (table.numeric.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [
    `${table.title}:`,
    line(table.header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...table.rows.map(line),
    ...(table.footnotes?.length ? ['', ...table.footnotes] : []),
  ].join('\n');
}

export function renderMarkdown(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const line = (row: readonly string[]) => `| ${row.map(escape).join(' | ')} |`;
  return [
    `**${table.title}**`,
    '',
    line(table.header),
    `|${table.header.map((_, c) => (table.numeric.includes(c) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table.rows.map(line),
    ...(table.footnotes?.length ? ['', ...table.footnotes.map((f) => `${f}  `)] : []),
  ].join('\n');
}
