import { HttpException } from '@nestjs/common';
import { DomainError, ErrorKind, FieldProblem } from '../errors';

/**
 * RFC 9457 problem details, as every error leaves Tally, shaped as OpenMeter shapes them so its
 * clients read them unchanged: `type` `about:blank`, `title` the status text OpenMeter (Go's
 * `http.StatusText`) gives, and each invalid field under `extensions.validationErrors` with a
 * JSONPath (`$.phases[0].key`). Tally's own `code` and `errors[]` stay beside them.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly errors?: readonly FieldProblem[];
  readonly extensions?: { readonly validationErrors: readonly OpenMeterValidationError[] };
}

/** OpenMeter's `ValidationError`: what its clients read of each invalid field. */
export interface OpenMeterValidationError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_implemented: 501,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Fastify's own errors (body parsing, limits, routing) and what they mean to a client. */
const FASTIFY_CODES: Record<string, { status: number; code: string; detail?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'HTTP.BODY_TOO_LARGE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'HTTP.EMPTY_BODY', detail: 'The request body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'HTTP.MALFORMED_JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'HTTP.BAD_CONTENT_LENGTH' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'HTTP.BAD_CONTENT_TYPE' },
  FST_ERR_BAD_URL: { status: 400, code: 'HTTP.BAD_URL' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'HTTP.PATH_PARAMETER_TOO_LONG' },
};

/** The reason phrase problems carry as their title. */
export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function problemFrom(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof DomainError) {
    return problem(STATUS[error.kind], error.code, error.message, instance, error.problems);
  }
  // Nest wraps Fastify's own errors in an HttpException that keeps the original as its cause.
  const fastify = (error instanceof HttpException && error.cause ? error.cause : error) as {
    code?: string;
    statusCode?: number;
    message?: string;
  };
  const known = fastify.code ? FASTIFY_CODES[fastify.code] : undefined;
  if (known) return problem(known.status, known.code, known.detail ?? fastify.message ?? '', instance);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    // Nest's own exceptions carry a string, or a list of them (its validation pipe's).
    const detail =
      typeof message === 'string'
        ? message
        : Array.isArray(message)
          ? message.map(String).join(',')
          : error.message;
    return problem(status, `HTTP.${status}`, detail, instance);
  }
  if (error instanceof SyntaxError) return problem(400, 'HTTP.MALFORMED_JSON', error.message, instance);
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return problem(fastify.statusCode, `HTTP.${fastify.statusCode}`, fastify.message ?? '', instance);
  }
  if (isDatabaseUnavailable(error)) {
    return problem(
      503,
      'SERVICE.DATABASE_UNAVAILABLE',
      'The database is not reachable; retry later',
      instance,
    );
  }
  return problem(500, 'SERVICE.INTERNAL', 'An unexpected error occurred; it has been logged', instance);
}

/**
 * A failure of the service rather than of what was asked (the database unreachable, read models
 * behind, a timeout): answered 503 and retried. Anything else that goes wrong computing one
 * customer's figures is that customer's problem, reported on their answer alone.
 */
export function isServiceUnavailable(error: unknown): boolean {
  return problemFrom(error).status === 503;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  instance?: string,
  errors?: readonly FieldProblem[],
): ProblemDetails {
  return {
    // RFC 9457's `about:blank`, as OpenMeter answers: the title is the status's own phrase, and the
    // problem itself is named by `code`, which the README and the API document list.
    type: 'about:blank',
    title: titleOf(status),
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
    ...(errors && errors.length > 0
      ? { errors, extensions: { validationErrors: errors.map(openMeterValidationError) } }
      : {}),
  };
}

export function openMeterValidationError(problem: FieldProblem): OpenMeterValidationError {
  return {
    field: jsonPathOf(problem.field),
    code: problem.code ?? 'validation_error',
    message: problem.message,
  };
}

/**
 * A field as OpenMeter names it: a JSONPath from the request body (`$.phases[0].rateCards[1].price`),
 * without Tally's `body.` prefix; a map entry's name in brackets (`filterGroupBy[model]`) as a member.
 */
export function jsonPathOf(field: string): string {
  if (field.startsWith('$')) return field;
  const path = field
    .replace(/^body(\.|$)/, '')
    .replace(/\[(?!\d+\])([^\]]*)\]/g, (_, name: string) => `['${name.replace(/'/g, "\\'")}']`);
  if (path === '') return '$';
  return path.startsWith('[') ? `$${path}` : `$.${path}`;
}

/** Connection-level failures: the request did nothing we can vouch for, and a retry may succeed. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}
