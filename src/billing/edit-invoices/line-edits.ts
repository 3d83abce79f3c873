import { validateDiscounts, validatePrice, type Price, type RateCard } from '../../catalog/model';
import type { FieldProblem } from '../../shared/errors';
import { readInstant, utcIso } from '../../shared/instant';
import { type Invoice, type InvoiceLine, lineIdFor, type Period } from '../invoices/draft-invoice';
import type { PendingLine } from '../issue-invoices/invoice-ledger.decider';
import type { PeriodPlan } from '../invoices/subscription-period';

/**
 * A draft's lines as `updateInvoice` left them (OpenMeter's `InvoiceLineReplaceUpdate`: the body's
 * lines replace the draft's), keyed by line id — a subscription line's id is derived from its
 * subscription item and period, a one-off's is its own — so the same overrides apply wherever the
 * period is priced: the draft, its issue, and the recompute that corrections and the recompute
 * report compare issued documents with.
 */
export interface LineEdits {
  /** Lines changed (name, description, metadata, price, discounts, a usage line's period): `managedBy: manual`. */
  readonly changed: readonly LineChange[];
  /** Subscription lines left out (their name as they were): waived for this period, never billed nor corrected. */
  readonly removed: readonly { readonly id: string; readonly name: string }[];
  /** Lines added: one-off charges of this invoice alone, priced as pending lines are. */
  readonly added: readonly PendingLine[];
}

/** A line as edited: every field it bills by, the edited ones and the others as they were. */
export interface LineChange {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly period: Period;
  readonly price: Readonly<Record<string, unknown>>;
  readonly discounts?: Readonly<Record<string, unknown>>;
}

const ONE_OFF_PHASE = 'one-off';

type Given = Readonly<Record<string, unknown>>;

/**
 * The edit the body's `lines` make to the invoice as read (`current`, with `previous`, the draft's
 * edit in force, on it): each given line with a known `id` is kept (and changed where it differs), one
 * without `id` is added (its id from `newIds`, in order), a subscription line left out is removed.
 * A line removed earlier is not on the invoice as read: it stays removed. Refused, each named
 * `body.lines[i].field` with why: a changed feature, `invoiceAt` or flat fee period, a flat fee made a
 * usage price or back, a period outside the invoice's, a credit line changed or left out, a pending
 * one-off line left out (it would be billed by the next invoice: not the edit's to decide).
 */
