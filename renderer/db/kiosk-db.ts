import Dexie, { type Table } from 'dexie'
import type { CalendarRow, CatalogRow, EventRow, MetaRow, OutboxRow, RequestRow, StaffRow, TrackRow } from './rows'
import { declareVersions } from './versions'

export const DB_NAME = 'kiosk'

/** Where IndexedDB comes from: the browser's by default, fake-indexeddb in Node tests. */
export interface IdbDeps {
  indexedDB: IDBFactory
  IDBKeyRange: typeof IDBKeyRange
}

/** The kiosk's local store. Every write that matters commits with 'strict' durability (flushed to disk). */
export class KioskDb extends Dexie {
  requests!: Table<RequestRow, string>
  events!: Table<EventRow, string>
  outbox!: Table<OutboxRow, string>
  meta!: Table<MetaRow, string>
  catalogs!: Table<CatalogRow, string>
  staff!: Table<StaffRow, string>
  calendar!: Table<CalendarRow, number>
  tracks!: Table<TrackRow, string>

  constructor(name = DB_NAME, deps?: IdbDeps) {
    super(name, { chromeTransactionDurability: 'strict', ...deps })
    declareVersions(this)
  }
}
