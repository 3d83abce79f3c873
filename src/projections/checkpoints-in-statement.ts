import { comparePositions, LogPosition, parsePosition } from '../event-store/event-store.port';

/** Where each projection a statement named stood in that statement's own snapshot ("commit/prepare"). */
export type StatementCheckpoints = Readonly<Record<string, string>>;

/**
 * Read-your-writes inside the read's own statement, for reads on a request's hot path: the statement
 * selects this column beside its rows, so its rows and the checkpoints come from one snapshot, and
 * checkpoints at or past the log head (`caughtUpIn`) prove the rows current without a round trip of
 * their own. A read that finds them behind waits as every other read does (`readYourWrites`) and
 * reads again. `names` is the statement's parameter holding the projections' names (a live
 * projection's checkpoint row carries its name).
 */
export function checkpointsColumn(names: string): string {
  return `(SELECT coalesce(jsonb_object_agg(name, position_commit::text || '/' || position_prepare::text), '{}')
           FROM tally_projection_checkpoints WHERE name = ANY(${names}::text[]))`;
}

export function caughtUpIn(
  checkpoints: StatementCheckpoints,
  names: readonly string[],
  head: LogPosition,
): boolean {
  return names.every((name) => {
    const position = checkpoints[name];
    return position !== undefined && comparePositions(parsePosition(position), head) >= 0;
  });
}
