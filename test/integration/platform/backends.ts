import { rm } from 'node:fs/promises'
import pg from 'pg'
import { openStorage } from '../../../platform/storage/open'
import type { SqlStorage } from '../../../platform/storage/sql-storage'
import { freshDataDir } from '../../../platform/test-support/pglite-template'

/** One database the contract suite runs against: opened, reopened (a restart), dropped at the end. */
export interface Backend {
  name: string
  open(): Promise<SqlStorage>
  dispose(): Promise<void>
}

export function pgliteBackend(): Backend {
  let dir: string | undefined
  return {
    name: 'PGlite',
    async open() {
      dir ??= await freshDataDir('platform-contract-')
      return openStorage({ dataDir: dir })
    },
    async dispose() {
      if (dir) await rm(dir, { recursive: true, force: true })
    },
  }
}

/** PostgreSQL at DATABASE_URL, in a schema of its own so that nothing else in that database is touched. */
export function postgresBackend(databaseUrl: string): Backend {
  const schema = `platform_contract_${process.pid}_${Date.now()}`
  const url = new URL(databaseUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  let created = false
  return {
    name: 'PostgreSQL',
    async open() {
      if (!created) {
        const admin = new pg.Client({ connectionString: databaseUrl })
        await admin.connect()
        await admin.query(`CREATE SCHEMA ${schema}`)
        await admin.end()
        created = true
      }
      return openStorage({ databaseUrl: url.toString() })
    },
    async dispose() {
      if (!created) return
      const admin = new pg.Client({ connectionString: databaseUrl })
      await admin.connect()
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    },
  }
}

export function backends(): Backend[] {
  const url = process.env.DATABASE_URL
  if (!url) {
    console.warn('DATABASE_URL is not set: the storage contract runs on PGlite only (set it to run on PostgreSQL too)')
    return [pgliteBackend()]
  }
  return [pgliteBackend(), postgresBackend(url)]
}
