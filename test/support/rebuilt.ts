import type { TestApp } from './test-app';

/** Rebuilds the projection `name` from the log through the admin API and waits until it runs again. */
export async function rebuilt(app: TestApp, name: string): Promise<void> {
  expect((await app.request('POST', `/api/v1/admin/projections/${name}/rebuild`)).status).toBe(202);
  for (let state = ''; state !== 'running';) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = await app.request('GET', '/api/v1/admin/projections');
    expect(answer.status).toBe(200);
    state = (answer.body as { name: string; state: string }[]).find((p) => p.name === name)!.state;
  }
}

/** Every invoice, drafts, voids and lines included, reads byte for byte the same rebuilt from the log. */
export async function expectInvoicesReplayed(app: TestApp): Promise<void> {
  const before = (await app.request('GET', '/api/v1/billing/invoices?expand=lines')).text;
  await rebuilt(app, 'issued_invoices@v2');
  await rebuilt(app, 'invoice_statuses@v2');
  expect((await app.request('GET', '/api/v1/billing/invoices?expand=lines')).text).toBe(before);
}
