import { FormEvent, useState } from 'react';
import type {
  AuditEvent,
  Customer,
  Entitlement,
  EntitlementValue,
  Invoice,
  Page,
  Plan,
  Subscription,
} from '../api/answers';
import { api, call } from '../api/client';
import { cadence, quantity } from '../format';
import { Link, navigate } from '../router';
import { canWrite, useSession } from '../session';
import {
  Dialog,
  Empty,
  ErrorNote,
  Field,
  FormProblem,
  PAGE_SIZE,
  Pager,
  TabPanel,
  Tabs,
  Time,
  useLoad,
  usePaged,
  useRefusedStep,
  useSubmit,
} from '../ui';
import { InvoiceTable, InvoiceView } from './invoices';

export function BillingPage() {
  const session = useSession();
  const [page, setPage] = useState(1);
  const customers = useLoad(
    () =>
      call<Page<Customer>>(
        api.GET('/api/v1/customers', { params: { query: { page, pageSize: PAGE_SIZE } } }),
      ),
    [page],
  );
  const [creating, setCreating] = useState(false);
  return (
    <>
      <header className="page-header">
        <h1>Billing</h1>
        {canWrite(session) && (
          <button type="button" onClick={() => setCreating(true)}>
            Create Customer
          </button>
        )}
      </header>
      <p className="lead">
        Customers pay for usage: events whose subject is their key or one of their subject keys.
      </p>
      <ErrorNote error={customers.error} />
      {customers.data?.totalCount === 0 ? (
        <Empty>No customers yet.</Empty>
      ) : (
        <table>
          <caption>Customers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Subject keys</th>
              <th scope="col">Subscribed</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {customers.data?.items.map((customer) => (
              <tr key={customer.id}>
                <td>
                  <Link to={`/billing/customers/${encodeURIComponent(customer.key ?? customer.id)}`}>
                    {customer.name}
                  </Link>
                </td>
                <td>
                  <code>{customer.key}</code>
                </td>
                <td>{customer.usageAttribution.subjectKeys.join(', ') || '—'}</td>
                <td>{customer.currentSubscriptionId ? 'yes' : 'no'}</td>
                <td>
                  <Time iso={customer.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Customers" page={page} totalCount={customers.data?.totalCount ?? 0} onPage={setPage} />
      {creating && <CreateCustomer onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateCustomer({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [subjects, setSubjects] = useState('');
  const [currency, setCurrency] = useState('');
  const [email, setEmail] = useState('');
  const { submit, busy, problem, fields } = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const subjectKeys = subjects
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    void submit(async () => {
      const customer = await call<Customer>(
        api.POST('/api/v1/customers', {
          body: {
            name,
            ...(key ? { key } : {}),
            usageAttribution: { subjectKeys },
            ...(currency ? { currency } : {}),
            ...(email ? { primaryEmail: email } : {}),
          },
        }),
      );
      onClose();
      navigate(`/billing/customers/${encodeURIComponent(customer.key ?? customer.id)}`);
    });
  };
  const subjectError = Object.entries(fields).find(([field]) => field.startsWith('usageAttribution'))?.[1];
  return (
    <Dialog title="Create Customer" onClose={onClose}>
      <form onSubmit={save}>
        <Field label="Name" error={fields.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field
          label="Key"
          error={fields.key}
          hint='Usage events with this "subject" are billed to this customer.'
        >
          {(props) => <input {...props} value={key} onChange={(e) => setKey(e.target.value)} />}
        </Field>
        <Field
          label="Subject keys"
          error={subjectError}
          hint="Other subjects billed to this customer, separated by commas."
        >
          {(props) => <input {...props} value={subjects} onChange={(e) => setSubjects(e.target.value)} />}
        </Field>
        <Field label="Currency" error={fields.currency} hint="Optional, e.g. USD">
          {(props) => (
            <input {...props} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          )}
        </Field>
        <Field label="Primary email" error={fields.primaryEmail}>
          {(props) => (
            <input {...props} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <FormProblem
          problem={problem}
          shown={[
            'name',
            'key',
            'currency',
            'primaryEmail',
            ...Object.keys(fields).filter((f) => f.startsWith('usageAttribution')),
          ]}
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

const TABS = ['Subscription', 'Invoicing', 'Entitlements', 'History'] as const;
type Tab = (typeof TABS)[number];

export function CustomerPage({ idOrKey }: { idOrKey: string }) {
  const customer = useLoad(
    () =>
      call<Customer>(
        api.GET('/api/v1/customers/{customerIdOrKey}', { params: { path: { customerIdOrKey: idOrKey } } }),
      ),
    [idOrKey],
  );
  const subscriptions = useLoad(
    () =>
      call<Page<Subscription>>(
        api.GET('/api/v1/customers/{customerIdOrKey}/subscriptions', {
          params: { path: { customerIdOrKey: idOrKey } },
        }),
      ),
    [idOrKey],
  );
  const [tab, setTab] = useState<Tab>('Subscription');
  const c = customer.data;
  const current = subscriptions.data?.items.find((s) => s.status === 'active' || s.status === 'scheduled');
  return (
    <>
      <p className="crumbs">
        <Link to="/billing">Billing</Link> /
      </p>
      <h1>{c?.name ?? idOrKey}</h1>
      <ErrorNote error={customer.error} />
      {c && (
        <>
          <dl className="facts">
            <dt>Key</dt>
            <dd>
              <code>{c.key}</code>
            </dd>
            <dt>Subject keys</dt>
            <dd>{c.usageAttribution.subjectKeys.join(', ') || '—'}</dd>
            {c.primaryEmail && (
              <>
                <dt>Primary email</dt>
                <dd>{c.primaryEmail}</dd>
              </>
            )}
          </dl>
          <Tabs label="Customer" tabs={TABS} current={tab} onChange={setTab} />
          <TabPanel tab={tab}>
            {tab === 'Subscription' && (
              <SubscriptionTab
                customer={c}
                subscriptions={subscriptions.data?.items ?? []}
                current={current}
                onChange={subscriptions.reload}
              />
            )}
            {tab === 'Invoicing' && <InvoicingTab customer={c} />}
            {tab === 'Entitlements' && <EntitlementsTab customer={c} />}
            {tab === 'History' && <HistoryTab customer={c} />}
          </TabPanel>
        </>
      )}
    </>
  );
}

function SubscriptionTab({
  customer,
  subscriptions,
  current,
  onChange,
}: {
  customer: Customer;
  subscriptions: Subscription[];
  current?: Subscription;
  onChange: () => void;
}) {
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const [canceling, setCanceling] = useState(false);
  const paged = usePaged(subscriptions);
  return (
    <>
      <div className="toolbar">
        {canWrite(session) && !current && (
          <button type="button" onClick={() => setCreating(true)}>
            Create a Subscription
          </button>
        )}
        {canWrite(session) && current && (
          <button type="button" className="danger" onClick={() => setCanceling(true)}>
            Cancel Subscription
          </button>
        )}
      </div>
      {subscriptions.length === 0 ? (
        <Empty>No subscription.</Empty>
      ) : (
        <table>
          <caption>Subscriptions</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Status</th>
              <th scope="col">Active from</th>
              <th scope="col">Active to</th>
              <th scope="col">Billing cadence</th>
              <th scope="col">Current period</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.plan ? (
                    <>
                      <Link to={`/product-catalog/plans/${s.plan.id}`}>{s.name}</Link> (v{s.plan.version})
                    </>
                  ) : (
                    <>{s.name} (custom plan)</>
                  )}
                </td>
                <td>
                  <span className={`status ${s.status}`}>{s.status}</span>
                </td>
                <td>
                  <Time iso={s.activeFrom} />
                </td>
                <td>
                  <Time iso={s.activeTo} />
                </td>
                <td>{cadence(s.billingCadence)}</td>
                <td>
                  {s.currentPeriod ? (
                    <>
                      <Time iso={s.currentPeriod.from} /> – <Time iso={s.currentPeriod.to} />
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
      <Pager label="Subscriptions" page={paged.page} totalCount={paged.totalCount} onPage={paged.setPage} />
      {creating && (
        <CreateSubscription
          customer={customer}
          onClose={(created) => {
            setCreating(false);
            if (created) onChange();
          }}
        />
      )}
      {canceling && current && (
        <CancelSubscription
          subscription={current}
          onClose={(canceled) => {
            setCanceling(false);
            if (canceled) onChange();
          }}
        />
      )}
    </>
  );
}

function CreateSubscription({
  customer,
  onClose,
}: {
  customer: Customer;
  onClose: (created: boolean) => void;
}) {
  const plans = useLoad(
    () =>
      call<Page<Plan>>(
        api.GET('/api/v1/plans', { params: { query: { status: ['active'], pageSize: 1000 } } }),
      ),
    [],
  );
  const [step, setStep] = useState(1);
  const [planKey, setPlanKey] = useState('');
  const { submit, busy, problem, fields } = useSubmit();
  const plan = plans.data?.items.find((p) => p.key === planKey);
  useRefusedStep(problem, (field) => (field.startsWith('plan') ? 1 : undefined), setStep);
  const start = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await call(
        api.POST('/api/v1/subscriptions', {
          body: { customerId: customer.id, plan: { key: planKey }, timing: 'immediate' },
        }),
      );
      onClose(true);
    });
  };
  return (
    <Dialog title="Create a Subscription" onClose={() => onClose(false)}>
      {step === 1 ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setStep(2);
          }}
        >
          <Field label="Subscribed Plan" error={fields['plan.key'] ?? fields.plan}>
            {(props) => (
              <select {...props} value={planKey} onChange={(e) => setPlanKey(e.target.value)} required>
                <option value="">Choose a published plan</option>
                {plans.data?.items.map((p) => (
                  <option key={p.id} value={p.key}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <FormProblem problem={problem} shown={['plan.key', 'plan']} />
          <div className="actions">
            <button type="submit">Next Step</button>
          </div>
        </form>
      ) : (
        <form onSubmit={start}>
          <p>
            Subscribe <strong>{customer.name}</strong> to <strong>{plan?.name}</strong> (version{' '}
            {plan?.version}, {plan?.currency}, billed every {cadence(plan?.billingCadence ?? '')}), starting
            now. Usage sent from now on is billed.
          </p>
          <FormProblem problem={problem} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setStep(1)}>
              Back
            </button>
            <button type="submit" disabled={busy}>
              Start Subscription
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function CancelSubscription({
  subscription,
  onClose,
}: {
  subscription: Subscription;
  onClose: (canceled: boolean) => void;
}) {
  const { submit, busy, problem } = useSubmit();
  const cancel = () =>
    void submit(async () => {
      await call(
        api.POST('/api/v1/subscriptions/{subscriptionId}/cancel', {
          params: { path: { subscriptionId: subscription.id } },
          body: { timing: 'immediate' },
        }),
      );
      onClose(true);
    });
  return (
    <Dialog title="Cancel Subscription" onClose={() => onClose(false)}>
      <p>
        End <strong>{subscription.name}</strong> now? Usage up to this second is still billed.
      </p>
      <FormProblem problem={problem} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onClose(false)}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={cancel} disabled={busy}>
          Cancel Subscription
        </button>
      </div>
    </Dialog>
  );
}

function InvoicingTab({ customer }: { customer: Customer }) {
  const [preview, setPreview] = useState<Invoice>();
  const { submit, busy, problem } = useSubmit();
  const [page, setPage] = useState(1);
  const invoices = useLoad(
    () =>
      call<Page<Invoice>>(
        api.GET('/api/v1/billing/invoices', {
          params: { query: { customers: [customer.id], page, pageSize: PAGE_SIZE } },
        }),
      ),
    [customer.id, page],
  );
  const show = () =>
    void submit(async () => {
      setPreview(
        await call<Invoice>(
          api.GET('/api/v1/billing/customers/{customerIdOrKey}/invoices/preview', {
            params: { path: { customerIdOrKey: customer.id } },
          }),
        ),
      );
    });
  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={show} disabled={busy}>
          Preview Invoice
        </button>
      </div>
      <FormProblem problem={problem} />
      {preview && (
        <section aria-label="Invoice preview">
          <h2>Preview of the current period</h2>
          <InvoiceView invoice={preview} />
        </section>
      )}
      <h2>Invoices</h2>
      <ErrorNote error={invoices.error} />
      {invoices.data && (
        <InvoiceTable invoices={invoices.data.items} caption={`Invoices of ${customer.name}`} />
      )}
      <Pager label="Invoices" page={page} totalCount={invoices.data?.totalCount ?? 0} onPage={setPage} />
    </>
  );
}

function EntitlementsTab({ customer }: { customer: Customer }) {
  // Every entitlement of the customer: those its subscription's rate cards provide and those granted
  // through the API alike, each with its value.
  const [page, setPage] = useState(1);
  const entitlements = useLoad(
    () =>
      call<Page<Entitlement>>(
        api.GET('/api/v2/customers/{customerIdOrKey}/entitlements', {
          params: { path: { customerIdOrKey: customer.id }, query: { page, pageSize: PAGE_SIZE } },
        }),
      ),
    [customer.id, page],
  );
  return (
    <>
      <p className="lead">
        What the customer may use, from its subscription or granted directly, and for a metered entitlement
        what is left: its grants burnt down by the usage of the period in progress.
      </p>
      <ErrorNote error={entitlements.error} />
      {entitlements.data?.totalCount === 0 ? (
        <Empty>No entitlements.</Empty>
      ) : (
        <table>
          <caption>Entitlements</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Type</th>
              <th scope="col">Access</th>
              <th scope="col">Config</th>
              <th scope="col" className="number">
                Granted
              </th>
              <th scope="col" className="number">
                Usage
              </th>
              <th scope="col" className="number">
                Balance
              </th>
              <th scope="col" className="number">
                Overage
              </th>
            </tr>
          </thead>
          <tbody>
            {entitlements.data?.items.map((entitlement) => (
              <EntitlementRow key={entitlement.id} customer={customer} entitlement={entitlement} />
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Entitlements"
        page={page}
        totalCount={entitlements.data?.totalCount ?? 0}
        onPage={setPage}
      />
    </>
  );
}

function EntitlementRow({ customer, entitlement }: { customer: Customer; entitlement: Entitlement }) {
  const value = useLoad(
    () =>
      call<EntitlementValue>(
        api.GET('/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value', {
          params: {
            path: { customerIdOrKey: customer.id, entitlementIdOrFeatureKey: entitlement.id },
          },
        }),
      ),
    [customer.id, entitlement.id],
  );
  const v = value.data;
  return (
    <tr>
      <th scope="row">{entitlement.featureKey}</th>
      <td>{entitlement.type}</td>
      <td>{value.error ? value.error.message : v ? (v.hasAccess ? 'Has access' : 'No access') : '…'}</td>
      <td>{v?.config ? <code>{v.config}</code> : '—'}</td>
      <td className="number">{quantity(v?.totalAvailableGrantAmount)}</td>
      <td className="number">{quantity(v?.usage)}</td>
      <td className="number">{quantity(v?.balance)}</td>
      <td className="number">{quantity(v?.overage)}</td>
    </tr>
  );
}

function HistoryTab({ customer }: { customer: Customer }) {
  const history = useLoad(
    () =>
      call<{ items: AuditEvent[] }>(
        api.GET('/api/v1/customers/{idOrKey}/history', { params: { path: { idOrKey: customer.id } } }),
      ),
    [customer.id],
  );
  const paged = usePaged(history.data?.items.slice().reverse());
  return (
    <>
      <p className="lead">
        Every change to this customer, newest first: the events in the log, with who made them.
      </p>
      <ErrorNote error={history.error} />
      <table>
        <caption>History of {customer.name}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Actor</th>
            <th scope="col">Request</th>
          </tr>
        </thead>
        <tbody>
          {paged.items.map((event) => (
            <tr key={event.position}>
              <td>
                <Time iso={event.recordedAt} />
              </td>
              <td>{event.type}</td>
              <td>{event.metadata.actor?.name ?? '—'}</td>
              <td>
                <code>{event.metadata.correlationId ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="History" page={paged.page} totalCount={paged.totalCount} onPage={paged.setPage} />
    </>
  );
}
