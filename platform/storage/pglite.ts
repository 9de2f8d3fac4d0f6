import { PGlite } from '@electric-sql/pglite'
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

/** PGlite in a data directory, or in memory when `dataDir` is undefined. One connection: transactions take turns. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = new PGlite(dataDir)
  await db.waitReady
  return {
    ...runner(db),
    transaction: (fn) => db.transaction((tx) => fn(runner(tx))),
    close: () => db.close(),
  }
}
