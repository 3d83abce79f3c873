import { FormEvent, useState } from 'react';
import type { IngestedEventsPage } from '../api/answers';
import { ApiProblem, api, call } from '../api/client';
import { canWrite, useSession } from '../session';
import {
  CursorPager,
  Dialog,
  Empty,
  ErrorNote,
  Field,
  FormProblem,
  Time,
  useCursorPages,
  useLoad,
  useSubmit,
} from '../ui';

/** Events a page: the most the API answers at once. */
const EVENTS_PAGE = 100;

export function EventsPage() {
  const session = useSession();
  // Paged by the server's cursor, newest first: every event can be reached, not only the latest.
  const pages = useCursorPages();
  const events = useLoad(
    () =>
      call<IngestedEventsPage>(
        api.GET('/api/v2/events', {
          params: { query: { limit: EVENTS_PAGE, ...(pages.cursor ? { cursor: pages.cursor } : {}) } },
        }),
      ),
    [pages.cursor],
  );
  const [sending, setSending] = useState(false);
  return (
    <>
      <header className="page-header">
        <h1>Events</h1>
        {canWrite(session) && (
          <button type="button" onClick={() => setSending(true)}>
            Send test event
          </button>
        )}
      </header>
      <p className="lead">
        Every usage event, newest first, with why a meter ignored one or why it is not billed, and which were
        voided (they stay listed and count nowhere).
      </p>
      <ErrorNote error={events.error} />
      {events.data?.items.length === 0 && pages.page === 1 ? (
        <Empty>No events yet.</Empty>
      ) : (
        <table>
          <caption>Events</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Id</th>
              <th scope="col">Source</th>
              <th scope="col">Type</th>
              <th scope="col">Subject</th>
              <th scope="col">Data</th>
              <th scope="col">Validation error</th>
              <th scope="col">Voided</th>
            </tr>
          </thead>
          <tbody>
            {events.data?.items.map(({ event, validationError, voided }) => (
              <tr
                key={`${event.source}/${event.id}`}
                className={validationError || voided ? 'flagged' : undefined}
              >
                <td>
                  <Time iso={event.time} />
                </td>
                <td>
                  <code>{event.id}</code>
                </td>
                <td>{event.source}</td>
                <td>{event.type}</td>
                <td>{event.subject ?? '—'}</td>
                <td>
                  <code className="data">{JSON.stringify(event.data)}</code>
                </td>
                <td>{validationError ?? '—'}</td>
                <td>
                  {voided ? (
                    <>
                      voided <Time iso={voided.voidedAt} /> by {voided.actor.name}: {voided.reason}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CursorPager
        label="Events"
        page={pages.page}
        nextCursor={events.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
      {sending && (
        <SendTestEvent
          onClose={(sent) => {
            setSending(false);
            if (sent) {
              pages.first();
              events.reload();
            }
          }}
        />
      )}
    </>
  );
}

function SendTestEvent({ onClose }: { onClose: (sent: boolean) => void }) {
  const [type, setType] = useState('');
  const [subject, setSubject] = useState('');
  const [source, setSource] = useState('tally-console');
  const [id, setId] = useState<string>(() => crypto.randomUUID());
  const [data, setData] = useState('{}');
  const { submit, busy, problem, fields } = useSubmit();
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      try {
        JSON.parse(data);
      } catch {
        throw new ApiProblem({
          status: 400,
          detail: 'The data is not JSON',
          errors: [{ field: 'data', message: 'Not JSON' }],
        });
      }
      const cloudEvent = {
        specversion: '1.0' as const,
        id,
        source,
        type,
        subject,
        time: new Date().toISOString(),
      };
      await call(
        api.POST('/api/v1/events', {
          body: cloudEvent,
          // The data goes as typed: parsed and written again, a number no double holds exactly would
          // be rounded (or become null) here instead of kept to the digit or refused by the server.
          bodySerializer: (event) => `${JSON.stringify(event).slice(0, -1)},"data":${data}}`,
          headers: { 'content-type': 'application/cloudevents+json' },
        }),
      );
      onClose(true);
    });
  };
  return (
    <Dialog title="Send test event" onClose={() => onClose(false)}>
      <form onSubmit={send}>
        <Field label="Type" error={fields.type}>
          {(props) => <input {...props} value={type} onChange={(e) => setType(e.target.value)} />}
        </Field>
        <Field label="Subject" error={fields.subject}>
          {(props) => <input {...props} value={subject} onChange={(e) => setSubject(e.target.value)} />}
        </Field>
        <Field label="Source" error={fields.source}>
          {(props) => <input {...props} value={source} onChange={(e) => setSource(e.target.value)} />}
        </Field>
        <Field label="Id" error={fields.id} hint="Events are deduplicated by source and id, for ever.">
          {(props) => <input {...props} value={id} onChange={(e) => setId(e.target.value)} />}
        </Field>
        <Field
          label="Data (JSON)"
          error={fields.data ?? Object.entries(fields).find(([f]) => f.startsWith('data.'))?.[1]}
        >
          {(props) => <textarea {...props} rows={4} value={data} onChange={(e) => setData(e.target.value)} />}
        </Field>
        <FormProblem problem={problem} shown={['type', 'subject', 'source', 'id', 'data']} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Send
          </button>
        </div>
      </form>
    </Dialog>
  );
}
