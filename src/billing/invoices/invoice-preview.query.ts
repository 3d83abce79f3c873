import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LogPosition } from '../../event-store/event-store.port';
import { ProjectionsService } from '../../projections/projections.service';
import type { Subscription } from '../../customers';
import { usageCaughtUp } from '../../metering';
import { CLOCK, Clock } from '../../shared/clock';
import { DomainError, notFound } from '../../shared/errors';
import { isServiceUnavailable } from '../../shared/http/problem';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import { BillingViewQuery } from '../billing-view/billing-view.query';
import { INVOICE_STATUSES_PROJECTION } from '../invoice-statuses/invoice-statuses.projection';
import { ISSUED_INVOICES_PROJECTION } from '../issue-invoices/issued-invoices.projection';
import { asDraft, InvoiceStatusesQuery, RecordedDraft } from '../invoice-statuses/invoice-statuses.query';
import {
  BillingIssueCode,
  draftInvoice,
  DraftInvoiceInput,
  FoundIssue,
  hasCriticalIssues,
  Invoice,
  InvoiceCustomer,
  invoiceIdFor,
  OneOffInput,
  InvoiceStatus,
  Period,
} from './draft-invoice';
import { type ExtendedStatus, workflowStatus } from './invoice-status';
import { METERED_QUANTITY, MeteredQuantity } from './metered-quantity.port';
import { BillingProfiles } from '../profiles/billing-profiles.service';
import { subtractWorkflowDuration, type Workflow } from '../profiles/workflow';
import {
  BilledSubscription,
  closedPeriods,
  creditsOnChange,
  creditsOnRemoval,
  invoicePeriodOf,
  lineInputs,
  periodPlanAt,
  PeriodPlan,
} from './subscription-period';
import { stableUlid } from '../../shared/stable-id';
import { Decimal, toDecimalString } from '../../shared/money';
import type { GroupByFilters } from '../../shared/string-filter';
import type { Price, RateCard } from '../../catalog';
import type { PendingLine } from '../issue-invoices/invoice-ledger.decider';
import { editedWorkflow, type InvoiceEdit, withEdit } from '../edit-invoices/invoice-edit';
import { PENDING_LINES_PROJECTION } from '../pending-lines/pending-lines.projection';
import { editedPendingLines, editedPlan, markedEdited } from '../edit-invoices/line-edits';

/** A preview with nothing on it: no lines, so no period. */
export type EmptyInvoice = Omit<Invoice, 'period'>;

/** A draft read at one log position: its figures count exactly the usage at or before `through`. */
export interface DraftAsOf {
  readonly invoice: Invoice;
  /** Absent when the figures could not be read (the invoice then has a critical issue). */
  readonly through?: LogPosition;
}

/** An issued period, as the draft of it is found again: whose, which subscription, which period. */
export interface IssuedPeriod {
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly period: Period;
  /** The issued document: its one-off lines are recomputed with it (those it billed). */
  readonly invoiceId?: string;
}

export interface BillingCustomer extends InvoiceCustomer {
  readonly currency?: string;
}

/** Everything a line's quantity depends on: the customer's subjects, its feature's meter, the window. */
export interface LineSource {
  /** The `PeriodItem.key` of the line. */
  readonly rateCardKey: string;
  /** The part of the period the item runs in. */
  readonly window: Period;
  readonly featureKey: string;
  readonly meterSlug: string;
  readonly filterGroupBy: GroupByFilters;
}

interface SubscriptionRow {
  subscription: Subscription;
  active_to: Date | null;
  next_subscription_id: string | null;
  cuts?: Date[] | null;
}

/**
 * The instants where a subscription's invoices end, issued or drafted (not deleted): where an
 * invoice-now cut its periods (`BilledSubscription.cuts`). `s` is the `billing_subscriptions` row.
 * Read beside the subscriptions: invoices and statuses are this context's own tables.
 */
export const CUTS_SQL = `(SELECT coalesce(array_agg(x.period_to ORDER BY x.period_to), '{}') FROM (
    SELECT period_to FROM billing_invoices WHERE namespace = s.namespace AND subscription_id = s.id
    UNION SELECT period_to FROM billing_invoice_statuses
      WHERE namespace = s.namespace AND subscription_id = s.id AND extended_status <> 'deleted') x) AS cuts`;

