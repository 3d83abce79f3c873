import { FormEvent, useState } from 'react';
import type { Aggregation, Meter, MeterQueryAnswer, MeterQueryRow } from '../api/answers';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { keyOf, quantity } from '../format';
import { Link, navigate } from '../router';
import { canWrite, useSession } from '../session';
import {
  Dialog,
  Empty,
  ErrorNote,
  Field,
  FormProblem,
  Pager,
  Time,
  useLoad,
  usePaged,
  useSubmit,
} from '../ui';

/** The aggregations as the tutorial names them ("UNIQUE COUNT"), with the API's values. */
export const AGGREGATIONS: { value: Aggregation; label: string }[] = [
  { value: 'SUM', label: 'SUM' },
  { value: 'COUNT', label: 'COUNT' },
  { value: 'UNIQUE_COUNT', label: 'UNIQUE COUNT' },
  { value: 'AVG', label: 'AVG' },
  { value: 'MIN', label: 'MIN' },
  { value: 'MAX', label: 'MAX' },
  { value: 'LATEST', label: 'LATEST' },
];
const aggregationLabel = (value: string) => AGGREGATIONS.find((a) => a.value === value)?.label ?? value;

export function MetersPage() {
  const session = useSession();
  const meters = useLoad(() => call<Meter[]>(api.GET('/api/v1/meters')), []);
  const paged = usePaged(meters.data);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <header className="page-header">
        <h1>Meters</h1>
        {canWrite(session) && (
          <button type="button" onClick={() => setCreating(true)}>
            New meter
          </button>
        )}
      </header>
      <p className="lead">
        Meters aggregate usage events over time: the numbers every invoice line is made of.
      </p>
      <ErrorNote error={meters.error} />
      {meters.data?.length === 0 ? (
        <Empty>No meters yet.</Empty>
      ) : (
        <table>
          <caption>Meters</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Event type</th>
              <th scope="col">Aggregation</th>
              <th scope="col">Value property</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((meter) => (
              <tr key={meter.id}>
                <td>
                  <Link to={`/meters/${meter.slug}`}>{meter.name}</Link>
                </td>
                <td>
                  <code>{meter.slug}</code>
                </td>
                <td>{meter.eventType}</td>
                <td>{aggregationLabel(meter.aggregation)}</td>
                <td>{meter.valueProperty ? <code>{meter.valueProperty}</code> : '—'}</td>
                <td>
                  <Time iso={meter.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Meters" page={paged.page} totalCount={paged.totalCount} onPage={paged.setPage} />
      {creating && <NewMeter onClose={() => setCreating(false)} />}
    </>
  );
}

type MeterRequest = components['schemas']['CreateMeterRequest'];

function NewMeter({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string>();
  const [description, setDescription] = useState('');
  const [eventType, setEventType] = useState('');
  const [aggregation, setAggregation] = useState<Aggregation>('SUM');
  const [valueProperty, setValueProperty] = useState('');
  const { submit, busy, problem, fields } = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body: MeterRequest = {
      slug: slug ?? keyOf(name),
      name,
      eventType,
      aggregation,
      ...(description ? { description } : {}),
      ...(aggregation === 'COUNT' ? {} : { valueProperty }),
    };
    void submit(async () => {
      const meter = await call<Meter>(api.POST('/api/v1/meters', { body }));
      onClose();
      navigate(`/meters/${meter.slug}`);
    });
  };
  return (
    <Dialog title="New meter" onClose={onClose}>
      <form onSubmit={save}>
        <Field label="Name" error={fields.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label="Slug" error={fields.slug} hint="Made from the name; the API and the features use it.">
          {(props) => (
            <input {...props} value={slug ?? keyOf(name)} onChange={(e) => setSlug(e.target.value)} />
          )}
        </Field>
        <Field label="Description" error={fields.description}>
          {(props) => (
            <input {...props} value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        <Field
          label="Event Type Filter"
          error={fields.eventType}
          hint="The CloudEvents type this meter counts."
        >
          {(props) => <input {...props} value={eventType} onChange={(e) => setEventType(e.target.value)} />}
        </Field>
        <Field label="Aggregation" error={fields.aggregation}>
          {(props) => (
            <select
              {...props}
              value={aggregation}
              onChange={(e) => setAggregation(e.target.value as Aggregation)}
            >
              {AGGREGATIONS.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {aggregation !== 'COUNT' && (
          <Field
            label="Value property"
            error={fields.valueProperty}
            hint="A JSONPath into the event's data, e.g. $.user_id"
          >
            {(props) => (
              <input {...props} value={valueProperty} onChange={(e) => setValueProperty(e.target.value)} />
            )}
          </Field>
        )}
        <FormProblem
          problem={problem}
          shown={['name', 'slug', 'description', 'eventType', 'aggregation', 'valueProperty']}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const WINDOWS = ['MINUTE', 'HOUR', 'DAY', 'MONTH'] as const;
type WindowSize = (typeof WINDOWS)[number];
/** How far back the chart looks, per window size: enough windows to see a shape. */
const SPAN_MS: Record<WindowSize, number> = {
  MINUTE: 60 * 60_000,
  HOUR: 24 * 3_600_000,
  DAY: 30 * 86_400_000,
  MONTH: 365 * 86_400_000,
};

export function MeterPage({ slug }: { slug: string }) {
  const meter = useLoad(
    () =>
      call<Meter>(api.GET('/api/v1/meters/{meterIdOrSlug}', { params: { path: { meterIdOrSlug: slug } } })),
    [slug],
  );
  const [windowSize, setWindowSize] = useState<WindowSize>('HOUR');
  const [groupBy, setGroupBy] = useState('');
  const [from] = useState(() => Date.now());
  const query = {
    windowSize,
    from: new Date(Math.floor((from - SPAN_MS[windowSize]) / 3_600_000) * 3_600_000).toISOString(),
    ...(groupBy ? { groupBy: [groupBy] } : {}),
  };
  const usage = useLoad(
    () =>
      call<MeterQueryAnswer>(
        api.GET('/api/v1/meters/{meterIdOrSlug}/query', { params: { path: { meterIdOrSlug: slug }, query } }),
      ),
    [slug, windowSize, groupBy],
  );
  const paged = usePaged(usage.data?.data);
  const downloadCsv = async () => {
    const { data } = await api.GET('/api/v1/meters/{meterIdOrSlug}/query', {
      params: { path: { meterIdOrSlug: slug }, query },
      headers: { accept: 'text/csv' },
      parseAs: 'text',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([data ?? ''], { type: 'text/csv' }));
    link.download = `${slug}-${windowSize.toLowerCase()}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const m = meter.data;
  return (
    <>
      <p className="crumbs">
        <Link to="/meters">Meters</Link> /
      </p>
      <h1>{m?.name ?? slug}</h1>
      <ErrorNote error={meter.error} />
      {m && (
        <dl className="facts">
          <dt>Slug</dt>
          <dd>
            <code>{m.slug}</code>
          </dd>
          <dt>Description</dt>
          <dd>{m.description || '—'}</dd>
          <dt>Event type</dt>
          <dd>{m.eventType}</dd>
          <dt>Aggregation</dt>
          <dd>{aggregationLabel(m.aggregation)}</dd>
          <dt>Value property</dt>
          <dd>{m.valueProperty ? <code>{m.valueProperty}</code> : '—'}</dd>
        </dl>
      )}
      <h2>Usage</h2>
      <div className="controls">
        <Field label="Window">
          {(props) => (
            <select
              {...props}
              value={windowSize}
              onChange={(e) => setWindowSize(e.target.value as WindowSize)}
            >
              {WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {w.toLowerCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Group by">
          {(props) => (
            <select {...props} value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
              <option value="">nothing</option>
              <option value="subject">subject</option>
              <option value="customer_id">customer</option>
              {Object.keys(m?.groupBy ?? {}).map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" onClick={() => void downloadCsv()}>
          Download CSV
        </button>
      </div>
      <ErrorNote error={usage.error} />
      {usage.data && <UsageChart rows={usage.data.data} groupBy={groupBy} />}
      {usage.data && (
        <table>
          <caption>Usage by {windowSize.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">Window start</th>
              <th scope="col">Window end</th>
              {groupBy && <th scope="col">{groupBy}</th>}
              <th scope="col" className="number">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((row, i) => (
              <tr key={i}>
                <td>
                  <Time iso={row.windowStart} />
                </td>
                <td>
                  <Time iso={row.windowEnd} />
                </td>
                {groupBy && <td>{groupValue(row, groupBy)}</td>}
                <td className="number">{quantity(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Usage" page={paged.page} totalCount={paged.totalCount} onPage={paged.setPage} />
    </>
  );
}

const groupValue = (row: MeterQueryRow, groupBy: string) =>
  (groupBy === 'subject' ? row.subject : groupBy === 'customer_id' ? row.customerId : row.groupBy[groupBy]) ??
  '—';

/** One bar per window (and group): an SVG drawn here, so no script or style comes from elsewhere. */
function UsageChart({ rows, groupBy }: { rows: MeterQueryRow[]; groupBy: string }) {
  if (rows.length === 0) return <Empty>No usage in this range.</Empty>;
  const shown = rows.slice(-60);
  const max = Math.max(...shown.map((r) => r.value), 1);
  const width = 720;
  const height = 180;
  const bar = width / shown.length;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height + 20}`}
        role="img"
        aria-label={`Usage chart, highest value ${quantity(max)}`}
      >
        {shown.map((row, i) => {
          const h = (row.value / max) * height;
          return (
            <rect
              key={i}
              x={i * bar + 1}
              y={height - h}
              width={Math.max(1, bar - 2)}
              height={h}
              className="bar"
            >
              <title>
                {new Date(row.windowStart).toLocaleString()}
                {groupBy ? ` · ${groupValue(row, groupBy)}` : ''}: {quantity(row.value)}
              </title>
            </rect>
          );
        })}
        <line x1="0" y1={height} x2={width} y2={height} className="axis" />
      </svg>
      <figcaption>Highest: {quantity(max)}. Hover a bar for its window and value.</figcaption>
    </figure>
  );
}
