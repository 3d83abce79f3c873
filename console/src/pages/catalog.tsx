import { FormEvent, useState } from 'react';
import type { EntitlementTemplate, Feature, Meter, Page, Plan, Price, RateCard } from '../api/answers';
import { api, call } from '../api/client';
import { CADENCE_OPTIONS, cadence, keyOf, money } from '../format';
import { Link, navigate, useLocation } from '../router';
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
  useRefusedStep,
  useSubmit,
} from '../ui';

const TABS = ['Features', 'Plans'] as const;
type Tab = (typeof TABS)[number];

export function CatalogPage() {
  const { query } = useLocation();
  const [tab, setTab] = useState<Tab>(query.get('tab') === 'plans' ? 'Plans' : 'Features');
  return (
    <>
      <h1>Product Catalog</h1>
      <p className="lead">Features make metered usage billable; plans price features with rate cards.</p>
      <Tabs label="Product Catalog" tabs={TABS} current={tab} onChange={setTab} />
      <TabPanel tab={tab}>{tab === 'Features' ? <Features /> : <Plans />}</TabPanel>
    </>
  );
}

function Features() {
  const session = useSession();
  const [page, setPage] = useState(1);
  const features = useLoad(
    () =>
      call<Page<Feature>>(api.GET('/api/v1/features', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    [page],
  );
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="toolbar">
        {canWrite(session) && (
          <button type="button" onClick={() => setCreating(true)}>
            Create Feature
          </button>
        )}
      </div>
      <ErrorNote error={features.error} />
      {features.data?.totalCount === 0 ? (
        <Empty>No features yet.</Empty>
      ) : (
        <table>
          <caption>Features</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Meter</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {features.data?.items.map((feature) => (
              <tr key={feature.id}>
                <td>{feature.name}</td>
                <td>
                  <code>{feature.key}</code>
                </td>
                <td>
                  {feature.meterSlug ? (
                    <Link to={`/meters/${feature.meterSlug}`}>{feature.meterSlug}</Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <Time iso={feature.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Features" page={page} totalCount={features.data?.totalCount ?? 0} onPage={setPage} />
      {creating && (
        <CreateFeature
          onClose={(created) => {
            setCreating(false);
            if (created) features.reload();
          }}
        />
      )}
    </>
  );
}

function CreateFeature({ onClose }: { onClose: (created: boolean) => void }) {
  const meters = useLoad(() => call<Meter[]>(api.GET('/api/v1/meters')), []);
  const [name, setName] = useState('');
  const [key, setKey] = useState<string>();
  const [meterSlug, setMeterSlug] = useState('');
  const { submit, busy, problem, fields } = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await call(
        api.POST('/api/v1/features', {
          body: { name, key: key ?? keyOf(name), ...(meterSlug ? { meterSlug } : {}) },
        }),
      );
      onClose(true);
    });
  };
  return (
    <Dialog title="Create Feature" onClose={() => onClose(false)}>
      <form onSubmit={save}>
        <Field label="Name" error={fields.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label="Key" error={fields.key} hint="Made from the name; rate cards name the feature by it.">
          {(props) => (
            <input {...props} value={key ?? keyOf(name)} onChange={(e) => setKey(e.target.value)} />
          )}
        </Field>
        <Field label="Meter" error={fields.meterSlug}>
          {(props) => (
            <select {...props} value={meterSlug} onChange={(e) => setMeterSlug(e.target.value)}>
              <option value="">No meter (a flat feature)</option>
              {meters.data?.map((meter) => (
                <option key={meter.id} value={meter.slug}>
                  {meter.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormProblem problem={problem} shown={['name', 'key', 'meterSlug']} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Plans() {
  const session = useSession();
  const [page, setPage] = useState(1);
  const plans = useLoad(
    () => call<Page<Plan>>(api.GET('/api/v1/plans', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    [page],
  );
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="toolbar">
        {canWrite(session) && (
          <button type="button" onClick={() => setCreating(true)}>
            Create Plan
          </button>
        )}
      </div>
      <ErrorNote error={plans.error} />
      {plans.data?.totalCount === 0 ? (
        <Empty>No plans yet.</Empty>
      ) : (
        <table>
          <caption>Plans</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Currency</th>
              <th scope="col">Billing cadence</th>
              <th scope="col">Rate cards</th>
            </tr>
          </thead>
          <tbody>
            {plans.data?.items.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <Link to={`/product-catalog/plans/${plan.id}`}>{plan.name}</Link>
                </td>
                <td>
                  <code>{plan.key}</code>
                </td>
                <td>{plan.version}</td>
                <td>
                  <span className={`status ${plan.status}`}>{plan.status}</span>
                </td>
                <td>{plan.currency}</td>
                <td>{cadence(plan.billingCadence)}</td>
                <td>{plan.phases.reduce((n, phase) => n + phase.rateCards.length, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Plans" page={page} totalCount={plans.data?.totalCount ?? 0} onPage={setPage} />
      {creating && <CreatePlan onClose={() => setCreating(false)} />}
    </>
  );
}

function CreatePlan({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [key, setKey] = useState<string>();
  const [currency, setCurrency] = useState('USD');
  const [billingCadence, setBillingCadence] = useState('P1M');
  const { submit, busy, problem, fields } = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const plan = await call<Plan>(
        api.POST('/api/v1/plans', {
          body: {
            name,
            key: key ?? keyOf(name),
            currency,
            billingCadence,
            // One phase that lasts for ever; its rate cards are added next.
            phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [] }],
          },
        }),
      );
      onClose();
      navigate(`/product-catalog/plans/${plan.id}`);
    });
  };
  return (
    <Dialog title="Create Plan" onClose={onClose}>
      <form onSubmit={save}>
        <Field label="Name" error={fields.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label="Key" error={fields.key} hint="Made from the name; subscriptions name the plan by it.">
          {(props) => (
            <input {...props} value={key ?? keyOf(name)} onChange={(e) => setKey(e.target.value)} />
          )}
        </Field>
        <Field label="Currency" error={fields.currency}>
          {(props) => (
            <input {...props} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          )}
        </Field>
        <Field label="Billing cadence" error={fields.billingCadence}>
          {(props) => (
            <select {...props} value={billingCadence} onChange={(e) => setBillingCadence(e.target.value)}>
              {CADENCE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormProblem problem={problem} shown={['name', 'key', 'currency', 'billingCadence']} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function describePrice(price: Price | null, currency: string): string {
  if (!price) return '—';
  switch (price.type) {
    case 'unit':
      return `${money(price.amount, currency)} per unit`;
    case 'flat':
      return `${money(price.amount, currency)} flat`;
    case 'package':
      return `${money(price.amount, currency)} per ${price.quantityPerPackage} units`;
    case 'tiered':
      return `${price.mode}: ${price.tiers
        .map((tier) => {
          const charges = [
            tier.unitPrice && `${money(tier.unitPrice.amount, currency)} per unit`,
            tier.flatPrice && `${money(tier.flatPrice.amount, currency)} flat`,
          ].filter(Boolean);
          return `${tier.upToAmount ? `up to ${tier.upToAmount}` : 'then'}, ${charges.join(' + ') || 'free'}`;
        })
        .join('; ')}`;
    case 'dynamic':
      return `cost × ${price.multiplier ?? '1'}`;
  }
}

const describeEntitlement = (template?: EntitlementTemplate) =>
  !template
    ? '—'
    : template.type === 'static'
      ? `static ${template.config}`
      : template.type === 'metered'
        ? `metered${template.issueAfterReset !== undefined ? `, ${template.issueAfterReset} per period` : ''}`
        : 'boolean';

export function PlanPage({ id }: { id: string }) {
  const session = useSession();
  const plan = useLoad(
    () => call<Plan>(api.GET('/api/v1/plans/{planId}', { params: { path: { planId: id } } })),
    [id],
  );
  const [adding, setAdding] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const p = plan.data;
  const editable = p?.status === 'draft' && canWrite(session);
  return (
    <>
      <p className="crumbs">
        <Link to="/product-catalog?tab=plans">Product Catalog</Link> /
      </p>
      <header className="page-header">
        <h1>{p?.name ?? 'Plan'}</h1>
        {editable && (
          <div className="actions">
            <button type="button" onClick={() => setAdding(true)}>
              Add Rate Card
            </button>
            <button type="button" onClick={() => setPublishing(true)}>
              Publish Plan
            </button>
          </div>
        )}
      </header>
      <ErrorNote error={plan.error} />
      {p && (
        <>
          <dl className="facts">
            <dt>Key</dt>
            <dd>
              <code>{p.key}</code> (version {p.version})
            </dd>
            <dt>Status</dt>
            <dd>
              <span className={`status ${p.status}`}>{p.status}</span>
            </dd>
            <dt>Currency</dt>
            <dd>{p.currency}</dd>
            <dt>Billing cadence</dt>
            <dd>{cadence(p.billingCadence)}</dd>
          </dl>
          {p.phases.map((phase) => (
            <section key={phase.key}>
              <h2>Rate cards{p.phases.length > 1 ? ` — ${phase.name}` : ''}</h2>
              {phase.rateCards.length === 0 ? (
                <Empty>No rate cards yet{editable ? ': Add Rate Card prices a feature.' : '.'}</Empty>
              ) : (
                <table>
                  <caption>Rate cards of {phase.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Feature</th>
                      <th scope="col">Pricing model</th>
                      <th scope="col">Price</th>
                      <th scope="col">Entitlement</th>
                    </tr>
                  </thead>
                  <tbody>
                    {phase.rateCards.map((card) => (
                      <tr key={card.key}>
                        <td>{card.name}</td>
                        <td>{card.featureKey ? <code>{card.featureKey}</code> : '—'}</td>
                        <td>{card.type === 'flat_fee' ? 'Flat fee' : 'Usage based'}</td>
                        <td>{describePrice(card.price, p.currency)}</td>
                        <td>{describeEntitlement(card.entitlementTemplate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          ))}
        </>
      )}
      {adding && p && (
        <AddRateCard
          plan={p}
          onClose={(saved) => {
            setAdding(false);
            if (saved) plan.reload();
          }}
        />
      )}
      {publishing && p && (
        <PublishPlan
          plan={p}
          onClose={(published) => {
            setPublishing(false);
            if (published) plan.reload();
          }}
        />
      )}
    </>
  );
}

function PublishPlan({ plan, onClose }: { plan: Plan; onClose: (published: boolean) => void }) {
  const { submit, busy, problem } = useSubmit();
  const publish = () =>
    void submit(async () => {
      await call(api.POST('/api/v1/plans/{planId}/publish', { params: { path: { planId: plan.id } } }));
      onClose(true);
    });
  return (
    <Dialog title="Publish Plan" onClose={() => onClose(false)}>
      <p>
        Publish <strong>{plan.name}</strong> version {plan.version}? A published version cannot change;
        customers can subscribe to it.
      </p>
      <FormProblem problem={problem} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onClose(false)}>
          Cancel
        </button>
        <button type="button" onClick={publish} disabled={busy}>
          Publish
        </button>
      </div>
    </Dialog>
  );
}

/** The wizard's step whose input a refused field of the rate card is (the plan names it by index). */
const rateCardStep = (field: string) =>
  /\.entitlementTemplate\b/.test(field)
    ? 3
    : /\.price\b|\.tiers\[/.test(field)
      ? 2
      : /rateCards\[\d+\]\.(featureKey|key|name)$/.test(field)
        ? 1
        : undefined;

type PricingModel = 'usage' | 'flat' | 'tiered' | 'package';
type Entitlement = 'none' | 'boolean' | 'static' | 'metered';

/** The rate card wizard: Feature → Pricing model → Entitlement, saved into the plan's draft. */
function AddRateCard({ plan, onClose }: { plan: Plan; onClose: (saved: boolean) => void }) {
  const features = useLoad(
    () => call<Page<Feature>>(api.GET('/api/v1/features', { params: { query: { pageSize: 1000 } } })),
    [],
  );
  const [step, setStep] = useState(1);
  const [featureKey, setFeatureKey] = useState('');
  const [model, setModel] = useState<PricingModel>('usage');
  const [amount, setAmount] = useState('');
  const [perPackage, setPerPackage] = useState('');
  const [tiers, setTiers] = useState([
    { upTo: '', price: '' },
    { upTo: '', price: '' },
  ]);
  const [entitlement, setEntitlement] = useState<Entitlement>('none');
  const [config, setConfig] = useState('{}');
  const [limit, setLimit] = useState('');
  const { submit, busy, problem, fields } = useSubmit();
  const feature = features.data?.items.find((f) => f.key === featureKey);
  /** The message of the server for a field of this rate card, whatever its index in the plan. */
  const errorAt = (suffix: string) => Object.entries(fields).find(([field]) => field.endsWith(suffix))?.[1];
  useRefusedStep(problem, rateCardStep, setStep);
  /** The named fields this step has an input for; the others are listed under its problem. */
  const here = Object.keys(fields).filter((field) => rateCardStep(field) === step);

  const price = (): Price => {
    switch (model) {
      case 'usage':
        return { type: 'unit', amount };
      case 'flat':
        return { type: 'flat', amount, paymentTerm: 'in_advance' };
      case 'package':
        return { type: 'package', amount, quantityPerPackage: perPackage };
      case 'tiered':
        return {
          type: 'tiered',
          mode: 'graduated',
          tiers: tiers.map((tier, i) => ({
            ...(i < tiers.length - 1 ? { upToAmount: tier.upTo } : {}),
            // The API takes no tier without both prices named; the wizard's tiers have no flat part.
            flatPrice: null,
            unitPrice: { type: 'unit', amount: tier.price },
          })),
        };
    }
  };
  const template = (): EntitlementTemplate | undefined =>
    entitlement === 'boolean'
      ? { type: 'boolean' }
      : entitlement === 'static'
        ? { type: 'static', config }
        : entitlement === 'metered'
          ? { type: 'metered', ...(limit ? { issueAfterReset: Number(limit) } : {}) }
          : undefined;

  const save = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      key: featureKey,
      name: feature?.name ?? featureKey,
      featureKey,
      billingCadence: plan.billingCadence,
      ...(template() ? { entitlementTemplate: template() } : {}),
    };
    const charged = price();
    const card: RateCard =
      charged.type === 'flat'
        ? { ...common, type: 'flat_fee', price: charged }
        : { ...common, type: 'usage_based', price: charged };
    const phases = plan.phases.map((phase, i) =>
      i === plan.phases.length - 1 ? { ...phase, rateCards: [...phase.rateCards, card] } : phase,
    );
    void submit(async () => {
      await call(
        api.PUT('/api/v1/plans/{planId}', {
          params: { path: { planId: plan.id } },
          // The document types a rate card as an empty object today (its union has no schema yet).
          body: { name: plan.name, billingCadence: plan.billingCadence, phases: phases as never },
        }),
      );
      onClose(true);
    });
  };
  const next = (event: FormEvent) => {
    event.preventDefault();
    setStep(step + 1);
  };

  return (
    <Dialog title="Add Rate Card" onClose={() => onClose(false)}>
      <ol className="steps" aria-label="Steps">
        {['Feature', 'Price', 'Entitlement'].map((name, i) => (
          <li key={name} aria-current={step === i + 1 ? 'step' : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {step === 1 && (
        <form onSubmit={next}>
          <Field label="Feature" error={errorAt('featureKey')}>
            {(props) => (
              <select {...props} value={featureKey} onChange={(e) => setFeatureKey(e.target.value)} required>
                <option value="">Choose a feature</option>
                {features.data?.items.map((f) => (
                  <option key={f.id} value={f.key}>
                    {f.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <FormProblem problem={problem} shown={here} />
          <div className="actions">
            <button type="submit">Next Step</button>
          </div>
        </form>
      )}
      {step === 2 && (
        <form onSubmit={next}>
          <Field label="Pricing model">
            {(props) => (
              <select {...props} value={model} onChange={(e) => setModel(e.target.value as PricingModel)}>
                <option value="usage">Usage based</option>
                <option value="flat">Flat fee</option>
                <option value="tiered">Tiered (graduated)</option>
                <option value="package">Package</option>
              </select>
            )}
          </Field>
          {model === 'usage' && (
            <Field label="Price per unit" error={errorAt('price.amount')} hint={`In ${plan.currency}`}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                  required
                />
              )}
            </Field>
          )}
          {model === 'flat' && (
            <Field
              label="Price"
              error={errorAt('price.amount')}
              hint={`In ${plan.currency}, each billing period, in advance`}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                  required
                />
              )}
            </Field>
          )}
          {model === 'package' && (
            <>
              <Field label="Price per package" error={errorAt('price.amount')} hint={`In ${plan.currency}`}>
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={amount}
                    onChange={(e) => setAmount(e.target.value)}
                    required
                  />
                )}
              </Field>
              <Field label="Units per package" error={errorAt('price.quantityPerPackage')}>
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={perPackage}
                    onChange={(e) => setPerPackage(e.target.value)}
                    required
                  />
                )}
              </Field>
            </>
          )}
          {model === 'tiered' &&
            tiers.map((tier, i) => (
              <fieldset key={i} className="tier">
                <legend>Tier {i + 1}</legend>
                {i < tiers.length - 1 && (
                  <Field label={`Tier ${i + 1} up to`} error={errorAt(`tiers[${i}].upToAmount`)}>
                    {(props) => (
                      <input
                        {...props}
                        inputMode="decimal"
                        value={tier.upTo}
                        onChange={(e) =>
                          setTiers(tiers.map((t, j) => (j === i ? { ...t, upTo: e.target.value } : t)))
                        }
                      />
                    )}
                  </Field>
                )}
                <Field label={`Tier ${i + 1} price per unit`} error={errorAt(`tiers[${i}].unitPrice.amount`)}>
                  {(props) => (
                    <input
                      {...props}
                      inputMode="decimal"
                      value={tier.price}
                      onChange={(e) =>
                        setTiers(tiers.map((t, j) => (j === i ? { ...t, price: e.target.value } : t)))
                      }
                    />
                  )}
                </Field>
              </fieldset>
            ))}
          <FormProblem problem={problem} shown={here} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setStep(1)}>
              Back
            </button>
            <button type="submit">Next Step</button>
          </div>
        </form>
      )}
      {step === 3 && (
        <form onSubmit={save}>
          <fieldset>
            <legend>Entitlement</legend>
            {(
              [
                ['none', 'None'],
                ['boolean', 'Boolean'],
                ['static', 'Static'],
                ['metered', 'Metered'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="entitlement"
                  value={value}
                  checked={entitlement === value}
                  onChange={() => setEntitlement(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
          {entitlement === 'static' && (
            <Field label="Config (JSON)" error={errorAt('entitlementTemplate.config')}>
              {(props) => <textarea {...props} value={config} onChange={(e) => setConfig(e.target.value)} />}
            </Field>
          )}
          {entitlement === 'metered' && (
            <Field label="Usage allowed per period" error={errorAt('entitlementTemplate.issueAfterReset')}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={limit}
                  onChange={(e) => setLimit(e.target.value)}
                />
              )}
            </Field>
          )}
          <FormProblem problem={problem} shown={here} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setStep(2)}>
              Back
            </button>
            <button type="submit" disabled={busy}>
              Save Rate Card
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
