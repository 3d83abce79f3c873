import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ANSWER_SCHEMAS } from '../../src/shared/http/answer-schemas';
import { startTestApp, TestApp } from '../support/test-app';
import { fastifyRoutes, isDocsRoute } from '../support/routes';

interface Operation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Paths = Record<string, Record<string, Operation>>;
interface Schema {
  type?: string;
  description?: string;
  $ref?: string;
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** A path's shape, whatever its parameters are named: `/api/v1/meters/{}`. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

describe("Tally's OpenAPI document", () => {
  let app: TestApp;
  let paths: Paths;
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    app = await startTestApp();
    const document = await app.request('GET', '/docs-json', { token: null });
    ({ paths } = document.body as { paths: Paths });
    schemas = (document.body as { components: { schemas: Record<string, Schema> } }).components.schemas;
  });
  afterAll(() => app.close());

  const operations = () =>
    Object.entries(paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
    );

  it('documents every route the server answers', () => {
    const documented = new Set(operations().map(({ path, method }) => `${method} ${shape(path)}`));
    const missing = fastifyRoutes(app.tally)
      .filter(({ method, path }) => !isDocsRoute(path) && METHODS.includes(method.toLowerCase()))
      .map(({ method, path }) => `${method.toLowerCase()} ${shape(path.replace(/:(\w+)/g, '{$1}'))}`)
      .filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });

  it("names each route's operation, OpenMeter's routes by OpenMeter's operationId", () => {
    const spec = load(
      readFileSync(
        join(__dirname, '..', '..', '..', 'shared', 'reference', 'openmeter-openapi-v1.yaml'),
        'utf8',
      ),
    ) as { paths: Paths };
    const openMeter = new Map<string, string>();
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of METHODS) {
        if (item[method]?.operationId) openMeter.set(`${method} ${shape(path)}`, item[method].operationId);
      }
    }
    const wrong = operations().flatMap(({ path, method, operation }) => {
      const expected = openMeter.get(`${method} ${shape(path)}`);
      const id = operation.operationId ?? '';
      const named = expected ? id === expected : /^[a-z][A-Za-z]+$/.test(id);
      return named ? [] : [`${method} ${path}: ${id}${expected ? ` (OpenMeter: ${expected})` : ''}`];
    });
    expect(wrong).toEqual([]);
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('gives every request body and every answer with a body its schema, and every route its problems', () => {
    const untyped = operations().flatMap(({ path, method, operation }) => {
      const problems: string[] = [];
      const body = operation.requestBody;
      if (body && !Object.values(body.content).every((media) => media.schema)) problems.push('request body');
      const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      const answersNothing = ANSWER_SCHEMAS.routes[`${method} ${path}`] === null;
      for (const [status, response] of success) {
        if (!answersNothing && !Object.values(response.content ?? {}).some((media) => media.schema))
          problems.push(`${status} answer`);
      }
      const problem = operation.responses['400']?.content?.['application/problem+json']?.schema;
      if (!problem) problems.push('400 problem');
      return problems.length > 0 ? [`${method} ${path}: ${problems.join(', ')}`] : [];
    });
    expect(untyped).toEqual([]);
  });

  it('describes every field of every request body', () => {
    const vague: string[] = [];
    const seen = new Set<string>();
    const visit = (schema: Schema, where: string): void => {
      if (schema.$ref) {
        const name = schema.$ref.split('/').pop()!;
        if (!seen.has(name)) {
          seen.add(name);
          visit(schemas[name], name);
        }
        return;
      }
      for (const part of [...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) visit(part, where);
      if (schema.oneOf || schema.allOf) return;
      // Any JSON value is said so in words (OpenAPI 3.0 has no type for it).
      if (!schema.type && !schema.description) vague.push(`${where}: no type`);
      if (schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined)
        vague.push(`${where}: an object without fields`);
      if (schema.type === 'array') visit(schema.items ?? {}, `${where}[]`);
      for (const [name, field] of Object.entries(schema.properties ?? {})) visit(field, `${where}.${name}`);
      if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties, `${where}.*`);
    };
    for (const { path, method, operation } of operations()) {
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        visit(media.schema as Schema, `${method} ${path}`);
      }
    }
    expect(vague).toEqual([]);
  });
});
