import { KioskDb } from './kiosk-db'

let db: KioskDb | undefined

/** The renderer's one database connection. */
export function getDb(): KioskDb {
  db ??= new KioskDb()
  return db
}

export { KioskDb } from './kiosk-db'
export type * from './rows'
export { META } from './rows'
