import { FormEvent, useState } from 'react';
import type { ApiToken, CreatedToken, ProjectionStatus, Reconciliation, Role } from '../api/answers';
import { api, call } from '../api/client';
import { canWrite, useSession } from '../session';
import {
  Dialog,
  Empty,
  ErrorNote,
  Field,
  FormProblem,
  Pager,
  TabPanel,
  Tabs,
  Time,
  useLoad,
  usePaged,
  useSubmit,
} from '../ui';

type Tab = 'Projections' | 'Reconciliation' | 'API tokens';

export function OperationsPage() {
  const session = useSession();
  // Projections are the installation's: a system token's. Reconciliation and tokens: an admin's.
  const tabs: Tab[] = [
    ...(session.role === 'system' ? (['Projections'] as const) : []),
    ...(canWrite(session) ? (['Reconciliation', 'API tokens'] as const) : []),
  ];
  const [tab, setTab] = useState<Tab | undefined>(tabs[0]);
  return (
    <>
      <h1>Operations</h1>
      {tab === undefined ? (
        <p className="lead">Operations need an admin token; this session's token may read.</p>
      ) : (
        <>
          <Tabs label="Operations" tabs={tabs} current={tab} onChange={setTab} />
          <TabPanel tab={tab}>
            {tab === 'Projections' && <Projections />}
            {tab === 'Reconciliation' && <ReconciliationPanel />}
            {tab === 'API tokens' && <Tokens />}
          </TabPanel>
        </>
      )}
    </>
  );
}