interface CustomerRow {
  id: string;
  key: string | null;
  name: string;
  currency: string | null;
  subject_keys: string[];
}

const CUSTOMER_SQL = `SELECT id, key, name, currency, subject_keys FROM billing_customers
  WHERE namespace = $1 AND NOT deleted AND (id = $2 OR key = $2) ORDER BY (id = $2) DESC LIMIT 1`;

/** Every subscription started by `$2`, with the end of its last issued period. */
const CLOSED_SQL = `SELECT s.customer_id, s.subscription, s.active_to, s.next_subscription_id, i.issued_to, ${CUTS_SQL}
  FROM billing_subscriptions s
  LEFT JOIN (SELECT subscription_id, max(period_to) AS issued_to FROM billing_invoices
             WHERE namespace = $1 GROUP BY subscription_id) i ON i.subscription_id = s.id
  WHERE s.namespace = $1 AND s.active_from <= $2 ORDER BY s.customer_id, s.active_from`;

/**
 * The open period's invoice, recomputed from the read models on every call (status `gathering`): the
 * subscription's rate cards priced at the meter values for the customer's subjects over the part of
 * the period the subscription covers.
 */
@Injectable()
export class InvoicePreviewQuery {
  private readonly logger = new Logger('billing');

  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    private readonly view: BillingViewQuery,
    @Inject(METERED_QUANTITY) private readonly metered: MeteredQuantity,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly drafts: InvoiceStatusesQuery,
    private readonly profiles: BillingProfiles,
  ) {}

  async preview(namespace: string, customerIdOrKey: string): Promise<Invoice | EmptyInvoice> {
    await this.catchUp();
    const now = this.clock.now().toISOString();
    // The customer and its active subscription in one statement.
    const [row] = await this.db.query<
      (CustomerRow & Omit<SubscriptionRow, 'subscription'> & { subscription: Subscription | null })[]
    >(
      `SELECT c.*, s.subscription, s.active_to, s.next_subscription_id, s.cuts FROM (${CUSTOMER_SQL}) AS c
       LEFT JOIN LATERAL (
         SELECT subscription, active_to, next_subscription_id, ${CUTS_SQL} FROM billing_subscriptions s
         WHERE namespace = $1 AND customer_id = c.id AND active_from <= $3 AND (active_to IS NULL OR active_to > $3)
         ORDER BY active_from DESC LIMIT 1) AS s ON true`,
      [namespace, customerIdOrKey, now],
    );
    if (!row) throw notFound('BILLING.CUSTOMER_NOT_FOUND', `no customer ${customerIdOrKey}`);
    const customer = customerOf(row);
    const billed = row.subscription ? billedOf({ ...row, subscription: row.subscription }) : undefined;
    const plan = billed && periodPlanAt(billed, now);
    if (!billed || !plan) {
      // No subscription bills its pending lines: they show on an invoice of their own, as invoice-now bills them.
      const [line] = await this.pendingLines(namespace, customer.id);
      const lines = line ? await this.pendingLines(namespace, customer.id, line.currency) : [];
      const to = lines.reduce((latest, l) => (l.invoiceAt >= latest ? nextMs(l.invoiceAt) : latest), now);
      const from = lines.reduce((earliest, l) => (l.period.from < earliest ? l.period.from : earliest), to);
      const own = line
        ? await this.oneOffInvoice(namespace, customer, line.currency, { from, to }, 'gathering', false)
        : undefined;
      return own?.invoice ?? emptyInvoice(customer, now);
    }
    const current = (await this.draftCaughtUp(namespace, customer, billed, plan)).invoice;
    const before: Invoice[] = [];
    for (const earlier of await this.unissuedPredecessors(namespace, billed, plan))
      before.push((await this.draftCaughtUp(namespace, customer, earlier.billed, earlier.plan)).invoice);
    return withEarlierSides(current, before.reverse());
  }

  /**
   * The subscriptions a change (or several) replaced within the period `plan` bills, newest first,
   * whose side of it is not issued yet: the preview is what is left to bill for the period, so it
   * shows their lines too, and drops them once their own invoice is issued.
   */
  private async unissuedPredecessors(
    namespace: string,
    billed: BilledSubscription,
    plan: PeriodPlan,
  ): Promise<{ billed: BilledSubscription; plan: PeriodPlan }[]> {
    const found: { billed: BilledSubscription; plan: PeriodPlan }[] = [];
    let next = billed;
    let at = plan.usageWindow.from;
    while (next.subscription.previousSubscriptionId !== undefined && at > plan.period.from) {
      const [row] = await this.db.query<(SubscriptionRow & { issued: boolean })[]>(
        `SELECT s.subscription, s.active_to, s.next_subscription_id, ${CUTS_SQL}, EXISTS (
           SELECT 1 FROM billing_invoices i WHERE i.namespace = $1 AND i.subscription_id = s.id AND i.period_to >= $3
         ) AS issued FROM billing_subscriptions s WHERE s.namespace = $1 AND s.id = $2`,
        [namespace, next.subscription.previousSubscriptionId, plan.period.to],
      );
      if (!row || row.next_subscription_id !== next.subscription.id) break;
      const previous = billedOf(row);
      const side = periodPlanAt(previous, new Date(Date.parse(at) - 1).toISOString());
      // Another period (an anchor of its own) is another invoice's.
      if (!side || side.period.from !== plan.period.from || side.period.to !== plan.period.to) break;
      if (!row.issued) found.push({ billed: previous, plan: side });
      next = previous;
      at = side.usageWindow.from;
    }
    return found;
  }

  /** Every customer's open-period invoice in the namespace (customers with an active subscription). */
  gathering(namespace: string, customerIdsOrKeys?: readonly string[]): Promise<Invoice[]> {
    return this.unissued(namespace, { customers: customerIdsOrKeys, closed: false });
  }

  /**
   * The namespace's invoices not issued yet, subscription by subscription: with `closed`, first the
   * periods that are over but not issued (`draft`: collecting late usage, drafted by the issuer and
   * waiting for its draft period or approval, or held back by a critical validation issue), then each
   * open period (`gathering`). With `invoiceId`
   * only that invoice is computed. Each invoice's own failure is reported on it (`draftCaughtUp`).
   */
  async unissued(
    namespace: string,
    options: { customers?: readonly string[]; closed: boolean; invoiceId?: string },
  ): Promise<Invoice[]> {
    await this.catchUp();
    const now = this.clock.now().toISOString();
    const rows = await this.db.query<(SubscriptionRow & { customer_id: string; issued_to: Date | null })[]>(
      options.closed
        ? CLOSED_SQL
        : `SELECT customer_id, subscription, active_to, next_subscription_id, NULL AS issued_to, ${CUTS_SQL}
           FROM billing_subscriptions s WHERE namespace = $1 AND active_from <= $2 AND (active_to IS NULL OR active_to > $2)
           ORDER BY customer_id, active_from`,
      [namespace, now],
    );
    const customers = new Map<string, BillingCustomer | undefined>();
    const invoices: Invoice[] = [];
    const recorded = options.closed ? await this.drafts.pending(namespace) : new Map<string, RecordedDraft>();
    const edits = options.closed
      ? await this.drafts.edits(namespace, options.invoiceId)
      : new Map<string, InvoiceEdit>();
    const settings = options.closed ? await this.profiles.current(namespace) : undefined;
    for (const row of rows) {
      const billed = billedOf(row);
      const open = periodPlanAt(billed, now);
      let closed: PeriodPlan[] = [];
      try {
        if (options.closed) closed = closedPeriods(billed, now, row.issued_to?.toISOString());
      } catch (error) {
        // More unissued periods than a range may hold: the issuer reports this subscription at every sweep.
        if (isServiceUnavailable(error)) throw error;
        this.logger.error(
          `namespace ${namespace} subscription ${billed.subscription.id}: its unissued periods cannot be listed: ${String(error)}`,
        );
      }
      const periods = [
        ...closed.map((plan): [PeriodPlan, InvoiceStatus] => [plan, 'draft']),
        ...(open ? [[open, 'gathering'] as [PeriodPlan, InvoiceStatus]] : []),
      ].filter(
        ([plan]) =>
          !options.invoiceId ||
          invoiceIdFor(billed.subscription.id, invoicePeriodOf(plan)) === options.invoiceId,
      );
      if (periods.length === 0) continue;
      if (!customers.has(row.customer_id))
        customers.set(row.customer_id, await this.customer(namespace, row.customer_id));
      const customer = customers.get(row.customer_id);
      if (!customer) continue;
      if (options.customers && !options.customers.some((c) => c === customer.id || c === customer.key))
        continue;
      for (const [plan, status] of periods) {
        const { invoice } = await this.draftCaughtUp(namespace, customer, billed, plan, status);
        if (status !== 'draft') {
          invoices.push(invoice);
          continue;
        }
        // Only the subscription's first unissued period may move on: the later ones wait behind it.
        const first = plan.period.from === closed[0]?.period.from;
        // An edited draft (`updateInvoice`) answers with its edit, and moves on under its edited workflow.
        const edit = edits.get(invoice.id);
        const draft = recorded.get(invoice.id);
        const effective = settings && this.profiles.workflowOf(settings, customer.id);
        const workflow = effective && edit ? editedWorkflow(effective, edit) : effective;
        const next =
          first && workflow ? nextStatus(workflow, plan, invoice.statusDetails.failed, now) : undefined;
        invoices.push(
          withEdit(asDraft(invoice, draft, now, next), edit, draft?.profile?.workflow ?? effective),
        );
      }
    }
    return invoices;
  }

  /** Whose closed, unissued period `invoiceId` is: the target of an action on an invoice not drafted yet. */
  async unissuedPeriod(namespace: string, invoiceId: string): Promise<IssuedPeriod | undefined> {
    const now = this.clock.now().toISOString();
    const rows = await this.db.query<(SubscriptionRow & { customer_id: string; issued_to: Date | null })[]>(
      CLOSED_SQL,
      [namespace, now],
    );
    for (const row of rows) {
      const billed = billedOf(row);
      for (const plan of closedPeriods(billed, now, row.issued_to?.toISOString())) {
        const period = invoicePeriodOf(plan);
        if (invoiceIdFor(billed.subscription.id, period) === invoiceId)
          return { customerId: row.customer_id, subscriptionId: billed.subscription.id, period };
      }
    }
    return undefined;
  }

  /**
   * A closed period's invoice, for the issuer: waits for the usage projections itself (503 if they
   * lag). Never throws for the invoice's own figures: their problems are its validation issues.
   */
  async draft(
    namespace: string,
    customer: BillingCustomer,
    billed: BilledSubscription,
    plan: PeriodPlan,
    pendingSince?: string,
  ): Promise<DraftAsOf> {
    await usageCaughtUp(this.projections, this.metered.projections);
    return this.draftCaughtUp(namespace, customer, billed, plan, 'draft', true, true, pendingSince);
  }

  /**
   * An issued period's invoice as it would be drafted now (what corrections and the recompute report
   * compare its documents with): its customer and subscription as they stand, its period's phase and
   * rate cards. Read at one log position with `asOf`. Undefined when the customer or the subscription
   * is gone from billing's view. The caller has caught up with the read models.
   */
  async draftOfIssued(
    namespace: string,
    issued: IssuedPeriod,
    asOf: boolean,
    withPending = false,
  ): Promise<DraftAsOf | undefined> {
    const customer = await this.customer(namespace, issued.customerId);
    const oneOff = customer && parseOneOffSubscriptionId(issued.subscriptionId);
    // Without the pending lines due, the one-off lines the document billed are recomputed with it:
    // a usage one-off line is corrected as any line.
    const billedBy = withPending ? undefined : issued.invoiceId;
    if (customer && oneOff)
      return this.oneOffInvoice(
        namespace,
        customer,
        oneOff.currency,
        issued.period,
        'draft',
        asOf,
        withPending,
        billedBy,
      );
    const [row] = await this.db.query<SubscriptionRow[]>(
      `SELECT subscription, active_to, next_subscription_id, ${CUTS_SQL} FROM billing_subscriptions s
       WHERE namespace = $1 AND id = $2`,
      [namespace, issued.subscriptionId],
    );
    if (!customer || !row) return undefined;
    const billed = billedOf(row);
    const from = billed.subscription.activeFrom;
    const plan = periodPlanAt(billed, issued.period.from > from ? issued.period.from : from);
    if (!plan || invoicePeriodOf(plan).from !== issued.period.from) return undefined;
    return this.draftCaughtUp(
      namespace,
      customer,
      billed,
      plan,
      'draft',
      asOf,
      withPending,
      undefined,
      billedBy,
    );
  }

  /**
   * A customer's pending lines in `currency` due before `before` that no subscription's invoice
   * bills (no subscription, or another currency), on an invoice of their own: `one-off:<customer>:<currency>`
   * stands for the subscription. Undefined when there are none.
   */
  async oneOffInvoice(
    namespace: string,
    customer: BillingCustomer,
    currency: string,
    period: Period,
    status: InvoiceStatus,
    asOf: boolean,
    withPending = true,
    billedBy?: string,
  ): Promise<DraftAsOf | undefined> {
    const pending = withPending
      ? await this.pendingLines(namespace, customer.id, currency, period.to)
      : await this.billedLines(namespace, billedBy);
    if (pending.length === 0 && withPending) return undefined;
    const oneOffs = await this.oneOffRequests(namespace, customer.id, pending);
    const read = await this.read(namespace, oneOffs.requests, asOf);
    const id = oneOffSubscriptionId(customer.id, currency);
    return {
      invoice: draftInvoice({
        namespace,
        customer,
        subscription: { id, planKey: 'one-off', planVersion: 0, currency },
        period,
        status,
        number: `DRAFT-${id}-${period.from.slice(0, 19)}`,
        lines: [],
        oneOffs: oneOffs.inputs(read.quantities),
      }),
      ...(read.through ? { through: read.through } : {}),
    };
  }

  /** The customer's pending lines not billed yet (in `currency`, due before `before`), oldest first. */
  async pendingLines(
    namespace: string,
    customerId: string,
    currency?: string,
    before?: string,
    since?: string,
  ): Promise<(PendingLine & { currency: string })[]> {
    const rows = await this.db.query<{ line: PendingLine; currency: string }[]>(
      `SELECT line, currency FROM billing_pending_lines
       WHERE namespace = $1 AND customer_id = $2 AND billed_by IS NULL
         AND ($3::text IS NULL OR currency = $3) AND ($4::timestamptz IS NULL OR invoice_at < $4)
         AND ($5::timestamptz IS NULL OR invoice_at >= $5)
       ORDER BY invoice_at, id`,
      [namespace, customerId, currency ?? null, before ?? null, since ?? null],
    );
    return rows.map((row) => ({ ...row.line, currency: row.currency }));
  }

  /** The pending lines the issued document `invoiceId` billed (none without an id). */
  private async billedLines(namespace: string, invoiceId: string | undefined): Promise<PendingLine[]> {
    if (invoiceId === undefined) return [];
    const rows = await this.db.query<{ line: PendingLine }[]>(
      `SELECT line FROM billing_pending_lines WHERE namespace = $1 AND billed_by = $2 ORDER BY invoice_at, id`,
      [namespace, invoiceId],
    );
    return rows.map((row) => row.line);
  }

  /** What each pending line reads: a usage price its feature's meter over the line's own period. */
  private async oneOffRequests(namespace: string, customerId: string, pending: readonly PendingLine[]) {
    const keys = pending.filter((line) => line.price.type !== 'flat' && line.featureKey);
    const features = keys.length
      ? await this.view.billedFeatures(
          namespace,
          keys.map((line) => line.featureKey!),
        )
      : new Map();
    const requests = [];
    const reads: (number | undefined)[] = [];
    for (const line of pending) {
      const feature =
        line.price.type !== 'flat' && line.featureKey ? features.get(line.featureKey) : undefined;
      reads.push(feature ? requests.length : undefined);
      if (feature)
        requests.push({
          meterSlug: feature.meterSlug,
          customerId,
          window: line.period,
          filterGroupBy: feature.filterGroupBy,
        });
    }
    return {
      requests,
      inputs: (quantities: readonly string[]): OneOffInput[] =>
        pending.map((line, index) =>
          oneOffInputOf(line, reads[index] === undefined ? undefined : quantities[reads[index]!]),
        ),
    };
  }

  private async read(
    namespace: string,
    requests: Parameters<MeteredQuantity['quantities']>[1],
    asOf: boolean,
  ) {
    return asOf
      ? await this.metered.quantitiesAsOf(namespace, requests)
      : { quantities: await this.metered.quantities(namespace, requests), through: undefined };
  }

  /**
   * Anything that goes wrong computing it, but for the service being unavailable (503), is this
   * invoice's problem alone: reported on it as a critical validation issue, so the other customers'
   * invoices read with it still answer.
   */
  private async draftCaughtUp(
    namespace: string,
    customer: BillingCustomer,
    billed: BilledSubscription,
    plan: PeriodPlan,
    status: InvoiceStatus = 'gathering',
    asOf = false,
    withPending = true,
    pendingSince?: string,
    billedBy?: string,
  ): Promise<DraftAsOf> {
    const subscription = billed.subscription;
    const input: Omit<DraftInvoiceInput, 'lines'> = {
      namespace,
      customer,
      subscription: {
        id: subscription.id,
        planKey: subscription.plan.key,
        planVersion: subscription.plan.version,
        currency: subscription.currency,
      },
      period: invoicePeriodOf(plan),
      status,
      // A cut period's parts may start on one day: each part's number names its start to the second.
      number: `DRAFT-${subscription.id}-${invoicePeriodOf(plan).from.slice(0, plan.segment ? 19 : 10)}`,
    };
    try {
      // A closed period's draft bills as its edit (`updateInvoice`) says, wherever it is priced.
      const span = invoicePeriodOf(plan);
      const invoiceId = invoiceIdFor(subscription.id, span);
      const edits =
        status === 'draft'
          ? (await this.drafts.edits(namespace, invoiceId)).get(invoiceId)?.lines
          : undefined;
      const priced = edits ? editedPlan(plan, invoiceId, span, edits) : plan;
      const sources = await this.lineSources(namespace, priced);
      const requests = sources.map((source) => ({
        meterSlug: source.meterSlug,
        customerId: customer.id,
        window: source.window,
        filterGroupBy: source.filterGroupBy,
      }));
      // The customer's pending lines in this currency due before the invoice's end join it; the open
      // period shows those due in it (one due earlier is on an earlier invoice not issued yet).
      const since = status === 'gathering' ? span.from : pendingSince;
      const due = withPending
        ? await this.pendingLines(namespace, customer.id, subscription.currency, span.to, since)
        : await this.billedLines(namespace, billedBy);
      const pending = edits ? editedPendingLines(due, edits) : due;
      const oneOffs = await this.oneOffRequests(namespace, customer.id, pending);
      const read = await this.read(namespace, [...requests, ...oneOffs.requests], asOf);
      const quantities = new Map(
        sources.map((source, index) => [source.rateCardKey, read.quantities[index]!]),
      );
      const credits = [
        ...(await this.credits(namespace, billed, plan)),
        ...creditsOnRemoval(subscription.id, plan),
      ];
      const invoice = draftInvoice({
        ...input,
        lines: lineInputs(priced, quantities),
        credits,
        oneOffs: oneOffs.inputs(read.quantities.slice(requests.length)),
      });
      return {
        invoice: edits ? markedEdited(invoice, edits) : invoice,
        ...(read.through ? { through: read.through } : {}),
      };
    } catch (error) {
      if (isServiceUnavailable(error)) throw error;
      const expected = error instanceof DomainError;
      if (!expected) {
        this.logger.error(
          `invoice of namespace ${namespace} customer ${customer.id} subscription ${subscription.id} ` +
            `period ${plan.period.from} could not be computed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
      const issue: FoundIssue = {
        severity: 'critical',
        code: BillingIssueCode.DRAFT_FAILED,
        component: 'billing.invoicing',
        message: `The invoice's lines could not be computed: ${expected ? error.message : 'an unexpected error (logged)'}`,
        metadata: { subscriptionId: subscription.id, ...(expected ? { cause: error.code } : {}) },
      };
      return { invoice: draftInvoice({ ...input, lines: [], issues: [issue] }) };
    }
  }

  /**
   * A successor's first invoice credits what its predecessor billed in advance for the part of its
   * period after the change; the predecessor must name this one as its successor (both links hold).
   */
  private async credits(namespace: string, billed: BilledSubscription, plan: PeriodPlan) {
    const { previousSubscriptionId, activeFrom, id } = billed.subscription;
    if (previousSubscriptionId === undefined || plan.usageWindow.from !== activeFrom) return [];
    const [row] = await this.db.query<SubscriptionRow[]>(
      `SELECT subscription, active_to, next_subscription_id FROM billing_subscriptions WHERE namespace = $1 AND id = $2`,
      [namespace, previousSubscriptionId],
    );
    if (!row || row.next_subscription_id !== id) return [];
    return creditsOnChange(billedOf(row), activeFrom);
  }

  /** Which meter each metered rate card of the period reads. */
  async lineSources(namespace: string, plan: PeriodPlan): Promise<LineSource[]> {
    const metered = plan.items.filter(
      ({ rateCard }) => rateCard.featureKey && rateCard.price && rateCard.price.type !== 'flat',
    );
    if (metered.length === 0) return [];
    const features = await this.view.billedFeatures(
      namespace,
      metered.map(({ rateCard }) => rateCard.featureKey!),
    );
    const sources: LineSource[] = [];
    for (const { key, rateCard, window } of metered) {
      const feature = features.get(rateCard.featureKey!);
      if (!feature) continue;
      sources.push({
        rateCardKey: key,
        window,
        featureKey: rateCard.featureKey!,
        meterSlug: feature.meterSlug,
        filterGroupBy: feature.filterGroupBy,
      });
    }
    return sources;
  }

  async customer(namespace: string, idOrKey: string): Promise<BillingCustomer | undefined> {
    const [row] = await this.db.query<CustomerRow[]>(CUSTOMER_SQL, [namespace, idOrKey]);
    return row ? customerOf(row) : undefined;
  }

  /**
   * One read-your-writes wait for everything an invoice reads (its period's cuts too): 503 rather
   * than a stale invoice.
   */
  private catchUp(): Promise<void> {
    return usageCaughtUp(this.projections, [
      BILLING_VIEW_PROJECTION,
      ISSUED_INVOICES_PROJECTION,
      INVOICE_STATUSES_PROJECTION,
      PENDING_LINES_PROJECTION,
      ...this.metered.projections,
    ]);
  }
}

