import { byRequest } from '../../../db/summary'
import { META, type KioskDb } from '../../../db/index'
import { previousPeriod, reduceRequest, type Period, type RequestState } from '../../../../shared/index'

const DAY_MS = 86_400_000
/** China midnight of a date, as the UTC instant the request rows' createdAt index uses. */
function chinaMidnight(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString()
}

export interface FiguresSource {
  states: RequestState[]
  /** When this device last finished a sync: the figures hold what was synced up to then (and what was done here since). */
  lastSyncAt?: string
}

/**
 * The request states the figures need, from this device's own database (offline too): those
 * submitted in the period or the one before it, by the createdAt index, and every open request
 * (for the overdue list), by the status index. Never a scan of the whole table.
 */
export async function loadFiguresSource(db: KioskDb, period: Period): Promise<FiguresSource> {
  const previous = previousPeriod(period)
  const from = chinaMidnight(previous.from)
  const to = new Date(Date.parse(chinaMidnight(period.to)) + DAY_MS).toISOString()
  return db.transaction('r', [db.requests, db.events, db.meta], async () => {
    const inPeriods = await db.requests.where('createdAt').between(from, to, true, false).primaryKeys()
    const open = await db.requests.where('status').anyOf(['submitted', 'accepted', 'assigned']).primaryKeys()
    const ids = [...new Set([...inPeriods, ...open])]
    const events = byRequest(await db.events.where('requestId').anyOf(ids).toArray())
    const states = ids.flatMap((id) => {
      const state = reduceRequest(events.get(id) ?? [])
      return state ? [state] : []
    })
    const lastSyncAt = (await db.meta.get(META.lastSyncAt))?.value
    return { states, ...(typeof lastSyncAt === 'string' ? { lastSyncAt } : {}) }
  })
}
