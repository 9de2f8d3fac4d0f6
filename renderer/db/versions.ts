import type Dexie from 'dexie'
import type { Transaction } from 'dexie'
import type { RequestEvent, ServiceRequest } from '../../shared/index'
import type { RequestRowV1, RequestRowV3, RequestRowV4 } from './rows'
import { byRequest, requestRow } from './summary'

/** Rewrite every request row from its intake and events with the summary of this version. */
async function resummarize<Row extends { id: string }>(tx: Transaction, intakeOf: (row: Row) => ServiceRequest): Promise<void> {
  const events = byRequest(await tx.table<RequestEvent, string>('events').toArray())
  await tx
    .table('requests')
    .toCollection()
    .modify((row: Row, ref: { value: unknown }) => {
      ref.value = requestRow(intakeOf(row), events.get(row.id) ?? [])
    })
}

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
      .upgrade((tx) => resummarize<RequestRowV1>(tx, (row) => row)),
  // v3: the public state of requests (visitor kiosks get no intakes of others; they keep their own
  // briefly); outbox rows may carry a refusal code and a count of server failures (no index change).
  (db) => db.version(3).stores({ tracks: 'ticketNo, requestId, createdAt' }),
  // v4: the worklist (issue 9): due date, open flag, departments, domains and channel on each row,
  // with multi-entry worklist keys sorted by due date and search keys, all written by the summary.
  (db) =>
    db
      .version(4)
      .stores({ requests: 'id, &ticketNo, createdAt, status, closedAt, *wl, *sk' })
      .upgrade((tx) => resummarize<RequestRowV3>(tx, (row) => row.intake)),
  // v5: 差评整改 (issue 10): a low rating's rectification task on the row, with worklist keys of its
  // own sorted by the task's due date (`r|…`, `d:<department>/r|…`); same indexes, rows rewritten.
  (db) =>
    db
      .version(5)
      .stores({})
      .upgrade((tx) => resummarize<RequestRowV4>(tx, (row) => row.intake)),
]

export const LATEST_VERSION = SCHEMA_VERSIONS.length

/** Declare versions 1..upTo on `db` (upTo < latest only in migration tests). */
export function declareVersions(db: Dexie, upTo = LATEST_VERSION): void {
  for (const declare of SCHEMA_VERSIONS.slice(0, upTo)) declare(db)
}