/**
 * Where a closed period's invoice not drafted yet goes when it moves on now: its workflow's status,
 * but a failed one still inside its collection interval goes back to collecting.
 */
function nextStatus(workflow: Workflow, plan: PeriodPlan, failed: boolean, now: string): ExtendedStatus {
  const collected = plan.usageWindow.to <= subtractWorkflowDuration(now, workflow.collection.interval);
  return failed && !collected ? 'draft.waiting_for_collection' : workflowStatus(workflow, now);
}

/** The subscription id a customer's own pending-lines invoice stands under (no subscription bills them). */
export const oneOffSubscriptionId = (customerId: string, currency: string) =>
  `one-off:${customerId}:${currency}`;

function parseOneOffSubscriptionId(id: string): { customerId: string; currency: string } | undefined {
  const match = /^one-off:(.+):([A-Z]{3})$/.exec(id);
  return match ? { customerId: match[1]!, currency: match[2]! } : undefined;
}

function oneOffInputOf(line: PendingLine, meteredQuantity: string | undefined): OneOffInput {
  const price = line.price as unknown as Price;
  const common = {
    key: line.id,
    name: line.name,
    ...(line.description !== undefined && { description: line.description }),
    ...(line.featureKey !== undefined && { featureKey: line.featureKey }),
    ...(line.discounts !== undefined && { discounts: line.discounts as RateCard['discounts'] }),
  };
  const rateCard: RateCard =
    price.type === 'flat'
      ? { ...common, type: 'flat_fee', billingCadence: null, price }
      : { ...common, type: 'usage_based', billingCadence: 'P1M', price };
  return {
    id: line.id,
    rateCard,
    ...(price.type !== 'flat' && { meteredQuantity: meteredQuantity ?? '0' }),
    period: line.period,
    invoiceAt: line.invoiceAt,
    ...(line.metadata !== undefined && { metadata: line.metadata }),
  };
}

