/**
 * Domain errors carry a stable `code` (e.g. `CATALOG.METER_SLUG_TAKEN`) and a `kind` that the one
 * HTTP exception filter maps to a status. Domain code throws these and nothing else.
 */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'precondition_failed' // 412
  | 'payload_too_large' // 413
  | 'unsupported_media_type' // 415
  | 'not_implemented' // 501
  | 'unavailable'; // 503

/** One named problem: `field` is a JSON pointer-ish path such as `body.slug` or `events[3].time`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  readonly code?: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, problems: readonly FieldProblem[] = []) =>
  new DomainError('invalid', code, message, problems);
export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string, problems: readonly FieldProblem[] = []) =>
  new DomainError('conflict', code, message, problems);
