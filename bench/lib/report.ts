import { median, round } from './stats';

export interface FigureSpec {
  readonly label: string;
  readonly unit: string;
  /** What the design asks of this figure, shown beside it. */
  readonly target?: { readonly text: string; readonly met: (value: number) => boolean };
}

/** Every headline figure, in table order. `latest.json` has each of them, a number or null. */
export const FIGURES = {
  raw_copy_eps: { label: 'raw limit: COPY into indexed table', unit: 'events/s' },
  batch_ingest_eps: { label: 'batch ingestion over HTTP', unit: 'events/s' },
  batch_ingest_ratio: { label: '  ÷ raw COPY', unit: '×', target: { text: '≥ 0.5', met: (v) => v >= 0.5 } },
  single_ingest_eps: {
    label: 'single-event ingestion over HTTP',
    unit: 'events/s',
    target: { text: '≥ 10,000', met: (v) => v >= 10_000 },
  },
  single_ingest_p50_ms: { label: '  latency p50', unit: 'ms' },
  single_ingest_p99_ms: { label: '  latency p99', unit: 'ms', target: { text: '< 50', met: (v) => v < 50 } },
  single_ingest_raw_http_eps: { label: '  raw limit: bare Fastify route, same requests', unit: 'requests/s' },
  single_ingest_raw_http_ratio: { label: '  Tally ÷ bare Fastify route', unit: '×' },
  record_usage_eps: { label: 'event store recordUsage (dedup)', unit: 'events/s' },
  record_usage_copy_ratio: { label: '  ÷ raw COPY', unit: '×' },
  append_eps: { label: 'event store append (Tally)', unit: 'events/s' },
  peer_append_eps: { label: 'event store append (Emmett)', unit: 'events/s' },
  peer_append_ratio: { label: '  Tally ÷ Emmett', unit: '×', target: { text: '≥ 1', met: (v) => v >= 1 } },
  projection_eps: {
    label: 'projection catch-up',
    unit: 'events/s',
    target: { text: '≥ 20,000', met: (v) => v >= 20_000 },
  },
  preview_p50_ms: { label: 'invoice preview p50', unit: 'ms' },
  preview_p99_ms: { label: 'invoice preview p99', unit: 'ms', target: { text: '< 20', met: (v) => v < 20 } },
  meter_query_p50_ms: { label: 'meter query p50', unit: 'ms' },
  meter_query_p99_ms: { label: 'meter query p99', unit: 'ms', target: { text: '< 20', met: (v) => v < 20 } },
  entitlement_value_p50_ms: { label: 'entitlement value p50', unit: 'ms' },
  entitlement_value_p99_ms: {
    label: 'entitlement value p99',
    unit: 'ms',
    target: { text: '< 10', met: (v) => v < 10 },
  },
  entitlement_access_p50_ms: { label: '  customer access (every feature) p50', unit: 'ms' },
  entitlement_access_p99_ms: {
    label: '  customer access (every feature) p99',
    unit: 'ms',
    target: { text: '< 10', met: (v) => v < 10 },
  },
  entitlement_raw_http_p50_ms: { label: '  raw limit: bare Fastify GET, same client, p50', unit: 'ms' },
  entitlement_raw_http_p99_ms: { label: '  raw limit: bare Fastify GET, same client, p99', unit: 'ms' },
  entitlement_value_raw_http_ratio: { label: '  value p99 ÷ bare GET p99', unit: '×' },
  replay_eps: { label: 'full replay of all projections', unit: 'events/s' },
  replay_seconds: { label: '  total time', unit: 's' },
  api_peak_rss_mb: { label: 'peak RSS, API process', unit: 'MiB' },
  worker_peak_rss_mb: { label: 'peak RSS, projection worker', unit: 'MiB' },
  peak_rss_mb: { label: 'peak RSS, largest Tally process', unit: 'MiB' },
} as const satisfies Record<string, FigureSpec>;

export type FigureKey = keyof typeof FIGURES;

/**
 * The samples behind each figure and why a figure has none. A figure's value is the median of its
 * samples; a figure with no samples is null and must say why.
 */
export class Figures {
  private readonly samples = new Map<FigureKey, number[]>();
  private readonly notes = new Map<FigureKey, string[]>();
  private readonly ratios = new Map<FigureKey, number>();

  add(key: FigureKey, sample: number): void {
    if (!Number.isFinite(sample)) throw new Error(`${key}: ${sample} is not a measurement`);
    this.samples.set(key, [...(this.samples.get(key) ?? []), sample]);
  }

  note(key: FigureKey, note: string): void {
    const notes = this.notes.get(key) ?? [];
    if (!notes.includes(note)) this.notes.set(key, [...notes, note]);
  }

  /** Says why figures that have no samples (yet) were not measured. */
  unavailable(keys: readonly FigureKey[], reason: string): void {
    for (const key of keys) if (!this.samples.has(key)) this.note(key, `not measured: ${reason}`);
  }

  /** A ratio of two figures' medians, for figures not measured in pairs. */
  ratio(key: FigureKey, numerator: FigureKey, denominator: FigureKey): void {
    const top = this.value(numerator);
    const bottom = this.value(denominator);
    if (top === null || bottom === null || bottom === 0) {
      this.note(key, `not measured: needs both ${numerator} and ${denominator}`);
      return;
    }
    this.ratios.set(key, top / bottom);
    this.note(key, `ratio of the medians of ${numerator} and ${denominator}`);
  }

  /** Takes `keys`' samples and notes from another set of figures (a scenario's, into the run's). */
  absorb(other: Figures, keys: readonly FigureKey[]): void {
    for (const key of keys) {
      for (const sample of other.runs(key)) this.add(key, sample);
      for (const note of other.notesOf(key)) this.note(key, note);
    }
  }

  value(key: FigureKey): number | null {
    const ratio = this.ratios.get(key);
    if (ratio !== undefined) return round(ratio);
    const value = median(this.samples.get(key) ?? []);
    return value === null ? null : round(value);
  }

  runs(key: FigureKey): readonly number[] {
    return this.samples.get(key) ?? [];
  }

  notesOf(key: FigureKey): readonly string[] {
    return this.notes.get(key) ?? [];
  }

  /** The plain numbers of `latest.json`. */
  values(): Record<FigureKey, number | null> {
    return Object.fromEntries(
      Object.keys(FIGURES).map((key) => [key, this.value(key as FigureKey)]),
    ) as Record<FigureKey, number | null>;
  }

  details(): Record<string, { unit: string; runs: number[]; target?: string; notes?: readonly string[] }> {
    return Object.fromEntries(
      (Object.entries(FIGURES) as [FigureKey, FigureSpec][]).map(([key, spec]) => [
        key,
        {
          unit: spec.unit,
          runs: this.runs(key).map(round),
          ...(spec.target ? { target: spec.target.text } : {}),
          ...(this.notesOf(key).length ? { notes: this.notesOf(key) } : {}),
        },
      ]),
    );
  }
}
