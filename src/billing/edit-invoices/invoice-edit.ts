import type { Invoice } from '../invoices/draft-invoice';
import type { IssuingProfile } from '../issue-invoices/invoice-ledger.decider';
import { resolveWorkflow, type Workflow, type WorkflowInput } from '../profiles/workflow';
import type { LineEdits } from './line-edits';

/**
 * What `updateInvoice` sets on a draft, replacing what the invoice had: its description and metadata,
 * its supplier snapshot, its customer's name, tax id and addresses (its id, key and usage attribution
 * stay: they say whose usage it bills), the workflow settings OpenMeter lets a draft change — a
 * setting left out keeps the invoice's — and its lines' edits (absent on edits recorded before lines
 * could be edited: none).
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
  readonly lines?: LineEdits;
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