export function lineEditsOf(
  invoice: Pick<Invoice, 'period' | 'lines'>,
  given: readonly Given[],
  previous: LineEdits | undefined,
  newIds: readonly string[],
): { readonly edits: LineEdits; readonly problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const refuse = (field: string, message: string) =>
    problems.push({ field, code: 'BILLING.LINE_NOT_EDITABLE', message });
  const current = new Map(invoice.lines.map((line) => [line.id, line]));
  const previousChanges = new Map((previous?.changed ?? []).map((change) => [change.id, change]));
  const previousAdded = new Map((previous?.added ?? []).map((line) => [line.id, line]));
  const changed: LineChange[] = [];
  const added: PendingLine[] = [];
  const kept = new Set<string>();
  let fresh = 0;
  given.forEach((line, index) => {
    const at = `body.lines[${index}]`;
    const read = readLine(line, at, problems);
    if (line.id === undefined) {
      const id = newIds[fresh++];
      if (!read.name) refuse(`${at}.name`, 'a new line needs a name');
      if (!read.period) refuse(`${at}.period`, 'a new line needs its period { from, to }');
      if (!read.invoiceAt) refuse(`${at}.invoiceAt`, 'a new line needs invoiceAt');
      if (!read.price) refuse(`${at}.rateCard.price`, 'a new line needs a price');
      else if (read.price.type !== 'flat' && !read.featureKey)
        refuse(`${at}.rateCard.featureKey`, 'a usage price needs the feature whose usage it bills');
      if (read.period) within(read.period, invoice.period, `${at}.period`, refuse);
      if (id && read.name && read.period && read.invoiceAt && read.price)
        added.push({
          id,
          name: read.name,
          ...(read.description !== undefined && { description: read.description }),
          ...(read.metadata && { metadata: read.metadata }),
          period: read.period,
          invoiceAt: read.invoiceAt,
          price: read.price,
          ...(read.featureKey !== undefined && { featureKey: read.featureKey }),
          ...(read.discounts && { discounts: read.discounts }),
        });
      return;
    }
    const now = typeof line.id === 'string' ? current.get(line.id) : undefined;
    if (!now || kept.has(now.id)) {
      refuse(`${at}.id`, now ? 'the line is given twice' : 'no line with this id on the invoice');
      return;
    }
    kept.add(now.id);
    const flat = now.price.type === 'flat';
    if (read.featureKey !== undefined && read.featureKey !== now.featureKey)
      refuse(`${at}.rateCard.featureKey`, "a line's feature says which meter it bills: add a line instead");
    if (read.invoiceAt !== undefined && read.invoiceAt !== now.invoiceAt)
      refuse(
        `${at}.invoiceAt`,
        'the line is billed by this invoice: to bill it later, remove it and add a one-off charge due then',
      );
    if (read.price && (read.price.type === 'flat') !== flat)
      refuse(
        `${at}.rateCard.price.type`,
        'a flat fee stays a flat price and a usage line a usage price: remove the line and add another',
      );
    const period = read.period ?? now.period;
    if (read.period && !samePeriod(read.period, now.period)) {
      if (flat) refuse(`${at}.period`, "a flat fee's period is its subscription's: change its price instead");
      else within(read.period, invoice.period, `${at}.period`, refuse);
    }
    const change: LineChange = {
      id: now.id,
      name: read.name ?? now.name,
      ...(read.description !== undefined
        ? { description: read.description }
        : now.description !== undefined && { description: now.description }),
      // `{}` sent back for a line without metadata is no change.
      ...(read.metadata !== undefined && (Object.keys(read.metadata).length > 0 || now.metadata)
        ? { metadata: read.metadata }
        : read.metadata === undefined && now.metadata !== undefined && { metadata: now.metadata }),
      period,
      price: (read.price ?? now.price) as unknown as Readonly<Record<string, unknown>>,
      ...(read.discounts !== undefined
        ? { discounts: read.discounts }
        : now.rateCard.discounts !== undefined && {
            discounts: now.rateCard.discounts as unknown as Readonly<Record<string, unknown>>,
          }),
    };
    const differs = !sameJson(change, changeOf(now));
    if (differs && now.creditOf)
      refuse(`${at}`, 'a credit line gives back what an earlier subscription billed: it cannot be edited');
    const before = previousAdded.get(now.id);
    if (before) {
      added.push({ ...before, ...withoutId(change), invoiceAt: before.invoiceAt });
      return;
    }
    if (differs || previousChanges.has(now.id)) changed.push(change);
  });
  for (const line of invoice.lines) {
    if (kept.has(line.id) || previousAdded.has(line.id)) continue;
    if (line.creditOf)
      refuse(
        'body.lines',
        `line ${line.id} is a credit for an earlier subscription's fee: it cannot be removed`,
      );
    else if (line.subscription.phase.id === ONE_OFF_PHASE)
      refuse(
        'body.lines',
        `line ${line.id} is a pending one-off charge: left out, the next invoice would bill it; send it back`,
      );
  }
  const removed = [
    ...(previous?.removed ?? []),
    ...invoice.lines
      .filter((line) => !kept.has(line.id) && !previousAdded.has(line.id))
      .filter((line) => !line.creditOf && line.subscription.phase.id !== ONE_OFF_PHASE)
      .map((line) => ({ id: line.id, name: line.name })),
  ];
  return { edits: { changed, removed, added }, problems };
}

