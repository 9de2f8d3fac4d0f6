import type { SqlRunner } from './sql'

/**
 * The feed's epoch (PullResponse.epoch). It is made with the database (migration 003) and made
 * anew when the database turns out to be a restored copy, because a restore renumbers the changes
 * kiosks already followed: their cursors then name other changes, and what they pushed after the
 * backup is gone.
 *
 * A restore is recognised by the database's fingerprint, the cluster's system identifier and the
 * database's oid: a dump restored into a new cluster or a new database has another one. A restore
 * that keeps both (a file-level copy of the cluster, PGlite's data directory) cannot be told from
 * a restart; IT then runs `npm run platform -- --new-epoch` once (platform/README.md).
 */

const EPOCH = 'feed_epoch'
const FINGERPRINT = 'database_fingerprint'

export async function readFeedEpoch(db: SqlRunner): Promise<string> {
  const [row] = await db.query<{ value: string }>('SELECT value FROM platform_meta WHERE key = $1', [EPOCH])
  if (!row) throw new Error('the feed epoch is missing: run the migrations')
  return row.value
}

export async function renewFeedEpoch(db: SqlRunner): Promise<string> {
  const [row] = await db.query<{ value: string }>(
    `INSERT INTO platform_meta (key, value) VALUES ($1, gen_random_uuid()::text)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value RETURNING value`,
    [EPOCH],
  )
  return row!.value
}

async function fingerprint(db: SqlRunner): Promise<string | undefined> {
  try {
    const [row] = await db.query<{ fingerprint: string }>(
      `SELECT (SELECT system_identifier::text FROM pg_control_system()) || ':' ||
              (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS fingerprint`,
    )
    return row?.fingerprint
  } catch {
    // Without the right to read the control data there is no fingerprint; the epoch then changes only on request.
    return undefined
  }
}

/**
 * At start: a new epoch when asked to (`renew`) or when the fingerprint differs from the one
 * recorded. Returns whether the epoch changed.
 */
export async function checkFeedEpoch(db: SqlRunner, renew = false): Promise<boolean> {
  const current = await fingerprint(db)
  const [stored] = await db.query<{ value: string }>('SELECT value FROM platform_meta WHERE key = $1', [FINGERPRINT])
  const restored = current !== undefined && stored !== undefined && stored.value !== current
  if (current !== undefined && stored?.value !== current) {
    await db.query(
      'INSERT INTO platform_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
      [FINGERPRINT, current],
    )
  }
  if (!renew && !restored) return false
  await renewFeedEpoch(db)
  return true
}
