import { useState } from 'react';
import type { Invoice, InvoiceLine, Lineage, Page } from '../api/answers';
import { api, call } from '../api/client';
import { quantity } from '../format';
import { Link } from '../router';
import { Dialog, Empty, ErrorNote, Money, PAGE_SIZE, Pager, Time, useLoad } from '../ui';

export function InvoicesPage() {
  const [page, setPage] = useState(1);
  const invoices = useLoad(
    () =>
      call<Page<Invoice>>(
        api.GET('/api/v1/billing/invoices', { params: { query: { page, pageSize: PAGE_SIZE } } }),
      ),
    [page],
  );
  return (
    <>
      <h1>Invoices</h1>
      <p className="lead">
        Issued invoices, then those not issued yet: periods that are over (draft) and each open period
        (gathering).
      </p>
      <ErrorNote error={invoices.error} />
      {invoices.data && <InvoiceTable invoices={invoices.data.items} caption="Invoices" />}
      <Pager label="Invoices" page={page} totalCount={invoices.data?.totalCount ?? 0} onPage={setPage} />
    </>
  );
}

export function InvoiceTable({ invoices, caption }: { invoices: Invoice[]; caption: string }) {
  if (invoices.length === 0) return <Empty>No invoices.</Empty>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Customer</th>
          <th scope="col">Status</th>
          <th scope="col">Period</th>
          <th scope="col" className="number">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id}>
            <td>
              <Link to={`/invoices/${invoice.id}`}>{invoice.number}</Link>
            </td>
            <td>{invoice.customer.name}</td>
            <td>
              <span className={`status ${invoice.status.split('.')[0]}`}>{invoice.status}</span>
            </td>
            <td>
              {invoice.period ? (
                <>
                  <Time iso={invoice.period.from} /> – <Time iso={invoice.period.to} />
                </>
              ) : (
                '—'
              )}
            </td>
            <td className="number">
              <Money amount={invoice.totals.total} currency={invoice.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InvoicePage({ id }: { id: string }) {
  const invoice = useLoad(
    () =>
      call<Invoice>(api.GET('/api/v1/billing/invoices/{invoiceId}', { params: { path: { invoiceId: id } } })),
    [id],
  );
  return (
    <>
      <p className="crumbs">
        <Link to="/invoices">Invoices</Link> /
      </p>
      <h1>{invoice.data ? `Invoice ${invoice.data.number}` : 'Invoice'}</h1>
      <ErrorNote error={invoice.error} />
      {invoice.data && <InvoiceView invoice={invoice.data} />}
    </>
  );
}

/** An invoice: its lines (feature, quantity, unit price, amount), totals and issues; each line opens its events. */
export function InvoiceView({ invoice }: { invoice: Invoice }) {
  const [lineage, setLineage] = useState<InvoiceLine>();
  const lines = invoice.lines ?? [];
  // A correction's lines carry the difference; what was billed before and what it is worth now explain it.
  const corrects = lines.some((line) => line.correction);
  return (
    <div className="invoice">
      <dl className="facts">
        <dt>Customer</dt>
        <dd>
          <Link to={`/billing/customers/${invoice.customer.key ?? invoice.customer.id}`}>
            {invoice.customer.name}
          </Link>
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`status ${invoice.status.split('.')[0]}`}>{invoice.status}</span>
        </dd>
        <dt>Period</dt>
        <dd>
          {invoice.period ? (
            <>
              <Time iso={invoice.period.from} /> – <Time iso={invoice.period.to} />
            </>
          ) : (
            'nothing to invoice'
          )}
        </dd>
        {invoice.issuedAt && (
          <>
            <dt>Issued</dt>
            <dd>
              <Time iso={invoice.issuedAt} />
            </dd>
          </>
        )}
        <dt>Type</dt>
        <dd>{documentType(invoice)}</dd>
        {invoice.correctionOf && (
          <>
            <dt>{invoice.type === 'credit_note' ? 'Credit note for' : 'Correction of'}</dt>
            <dd>
              <Link to={`/invoices/${invoice.correctionOf.id}`}>{invoice.correctionOf.number}</Link>
            </dd>
          </>
        )}
        {(invoice.corrections ?? []).length > 0 && (
          <>
            <dt>Corrections</dt>
            <dd>
              <ul className="plain" aria-label="Corrections">
                {invoice.corrections!.map((correction) => (
                  <li key={correction.id}>
                    <Link to={`/invoices/${correction.id}`}>{correction.number}</Link> (
                    {correction.type === 'credit_note' ? 'credit note' : correction.type},{' '}
                    <Money amount={correction.total} currency={invoice.currency} />)
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {(invoice.validationIssues ?? []).length > 0 && (
        <div role="alert" className="problem">
          <p>Validation issues</p>
          <ul>
            {invoice.validationIssues!.map((issue, i) => (
              <li key={i}>
                <strong>{issue.severity}</strong> {issue.code}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {lines.length === 0 ? (
        <Empty>No lines.</Empty>
      ) : (
        <table>
          <caption>Lines</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col" className="number">
                Quantity
              </th>
              <th scope="col" className="number">
                Unit price
              </th>
              <th scope="col" className="number">
                Amount
              </th>
              {corrects && (
                <>
                  <th scope="col" className="number">
                    Billed before
                  </th>
                  <th scope="col" className="number">
                    Now
                  </th>
                </>
              )}
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <th scope="row">{line.name}</th>
                <td className="number">{quantity(line.quantity)}</td>
                <td className="number">
                  {line.price?.type === 'unit' ? (
                    <Money amount={line.price.amount} currency={line.currency} />
                  ) : line.charge && 'unitPrice' in line.charge ? (
                    <Money amount={line.charge.unitPrice} currency={line.currency} />
                  ) : (
                    '—'
                  )}
                </td>
                <td className="number">
                  <Money amount={line.totals.amount} currency={line.currency} />
                </td>
                {corrects && (
                  <>
                    <td className="number">
                      {line.correction && <Figures {...line.correction.billed} currency={line.currency} />}
                    </td>
                    <td className="number">
                      {line.correction && <Figures {...line.correction.now} currency={line.currency} />}
                    </td>
                  </>
                )}
                <td>
                  {line.type === 'usage_based' && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => setLineage(line)}
                      aria-label={`Events behind ${line.name}`}
                    >
                      Events
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="number">
                <Money amount={invoice.totals.total} currency={invoice.currency} />
              </td>
              {corrects && <td colSpan={2} />}
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {lineage && <LineageDrawer invoice={invoice} line={lineage} onClose={() => setLineage(undefined)} />}
    </div>
  );
}

const documentType = (invoice: Invoice) =>
  invoice.type === 'credit_note' ? 'credit note' : invoice.correctionOf ? 'correction' : 'invoice';

/** A quantity and what it costs, as a correction's line states what was billed and what it is now. */
function Figures({ quantity: q, total, currency }: { quantity: string; total: string; currency: string }) {
  return (
    <>
      {quantity(q)} for <Money amount={total} currency={currency} />
    </>
  );
}

/** Events per page of a line's lineage. */
const LINEAGE_PAGE = 100;

/** Lineage: the usage events behind one line — the figure on the invoice, traced to what was sent. */
function LineageDrawer({
  invoice,
  line,
  onClose,
}: {
  invoice: Invoice;
  line: InvoiceLine;
  onClose: () => void;
}) {
  // Paged by the server: a line's events can be more than one answer holds.
  const [page, setPage] = useState(1);
  const events = useLoad(
    () =>
      call<Lineage>(
        api.GET('/api/v1/billing/invoices/{invoiceId}/lines/{lineId}/events', {
          params: {
            path: { invoiceId: invoice.id, lineId: line.id },
            query: { limit: LINEAGE_PAGE, offset: (page - 1) * LINEAGE_PAGE },
          },
        }),
      ),
    [invoice.id, line.id, page],
  );
  const l = events.data;
  // A correction's lineage lists the voided events it takes away beside the late ones it adds.
  const voids = (l?.items ?? []).some((item) => item.voided);
  return (
    <Dialog title={`Lineage of ${line.name}`} onClose={onClose} className="drawer">
      <ErrorNote error={events.error} />
      {l && (
        <>
          <p>
            Quantity <strong>{l.meteredQuantity}</strong> is the {l.aggregation?.replace('_', ' ')} of meter{' '}
            <code>{l.meterSlug}</code> over {l.totalCount}{' '}
            {l.aggregation === 'UNIQUE_COUNT' ? 'distinct values' : 'events'}.
          </p>
          <table>
            <caption>Events behind {line.name}</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event id</th>
                <th scope="col">Subject</th>
                <th scope="col">Value</th>
                <th scope="col" className="number">
                  Repeats
                </th>
                {voids && <th scope="col">Voided</th>}
              </tr>
            </thead>
            <tbody>
              {l.items.map((item) => (
                <tr key={`${item.event.source}/${item.event.id}`}>
                  <td>
                    <Time iso={item.event.time} />
                  </td>
                  <td>
                    <code>{item.event.id}</code>
                  </td>
                  <td>{item.event.subject ?? '—'}</td>
                  <td>{item.value ?? '—'}</td>
                  <td className="number">{item.repeats ?? 0}</td>
                  {voids && <td>{item.voided ? `voided: ${item.voided.reason}` : '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label="Lineage"
            page={page}
            pageSize={LINEAGE_PAGE}
            totalCount={l.totalCount}
            onPage={setPage}
          />
        </>
      )}
    </Dialog>
  );
}