/** The line's billed fields as read: what a change is compared with. */
function changeOf(line: InvoiceLine): LineChange {
  return {
    id: line.id,
    name: line.name,
    ...(line.description !== undefined && { description: line.description }),
    ...(line.metadata !== undefined && { metadata: line.metadata }),
    period: line.period,
    price: line.price as unknown as Readonly<Record<string, unknown>>,
    ...(line.rateCard.discounts !== undefined && {
      discounts: line.rateCard.discounts as unknown as Readonly<Record<string, unknown>>,
    }),
  };
}

const withoutId = ({ id: _id, ...rest }: LineChange) => rest;

interface ReadLine {
  name?: string;
  description?: string;
  metadata?: Readonly<Record<string, string>>;
  period?: Period;
  invoiceAt?: string;
  price?: Readonly<Record<string, unknown>> & { readonly type?: unknown };
  featureKey?: string;
  discounts?: Readonly<Record<string, unknown>>;
}

/** The fields of one body line an edit acts on, each checked (a problem named per bad field). */
function readLine(line: Given, at: string, problems: FieldProblem[]): ReadLine {
  const bad = (field: string, message: string) =>
    problems.push({ field: `${at}.${field}`, code: 'BILLING.INVALID_LINE', message });
  const read: ReadLine = {};
  if (line.id !== undefined && typeof line.id !== 'string') bad('id', 'must be a string');
  if (line.name !== undefined) {
    if (typeof line.name !== 'string' || line.name.length < 1 || line.name.length > 256)
      bad('name', 'must be a string of 1 to 256 characters');
    else read.name = line.name;
  }
  if (line.description !== undefined && line.description !== null) {
    if (typeof line.description !== 'string' || line.description.length > 1024)
      bad('description', 'must be a string of at most 1,024 characters');
    else read.description = line.description;
  }
  if (line.metadata !== undefined && line.metadata !== null) {
    const entries = isObject(line.metadata) ? Object.entries(line.metadata) : undefined;
    if (!entries || entries.some(([, value]) => typeof value !== 'string'))
      bad('metadata', 'must be an object of strings');
    else read.metadata = Object.fromEntries(entries) as Record<string, string>;
  }
  if (line.period !== undefined) {
    const period = isObject(line.period) ? line.period : {};
    const from = readInstant(period.from);
    const to = readInstant(period.to);
    if (!from.ok) bad('period.from', from.problem);
    if (!to.ok) bad('period.to', to.problem);
    if (from.ok && to.ok) {
      if (from.ms >= to.ms) bad('period', 'from must be before to');
      else read.period = { from: utcIso(period.from as string), to: utcIso(period.to as string) };
    }
  }
  if (line.invoiceAt !== undefined) {
    const invoiceAt = readInstant(line.invoiceAt);
    if (!invoiceAt.ok) bad('invoiceAt', invoiceAt.problem);
    else read.invoiceAt = utcIso(line.invoiceAt as string);
  }
  const rateCard = isObject(line.rateCard) ? line.rateCard : {};
  if (line.rateCard !== undefined && !isObject(line.rateCard)) bad('rateCard', 'must be an object');
  const price = rateCard.price !== undefined ? rateCard.price : line.price;
  const priceAt = rateCard.price !== undefined ? 'rateCard.price' : 'price';
  if (price !== undefined) {
    const found =
      price === null ? [{ field: 'price', message: 'a line needs a price' }] : validatePrice(price);
    const discounts = rateCard.discounts;
    if (found.length === 0 && discounts !== undefined && discounts !== null)
      found.push(...validateDiscounts(discounts, price as Price));
    for (const problem of found)
      bad(
        problem.field.replace(/^price/, priceAt).replace(/^discounts/, 'rateCard.discounts'),
        problem.message,
      );
    if (found.length === 0) {
      read.price = price as ReadLine['price'];
      if (isObject(discounts)) read.discounts = discounts;
    }
  }
  const featureKey = rateCard.featureKey !== undefined ? rateCard.featureKey : line.featureKey;
  if (featureKey !== undefined && featureKey !== null) {
    if (typeof featureKey !== 'string') bad('rateCard.featureKey', 'must be a string');
    else read.featureKey = featureKey;
  }
  return read;
}

