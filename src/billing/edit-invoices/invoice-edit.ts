import type { FieldProblem } from '../../shared/errors';
import type { Invoice, InvoiceLine } from '../invoices/draft-invoice';
import type { IssuingProfile } from '../issue-invoices/invoice-ledger.decider';
import { resolveWorkflow, type Workflow, type WorkflowInput } from '../profiles/workflow';

/**
 * What `updateInvoice` sets on a draft, replacing what the invoice had: its description and metadata,
 * its supplier snapshot, its customer's name, tax id and addresses (its id, key and usage attribution
 * stay: they say whose usage it bills), and the workflow settings OpenMeter lets a draft change — a
 * setting left out keeps the invoice's. Its lines are not in it: they follow the meters.
 */
export interface InvoiceEdit {
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly supplier: Readonly<Record<string, unknown>>;
  readonly customer: {
    readonly name?: string;
    readonly taxId?: Readonly<Record<string, unknown>>;
    readonly addresses?: readonly Readonly<Record<string, unknown>>[];
  };
  readonly workflow: Pick<WorkflowInput, 'invoicing' | 'payment'>;
}

/** The profile an edited draft is drafted and issued under: the edit's supplier and workflow settings. */
export function editedProfile(
  profile: IssuingProfile | undefined,
  edit: InvoiceEdit | undefined,
): IssuingProfile | undefined {
  if (!profile || !edit) return profile;
  return { ...profile, supplier: edit.supplier, workflow: editedWorkflow(profile.workflow, edit) };
}

export function editedWorkflow(workflow: Workflow, edit: InvoiceEdit): Workflow {
  return resolveWorkflow(
    { invoicing: { ...edit.workflow.invoicing }, payment: { ...edit.workflow.payment } },
    workflow,
  );
}

/**
 * The invoice with the edit's header on it. `workflow`, when given, is what the invoice's workflow
 * setting resolves from (the draft's snapshot or the customer's effective workflow).
 */
export function withEdit(invoice: Invoice, edit: InvoiceEdit | undefined, workflow?: Workflow): Invoice {
  if (!edit) return invoice;
  const { description: _description, metadata: _metadata, ...rest } = invoice;
  const { name, taxId, addresses } = edit.customer;
  return {
    ...rest,
    ...(edit.description !== undefined ? { description: edit.description } : {}),
    ...(edit.metadata !== undefined ? { metadata: edit.metadata } : {}),
    supplier: edit.supplier,
    customer: {
      id: invoice.customer.id,
      ...(invoice.customer.key !== undefined ? { key: invoice.customer.key } : {}),
      name: name ?? invoice.customer.name,
      ...(taxId !== undefined ? { taxId } : {}),
      ...(addresses !== undefined ? { addresses } : {}),
      usageAttribution: invoice.customer.usageAttribution,
    },
    ...(workflow ? { workflow: { ...invoice.workflow, workflow: editedWorkflow(workflow, edit) } } : {}),
  };
}

/** The line fields a client sends back (`InvoiceLineReplaceUpdate`) that must equal the invoice's. */
const COMPARED = ['id', 'name', 'description', 'featureKey'] as const;
const INSTANTS = ['invoiceAt', 'period.from', 'period.to'] as const;

const LINES_FOLLOW_METERS =
  "an invoice's lines follow its subscription's meters and cannot be edited; " +
  'add a one-off charge with POST /api/v1/billing/customers/{customerId}/invoices/pending-lines';

/**
 * Where `given` (the body's `lines`) differs from the invoice's lines as they stand, each named by its
 * path: a client sends the invoice's lines back as it read them; any change is refused.
 */
export function lineProblems(
  current: readonly InvoiceLine[],
  given: readonly Readonly<Record<string, unknown>>[],
): FieldProblem[] {
  const problem = (field: string): FieldProblem => ({
    field,
    code: 'BILLING.LINES_NOT_EDITABLE',
    message: LINES_FOLLOW_METERS,
  });
  if (given.length !== current.length) return [problem('body.lines')];
  const problems: FieldProblem[] = [];
  given.forEach((line, index) => {
    const now = current[index]!;
    const at = `body.lines[${index}]`;
    if (line.id !== now.id) {
      problems.push(problem(`${at}.id`));
      return;
    }
    for (const field of COMPARED)
      if (line[field] !== undefined && line[field] !== now[field]) problems.push(problem(`${at}.${field}`));
    for (const path of INSTANTS) {
      const value = valueAt(line, path);
      if (value !== undefined && !sameInstant(value, valueAt(now, path)))
        problems.push(problem(`${at}.${path}`));
    }
    if (line.metadata !== undefined && line.metadata !== null && !sameMetadata(line.metadata, now.metadata))
      problems.push(problem(`${at}.metadata`));
  });
  return problems;
}

function valueAt(object: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      object,
    );
}

function sameInstant(given: unknown, current: unknown): boolean {
  if (typeof current !== 'string') return false;
  const at = given instanceof Date ? given.getTime() : typeof given === 'string' ? Date.parse(given) : NaN;
  return at === Date.parse(current);
}

function sameMetadata(given: unknown, current: Readonly<Record<string, string>> | undefined): boolean {
  if (typeof given !== 'object' || given === null) return false;
  const a = Object.entries(given as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y));
  const b = Object.entries(current ?? {}).sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(a) === JSON.stringify(b);
}
