import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { BUILTIN_CATALOG } from '../../../shared/catalog/index'
import type { Enrollment, RequestEvent } from '../../../shared/index'
import { KioskDb } from '../../../renderer/db/kiosk-db'
import { outboxRows } from '../../../renderer/db/outbox'
import { submitRequest, type IntakeDraft } from '../../../renderer/db/submit'
import { PlatformClient } from '../../../renderer/sync/api'
import { SyncEngine, type EngineOptions } from '../../../renderer/sync/engine'
import { inProcessLock } from '../../../renderer/sync/lock'

/** One simulated kiosk: its own IndexedDB, its own device enrollment, its own sync engine. */
export interface TestKiosk {
  name: string
  db: KioskDb
  enrollment: Enrollment
  engine: SyncEngine
  submit(draft: IntakeDraft): Promise<void>
  pending(): Promise<number>
  rejected(): Promise<number>
  eventIds(): Promise<string[]>
}

export async function enrollKiosk(
  name: string,
  platformUrl: string,
  syncUrl: string,
  code: string,
  engineOptions: Partial<EngineOptions> = {},
): Promise<TestKiosk> {
  const enrollment = await new PlatformClient({ baseUrl: platformUrl }).enroll(code, name)
  const db = new KioskDb(`kiosk-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange })
  const engine = new SyncEngine({
    db,
    credentials: () => ({ platformUrl: syncUrl, token: enrollment.token }),
    lock: inProcessLock(),
    timeoutMs: 5_000,
    ...engineOptions,
  })
  const count = (state: 'pending' | 'rejected') => outboxRows(db, state).count()
  return {
    name,
    db,
    enrollment,
    engine,
    async submit(draft) {
      await submitRequest(db, draft, { enrollment, catalog: BUILTIN_CATALOG })
    },
    pending: () => count('pending'),
    rejected: () => count('rejected'),
    eventIds: async () => (await db.events.toCollection().primaryKeys()) as string[],
  }
}

/** Every event the platform serves to a device of the center, by pulling from 0 until the end. */
export async function platformEvents(platformUrl: string, token: string): Promise<RequestEvent[]> {
  const client = new PlatformClient({ baseUrl: platformUrl, token, timeoutMs: 60_000 })
  const events: RequestEvent[] = []
  let since = 0
  for (;;) {
    const page = await client.pull(since, 1000)
    for (const c of page.changes) if (c.kind === 'event') events.push(c.event)
    if (!page.hasMore || page.cursor <= since) return events
    since = page.cursor
  }
}
