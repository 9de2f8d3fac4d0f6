import { checkFeedEpoch } from './epoch'
import { migrate } from './migrate'
import { openPglite } from './pglite'
import { openPostgres } from './pg'
import { SqlStorage } from './sql-storage'

/**
 * PostgreSQL when `databaseUrl` is given, else PGlite in `dataDir` (in memory when that is
 * undefined too); migrated and ready. `renewEpoch`: this database was restored (see epoch.ts).
 */
export async function openStorage(opts: { databaseUrl?: string; dataDir?: string; renewEpoch?: boolean }): Promise<SqlStorage> {
  const sql = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir)
  try {
    await migrate(sql)
    await checkFeedEpoch(sql, opts.renewEpoch)
  } catch (e) {
    await sql.close()
    throw e
  }
  return new SqlStorage(sql)
}