function Projections() {
  const projections = useLoad(() => call<ProjectionStatus[]>(api.GET('/api/v1/admin/projections')), []);
  const [problem, setProblem] = useState<Error>();
  const rebuild = async (name: string) => {
    setProblem(undefined);
    try {
      await call(api.POST('/api/v1/admin/projections/{name}/rebuild', { params: { path: { name } } }));
    } catch (error) {
      setProblem(error as Error);
    }
    projections.reload();
  };
  return (
    <>
      <p className="lead">
        Every read model is a projection of the log, rebuilt from position zero into shadow tables while the
        old ones keep serving. A rebuild makes every namespace's reads wait for it.
      </p>
      <div className="toolbar">
        <button type="button" className="secondary" onClick={projections.reload}>
          Refresh
        </button>
      </div>
      <ErrorNote error={projections.error ?? problem} />
      <table>
        <caption>Projections</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">State</th>
            <th scope="col" className="number">
              Lag
            </th>
            <th scope="col">Position</th>
            <th scope="col">Rebuild</th>
          </tr>
        </thead>
        <tbody>
          {projections.data?.map((p) => (
            <tr key={p.name}>
              <td>
                <code>{p.name}</code>
              </td>
              <td>
                <span className={`status ${p.state}`}>{p.state}</span>
                {p.lastError && <small className="field-error"> {p.lastError}</small>}
              </td>
              <td className="number">{p.lag}</td>
              <td>
                <code>{p.position}</code>
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => void rebuild(p.name)}
                  disabled={p.state === 'rebuilding'}
                  aria-label={`Rebuild ${p.name}`}
                >
                  Rebuild
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const COUNTS = [
  'accepted',
  'stored',
  'deduplicated',
  'voided',
  'metered',
  'attributed',
  'billable',
  'billed',
  'pendingCorrection',
] as const;

function ReconciliationPanel() {
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => dayAfter(today()));
  const [answer, setAnswer] = useState<Reconciliation>();
  const { submit, busy, problem, fields } = useSubmit();
  const reconcile = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      setAnswer(
        await call<Reconciliation>(
          api.GET('/api/v1/admin/reconciliation', {
            params: { query: { from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` } },
          }),
        ),
      );
    });
  };
  const paged = usePaged(answer?.days);
  return (
    <>
      <p className="lead">
        Every usage event of a range of UTC days, accounted for: accepted, stored, deduplicated, voided,
        metered, attributed to a customer, billable, billed on an issued document, and pending a correction
        (it changed a period already issued).
      </p>
      <form onSubmit={reconcile} className="controls" aria-label="Reconciliation range">
        <Field label="From (UTC day)" error={fields.from ?? fields['query.from']}>
          {(props) => (
            <input {...props} type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          )}
        </Field>
        <Field label="To (UTC day, exclusive)" error={fields.to ?? fields['query.to']}>
          {(props) => (
            <input {...props} type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          Reconcile
        </button>
      </form>
      <FormProblem problem={problem} shown={['from', 'to', 'query.from', 'query.to']} />
      {answer && (
        <table>
          <caption>Reconciliation by day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {COUNTS.map((c) => (
                <th key={c} scope="col" className="number">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paged.items.map((day) => (
              <tr key={day.from}>
                <td>{day.from.slice(0, 10)}</td>
                {COUNTS.map((c) => (
                  <td key={c} className="number">
                    {day[c] ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {COUNTS.map((c) => (
                <td key={c} className="number">
                  {answer.totals[c] ?? '—'}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
      {answer && (
        <Pager label="Days" page={paged.page} totalCount={paged.totalCount} onPage={paged.setPage} />
      )}
    </>
  );
}

/** The roles an API token may be created with (portal tokens are made by the portal's own route). */
type TokenRole = Exclude<Role, 'portal'>;
const ROLES: TokenRole[] = ['read', 'ingest', 'admin', 'system'];

function Tokens() {
  const session = useSession();
  const tokens = useLoad(() => call<ApiToken[]>(api.GET('/api/v1/tokens')), []);
  const paged = usePaged(tokens.data);
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('read');
  const [created, setCreated] = useState<CreatedToken>();
  const [revoking, setRevoking] = useState<ApiToken>();
  const { submit, busy, problem, fields } = useSubmit();
  const create = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      setCreated(await call<CreatedToken>(api.POST('/api/v1/tokens', { body: { name, role } })));
      setName('');
      tokens.reload();
    });
  };
  return (
    <>
      <form onSubmit={create} className="controls" aria-label="Create token">
        <Field label="Token name" error={fields.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label="Role" error={fields.role}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as TokenRole)}>
              {ROLES.filter((r) => r !== 'system' || session.role === 'system').map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>
          Create token
        </button>
      </form>
      <FormProblem problem={problem} shown={['name', 'role']} />
      <ErrorNote error={tokens.error} />
      {tokens.data?.length === 0 ? (
        <Empty>No tokens.</Empty>
      ) : (
        <table>
          <caption>API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Revoked</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.role}</td>
                <td>
                  <Time iso={token.createdAt} />
                </td>
                <td>
                  <Time iso={token.revokedAt} />
                </td>
                <td>
                  {!token.revokedAt &&
                    token.id !== session.tokenId &&
                    (token.role !== 'system' || session.role === 'system') && (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => setRevoking(token)}
                        aria-label={`Revoke ${token.name}`}
                      >
                        Revoke
                      </button>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Tokens" page={paged.page} totalCount={paged.totalCount} onPage={paged.setPage} />
      {created && (
        <Dialog title="Token created" onClose={() => setCreated(undefined)}>
          <p>
            The secret of <strong>{created.name}</strong> ({created.role}). Copy it now: it is shown this once
            and kept nowhere.
          </p>
          <p>
            <output aria-label="Secret" className="secret">
              {created.secret}
            </output>
          </p>
          <div className="actions">
            <button type="button" onClick={() => setCreated(undefined)}>
              Done
            </button>
          </div>
        </Dialog>
      )}
      {revoking && (
        <RevokeToken
          token={revoking}
          onClose={(revoked) => {
            setRevoking(undefined);
            if (revoked) tokens.reload();
          }}
        />
      )}
    </>
  );
}

function RevokeToken({ token, onClose }: { token: ApiToken; onClose: (revoked: boolean) => void }) {
  const { submit, busy, problem } = useSubmit();
  const revoke = () =>
    void submit(async () => {
      await call(api.DELETE('/api/v1/tokens/{tokenId}', { params: { path: { tokenId: token.id } } }));
      onClose(true);
    });
  return (
    <Dialog title="Revoke token" onClose={() => onClose(false)}>
      <p>
        Revoke <strong>{token.name}</strong>? Every process refuses it at once, and its console sessions end.
      </p>
      <FormProblem problem={problem} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onClose(false)}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={revoke} disabled={busy}>
          Revoke
        </button>
      </div>
    </Dialog>
  );
}