const nextMs = (instant: string) => new Date(Date.parse(instant) + 1).toISOString();

function customerOf(row: CustomerRow): BillingCustomer {
  // A customer's key attributes its usage too, as OpenMeter does.
  const subjects = [...new Set([...(row.key ? [row.key] : []), ...row.subject_keys])];
  return {
    id: row.id,
    ...(row.key ? { key: row.key } : {}),
    name: row.name,
    subjectKeys: subjects,
    ...(row.currency ? { currency: row.currency } : {}),
  };
}

export function billedOf(row: SubscriptionRow): BilledSubscription {
  return {
    subscription: row.subscription,
    ...(row.active_to ? { activeTo: row.active_to.toISOString() } : {}),
    ...(row.next_subscription_id ? { nextSubscriptionId: row.next_subscription_id } : {}),
    ...(row.cuts && row.cuts.length > 0 ? { cuts: row.cuts.map((cut) => cut.toISOString()) } : {}),
  };
}

/**
 * The open period's invoice with the lines of its earlier sides (subscriptions a change replaced in
 * the same period, oldest first) ahead of its own, and totals over them all: one document for the
 * period, as the customer sees it. Each line keeps its own subscription, period and invoice.
 */
function withEarlierSides(current: Invoice, earlier: readonly Invoice[]): Invoice {
  if (earlier.length === 0) return current;
  const all = [...earlier, current];
  const sum = (pick: (totals: Invoice['totals']) => string) =>
    toDecimalString(all.reduce((acc, invoice) => acc.plus(pick(invoice.totals)), new Decimal(0)));
  const totals = Object.fromEntries(
    Object.keys(current.totals).map((name) => [name, sum((t) => t[name as keyof Invoice['totals']])]),
  ) as unknown as Invoice['totals'];
  const validationIssues = all.flatMap((invoice) => invoice.validationIssues);
  return {
    ...current,
    statusDetails: { ...current.statusDetails, failed: hasCriticalIssues({ validationIssues }) },
    totals,
    lines: all.flatMap((invoice) => invoice.lines),
    validationIssues,
  };
}

