import type Dexie from 'dexie'
import type { RequestEvent } from '../../shared/index'
import type { RequestRowV1 } from './rows'
import { byRequest, requestRow } from './summary'

/**
 * The schema history. Never edit a released version: add the next one, with an upgrade function
 * when existing rows change shape. Tests open a database at every earlier version and upgrade it.
 */
export const SCHEMA_VERSIONS: Array<(db: Dexie) => void> = [
  (db) =>
    db.version(1).stores({
      requests: 'id, &ticketNo, createdAt',
      events: 'id, requestId',
      outbox: 'eventId, [state+createdAt], requestId',
      meta: 'key',
      catalogs: 'version',
      staff: 'id',
      calendar: 'year',
    }),
  // v2: request rows carry the reducer's status and closure time (worklist and retention indexes).
  (db) =>
    db
      .version(2)
      .stores({ requests: 'id, &ticketNo, createdAt, status, closedAt' })
      .upgrade(async (tx) => {
        const events = byRequest(await tx.table<RequestEvent, string>('events').toArray())
        await tx
          .table('requests')
          .toCollection()
          .modify((row: RequestRowV1, ref: { value: unknown }) => {
            ref.value = requestRow(row, events.get(row.id) ?? [])
          })
      }),
  // v3: the public state of requests (visitor kiosks get no intakes of others; they keep their own
  // briefly); outbox rows may carry a refusal code and a count of server failures (no index change).
  (db) => db.version(3).stores({ tracks: 'ticketNo, requestId, createdAt' }),
]

export const LATEST_VERSION = SCHEMA_VERSIONS.length

/** Declare versions 1..upTo on `db` (upTo < latest only in migration tests). */
export function declareVersions(db: Dexie, upTo = LATEST_VERSION): void {
  for (const declare of SCHEMA_VERSIONS.slice(0, upTo)) declare(db)
}
