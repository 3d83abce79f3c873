import { useEffect, useState } from 'react';
import type { Session } from './api/answers';
import { ApiProblem, api, call, onSignedOut, setCsrfToken } from './api/client';
import { BillingPage, CustomerPage } from './pages/billing';
import { CatalogPage, PlanPage } from './pages/catalog';
import { EventsPage } from './pages/events';
import { InvoicePage, InvoicesPage } from './pages/invoices';
import { MeterPage, MetersPage } from './pages/meters';
import { OperationsPage } from './pages/operations';
import { SignIn } from './pages/sign-in';
import { Link, navigate, useLocation } from './router';
import { SessionContext } from './session';

const SECTIONS = [
  { to: '/meters', label: 'Meters' },
  { to: '/product-catalog', label: 'Product Catalog' },
  { to: '/billing', label: 'Billing' },
  { to: '/events', label: 'Events' },
  { to: '/invoices', label: 'Invoices' },
  { to: '/operations', label: 'Operations' },
];

export function App() {
  const [session, setSession] = useState<Session | null>();
  const signedIn = (next: Session | null) => {
    setCsrfToken(next?.csrfToken);
    setSession(next);
  };
  useEffect(() => {
    // Whoever has a live session cookie is signed in already; anyone else sees the sign-in form.
    call<Session>(api.GET('/api/v1/console/session')).then(signedIn, () => signedIn(null));
    return onSignedOut(() => signedIn(null));
  }, []);
  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null) return <SignIn onSignedIn={signedIn} />;
  const signOut = async () => {
    await call(api.DELETE('/api/v1/console/session')).catch((error: ApiProblem) => error);
    signedIn(null);
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} onSignOut={() => void signOut()} />
    </SessionContext.Provider>
  );
}

function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { path } = useLocation();
  useEffect(() => {
    if (path === '/') navigate('/meters');
  }, [path]);
  const section = SECTIONS.find((s) => path === s.to || path.startsWith(`${s.to}/`));
  return (
    <div className="shell">
      <aside className="sidebar">
        <p className="brand">Tally</p>
        <Link to="/meters" className="home">
          Metering & Billing
        </Link>
        <nav aria-label="Metering & Billing">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.to}>
                <Link to={s.to} aria-current={s === section ? 'page' : undefined}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <p>
            {session.tokenName}
            <br />
            <small>
              {session.role} · {session.namespace}
            </small>
          </p>
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </aside>
      <main className="content">
        <Page path={path} />
      </main>
    </div>
  );
}

function Page({ path }: { path: string }) {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'meters':
      return parts[1] ? <MeterPage slug={parts[1]} /> : <MetersPage />;
    case 'product-catalog':
      return parts[1] === 'plans' && parts[2] ? <PlanPage id={parts[2]} /> : <CatalogPage />;
    case 'billing':
      return parts[1] === 'customers' && parts[2] ? <CustomerPage idOrKey={parts[2]} /> : <BillingPage />;
    case 'events':
      return <EventsPage />;
    case 'invoices':
      return parts[1] ? <InvoicePage id={parts[1]} /> : <InvoicesPage />;
    case 'operations':
      return <OperationsPage />;
    default:
      return <h1>Not found</h1>;
  }
}