/**
 * A customer with nothing to bill (no subscription running now) gets an invoice with no lines, not an
 * error, and no `period`: OpenMeter sets an invoice's period only when it has lines. It is stamped
 * now, when it was computed; its id is the customer's alone, the same on every call.
 */
function emptyInvoice(customer: BillingCustomer, now: string): EmptyInvoice {
  const zero = {
    amount: '0',
    chargesTotal: '0',
    discountsTotal: '0',
    creditsTotal: '0',
    taxesInclusiveTotal: '0',
    taxesExclusiveTotal: '0',
    taxesTotal: '0',
    total: '0',
  };
  return {
    id: stableUlid(new Date(0), 'empty-invoice', customer.id),
    type: 'standard',
    number: `DRAFT-${customer.id}`,
    status: 'gathering',
    statusDetails: { immutable: false, failed: false, extendedStatus: 'gathering', availableActions: {} },
    createdAt: now,
    updatedAt: now,
    currency: customer.currency ?? 'USD',
    supplier: { name: 'Tally' },
    customer: {
      id: customer.id,
      ...(customer.key !== undefined ? { key: customer.key } : {}),
      name: customer.name,
      usageAttribution: { subjectKeys: customer.subjectKeys },
    },
    workflow: { workflow: { invoicing: { autoAdvance: true } } },
    totals: zero,
    lines: [],
    validationIssues: [],
  };
}
