import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestApp, TestApp } from '../support/test-app';

const SCHEMA = join(__dirname, '..', '..', 'console', 'src', 'api', 'schema.d.ts');
const HEADER =
  "// Generated from Tally's own OpenAPI document (/docs-json) by openapi-typescript: do not edit.\n" +
  '// `npm run api:schema` writes it again; `npm test` fails while it differs from the document.\n\n';

/**
 * The console's client is typed from the OpenAPI document the running service serves, so a change of
 * a route's schema breaks the console's typecheck, not its users. The committed types must be what
 * the generator makes of today's document.
 */
describe("the console's API types", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("are generated from Tally's own OpenAPI document", async () => {
    const document = await app.request('GET', '/docs-json', { token: null });
    expect(document.status).toBe(200);
    const generated =
      HEADER + astToString(await openapiTS(document.body, { alphabetize: true, defaultNonNullable: false }));
    if (process.env.TALLY_WRITE_SCHEMA === '1') writeFileSync(SCHEMA, generated);
    const committed = readFileSync(SCHEMA, 'utf8');
    if (committed !== generated) {
      throw new Error(`${SCHEMA} differs from /docs-json: run npm run api:schema and commit it`);
    }
  });
});
