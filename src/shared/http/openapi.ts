import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ANSWER_SCHEMAS } from './answer-schemas';
import { STRING_FILTER_SCHEMA } from './group-by-filters';
import { PROBLEM_CONTENT_TYPE, titleOf } from './problem';

/** A JSON Schema as OpenAPI 3.0 writes one. */
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: readonly unknown[];
  nullable?: boolean;
  description?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema;
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

/**
 * Each route's answer by media type (`"get /api/v1/meters/{meterIdOrSlug}"`; null when it answers no
 * body) and the named types those answers use, generated from the types the controllers return.
 */
export interface AnswerSchemas {
  readonly routes: Record<string, Record<string, JsonSchema> | null>;
  readonly components: Record<string, JsonSchema>;
}

/** A schema as Nest's document types hold one; `JsonSchema` is the part of it answers use. */
type DocumentSchema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

const SUCCESS: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted' };
const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Tally's OpenAPI document (`/docs-json`): Nest's reading of the routes and their request classes,
 * completed with each route's answer schema and the problems it can answer, so a typed client (the
 * console's among them) is generated from it whole.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tally')
      .setDescription("Event-sourced usage metering and billing, speaking OpenMeter's v1 API.")
      .setVersion('1')
      // Tally's tokens are opaque secrets (`tally_…`), checked against their stored digests: not JWTs.
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description:
          'An API token (`tally_…`) from POST /api/v1/tokens, or the first one in DATA_DIR/admin-token',
      })
      .build(),
  );
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const answer = ANSWER_SCHEMAS.routes[`${method} ${path}`];
      const success = Object.keys(operation.responses).find((status) => status.startsWith('2')) ?? '200';
      const documented = operation.responses[success] as
        { description?: string; content?: unknown } | undefined;
      if (answer && !documented?.content) {
        operation.responses[success] = {
          description: documented?.description || SUCCESS[success],
          content: Object.fromEntries(
            Object.entries(answer).map(([type, schema]) => [type, { schema: schema as DocumentSchema }]),
          ),
        };
      }
      for (const status of problemsOf(method, path, operation.security !== undefined)) {
        operation.responses[status] ??= {
          description: titleOf(status),
          content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM } },
        };
      }
    }
  }
  document.components = {
    ...document.components,
    schemas: {
      ...(ANSWER_SCHEMAS.components as Record<string, DocumentSchema>),
      FilterString: STRING_FILTER_SCHEMA as unknown as DocumentSchema,
      ...document.components?.schemas,
    },
  };
  return document;
}

/** The problems a route can answer: bad input, its authentication, what it names, conflicts, load. */
function problemsOf(method: string, path: string, authenticated: boolean): number[] {
  const statuses = [400];
  if (authenticated) statuses.push(401, 403, 429);
  if (path.includes('{')) statuses.push(404);
  if (method !== 'get') statuses.push(409);
  statuses.push(503);
  return statuses;
}