function within(period: Period, of: Period, field: string, refuse: (field: string, message: string) => void) {
  if (period.from < of.from || period.to > of.to)
    refuse(field, `must be within the invoice's period ${of.from}..${of.to}`);
}

const samePeriod = (a: Period, b: Period) =>
  Date.parse(a.from) === Date.parse(b.from) && Date.parse(a.to) === Date.parse(b.to);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equal as JSON with keys in any order (a client may send a price's fields in another order). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}

/**
 * The period's plan with the edits on its subscription items: a removed line's item is gone (waived),
 * a changed one bills its edited name, description, price and discounts over its edited period —
 * a usage line keeps following its meter over it.
 */
export function editedPlan(
  plan: PeriodPlan,
  invoiceId: string,
  period: Period,
  edits: LineEdits,
): PeriodPlan {
  const removed = new Set(edits.removed.map((line) => line.id));
  const changes = new Map(edits.changed.map((change) => [change.id, change]));
  const items = plan.items.flatMap((item) => {
    const id = lineIdFor(invoiceId, item.phaseKey, item.key, period);
    if (removed.has(id)) return [];
    const change = changes.get(id);
    if (!change) return [item];
    const { description: _description, discounts: _discounts, ...rateCard } = item.rateCard;
    const edited = {
      ...rateCard,
      name: change.name,
      ...(change.description !== undefined && { description: change.description }),
      price: change.price as unknown as Price,
      ...(change.discounts !== undefined && { discounts: change.discounts as RateCard['discounts'] }),
    } as RateCard;
    return [
      { ...item, rateCard: edited, window: change.price.type === 'flat' ? item.window : change.period },
    ];
  });
  return { ...plan, items };
}

/** The pending lines an invoice bills, with the edits on them, and the lines the edit added. */
export function editedPendingLines(pending: readonly PendingLine[], edits: LineEdits): PendingLine[] {
  const changes = new Map(edits.changed.map((change) => [change.id, change]));
  return [
    ...pending.map((line) => {
      const change = changes.get(line.id);
      if (!change) return line;
      const { description: _d, metadata: _m, discounts: _x, ...rest } = line;
      return { ...rest, ...withoutId(change), invoiceAt: line.invoiceAt };
    }),
    ...edits.added,
  ];
}

/** The lines an edit changed or added are the team's now: `managedBy: manual`, with their metadata. */
export function markedEdited(invoice: Invoice, edits: LineEdits): Invoice {
  const changes = new Map(edits.changed.map((change) => [change.id, change]));
  return {
    ...invoice,
    lines: invoice.lines.map((line) => {
      const change = changes.get(line.id);
      if (!change) return line;
      const { metadata: _metadata, ...rest } = line;
      return {
        ...rest,
        managedBy: 'manual',
        ...(change.metadata !== undefined && { metadata: change.metadata }),
      };
    }),
  };
}

/**
 * Whether `invoice` was priced with `edits`: each changed or added line on it with its edited name
 * and price, each removed one absent. An invoice read before its latest edit reached the read model
 * fails this, and is not issued (read again) rather than issued without the edit.
 */
export function pricedWith(invoice: Pick<Invoice, 'lines'>, edits: LineEdits): boolean {
  const lines = new Map(invoice.lines.map((line) => [line.id, line]));
  const carries = (want: { id: string; name: string; price: unknown }) => {
    const line = lines.get(want.id);
    return line !== undefined && line.name === want.name && sameJson(line.price, want.price);
  };
  return (
    edits.changed.every(carries) &&
    edits.added.every(carries) &&
    edits.removed.every((line) => !lines.has(line.id))
  );
}
