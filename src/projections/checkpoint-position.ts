import type { EntityManager } from 'typeorm';
import { LOG_START, type LogPosition } from '../event-store/event-store.port';

/**
 * A projection's checkpoint, read through `db` — a transaction's manager, so that the read models
 * read in the same snapshot are exactly the projection's state at that log position (each batch
 * commits with its checkpoint). `LOG_START` before the projection has one.
 */
export async function checkpointPosition(
  db: Pick<EntityManager, 'query'>,
  projection: string,
): Promise<LogPosition> {
  const [row] = await db.query<{ position_commit: string; position_prepare: string }[]>(
    `SELECT position_commit, position_prepare FROM tally_projection_checkpoints WHERE name = $1`,
    [projection],
  );
  return row ? { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) } : LOG_START;
}
