import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { answerSchemas } from '../support/answer-schemas';

const FILE = join(__dirname, '..', '..', 'src', 'shared', 'http', 'answer-schemas.ts');

/**
 * The answer schemas in `/docs-json` are generated from the types the controllers return; the
 * committed file must be what the generator makes of today's code, so a changed answer type changes
 * the document (and, through it, the console's typed client).
 */
describe("the OpenAPI document's answer schemas", () => {
  it('are generated from the types the routes return', () => {
    const text =
      '// Generated from the types the controllers return (test/support/answer-schemas.ts): do not edit.\n' +
      '// `npm run api:schema` writes it again; `npm test` fails while it differs from the code.\n' +
      "import type { AnswerSchemas } from './openapi';\n\n" +
      `export const ANSWER_SCHEMAS: AnswerSchemas = ${JSON.stringify(answerSchemas(), null, 2)};\n`;
    // Formatted as the house formats code (Prettier loads its plugins by ESM imports, which Jest's
    // module system refuses: hence a process of its own).
    const prettier = require.resolve('prettier/bin/prettier.cjs');
    const generated = execFileSync(process.execPath, [prettier, '--stdin-filepath', FILE], {
      input: text,
    }).toString();
    if (process.env.TALLY_WRITE_SCHEMA === '1') writeFileSync(FILE, generated);
    if (readFileSync(FILE, 'utf8') !== generated) {
      throw new Error(
        `${FILE} differs from the controllers' answer types: run npm run api:schema and commit it`,
      );
    }
  });
});
