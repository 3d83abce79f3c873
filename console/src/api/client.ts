import createClient from 'openapi-fetch';
import type { Problem } from './answers';
import type { paths } from './schema';

/**
 * The typed client: paths, parameters and bodies come from Tally's OpenAPI document (`schema.d.ts`),
 * so a route's change breaks this build, not the console's users. Same origin, so the session cookie
 * goes along by itself; every write carries the session's CSRF token.
 */
export const api = createClient<paths>({ baseUrl: '' });

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

api.use({
  onRequest({ request }) {
    if (!['GET', 'HEAD'].includes(request.method) && csrfToken)
      request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/** A refusal from Tally: its problem+json answer, with each named field's message. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  /** Messages by field, as the form names its fields (`body.` and array indexes kept otherwise). */
  get fields(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      const field = error.field.replace(/^body\./, '');
      fields[field] = fields[field] ? `${fields[field]}; ${error.message}` : error.message;
    }
    return fields;
  }
}

/** Listeners told when the session has ended (a 401): the console goes back to sign-in. */
const signedOut = new Set<() => void>();
export const onSignedOut = (listener: () => void) => {
  signedOut.add(listener);
  return () => void signedOut.delete(listener);
};

/** The answer of a call, as the caller names it from `answers.ts`, or a thrown ApiProblem. */
export async function call<Answer>(
  pending: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<Answer> {
  const { data, error, response } = await pending;
  if (response.ok) return data as Answer;
  const problem: Problem =
    error && typeof error === 'object'
      ? { ...(error as Problem), status: response.status }
      : { status: response.status, detail: String(error ?? response.statusText) };
  if (response.status === 401 && problem.code === 'AUTH.INVALID_SESSION')
    for (const listener of signedOut) listener();
  throw new ApiProblem(problem);
}
