import { readdir, readFile } from 'node:fs/promises'
import type { Sql } from './sql'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

/** Any constant shared by every process that migrates this database. */
const MIGRATION_LOCK = 72_610_301

/** Applies the numbered SQL files not yet recorded, in order, each in its own transaction. */
export async function migrate(sql: Sql): Promise<number[]> {
  await sql.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  )
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d+_.+\.sql$/.test(f)).sort()
  const applied: number[] = []
  for (const file of files) {
    const version = Number.parseInt(file, 10)
    const text = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8')
    const done = await sql.transaction(async (tx) => {
      // Two platform processes starting together on one server must not both apply a migration.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version])
      if (seen.length > 0) return false
      await tx.exec(text)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file])
      return true
    })
    if (done) applied.push(version)
  }
  return applied
}
