import type { DBCoreCursor, DBCoreTable } from 'dexie'
import type { KioskDb } from '../../../renderer/db/kiosk-db'

/**
 * Counts the rows of one table a query reads: values a cursor exposes (a filter reads each row it
 * walks) and rows query/get/getMany return. Key-only walks and index counts read no row.
 */
export function countReads(db: KioskDb, table: string): { reset(): void; readonly rows: number } {
  const seen = new Set<unknown>()
  let returned = 0
  const wrapCursor = (cursor: DBCoreCursor | null): DBCoreCursor | null =>
    cursor &&
    new Proxy(cursor, {
      get(target, prop) {
        if (prop === 'value') seen.add(target.primaryKey)
        const value: unknown = Reflect.get(target, prop, target)
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      },
    })
  db.use({
    stack: 'dbcore',
    name: `count-reads-${table}`,
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name)
        if (name !== table) return t
        const counted: DBCoreTable = {
          ...t,
          get: async (req) => {
            const v: unknown = await t.get(req)
            if (v !== undefined) returned++
            return v
          },
          getMany: async (req) => {
            const v = await t.getMany(req)
            returned += v.filter((x) => x !== undefined).length
            return v
          },
          query: async (req) => {
            const res = await t.query(req)
            if (req.values) returned += res.result.length
            return res
          },
          openCursor: async (req) => wrapCursor(await t.openCursor(req)),
        }
        return counted
      },
    }),
  })
  return {
    reset() {
      seen.clear()
      returned = 0
    },
    get rows() {
      return seen.size + returned
    },
  }
}
