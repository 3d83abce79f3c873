/** PostgreSQL's SQLSTATE codes that Tally answers differently from other failures. */
export const UNIQUE_VIOLATION = '23505';
export const DEADLOCK_DETECTED = '40P01';
export const INVALID_PARAMETER_VALUE = '22023';

/** The SQLSTATE of a failure pg reported, if it is one. */
export function sqlStateOf(error: unknown): string | undefined {
  return (error as { code?: string } | undefined)?.code;
}
