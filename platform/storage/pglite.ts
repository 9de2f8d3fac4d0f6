import { PGlite } from '@electric-sql/pglite'
import { lockDataDir } from './dir-lock'
import type { Sql, SqlRunner } from './sql'

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>
  exec(text: string): Promise<unknown>
}

function runner(db: PgliteLike): SqlRunner {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await db.query<T>(text, [...params])).rows
    },
    async exec(text: string) {
      await db.exec(text)
    },
  }
}

/**
 * PGlite in a data directory, or in memory when `dataDir` is undefined. One connection: transactions
 * take turns. `loadDataDir` starts it from a dump (dumpDataDir) instead of an empty cluster.
 */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Sql> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined
  let db: PGlite
  try {
    db = new PGlite({ dataDir, loadDataDir: opts.loadDataDir })
    await db.waitReady
  } catch (e) {
    release()
    throw e
  }
  return {
    ...runner(db),
    transaction: (fn) => db.transaction((tx) => fn(runner(tx))),
    close: async () => {
      try {
        await db.close()
      } finally {
        release()
      }
    },
  }
}
