import { normalizeCheckCode, normalizeTicketNo, publicView, withPendingRating, type PublicCatalog, type PublicView } from '../../shared/index'
import { localState } from './append'
import type { KioskDb } from './kiosk-db'

/**
 * The public view of a request this kiosk holds, when the check code matches: from the public state
 * the platform sent (a visitor kiosk) or the kiosk's own events, whichever has gone further.
 * Ticket and code as the visitor typed them (any case, with or without dashes).
 */
export async function trackLocally(
  db: KioskDb,
  ticketInput: string,
  codeInput: string,
  catalog: PublicCatalog,
): Promise<PublicView | undefined> {
  const ticketNo = normalizeTicketNo(ticketInput)
  const code = normalizeCheckCode(codeInput)
  if (!ticketNo || !code) return undefined
  const views: PublicView[] = []
  const pulled = await db.tracks.get(ticketNo)
  if (pulled?.checkCode === code) views.push(pulled.view)
  const row = await db.requests.where('ticketNo').equals(ticketNo).first()
  if (row?.intake.checkCode === code) {
    const state = await localState(db, row.id)
    if (state) views.push(publicView(state, catalog))
  }
  // The platform's view includes what others did; ours may hold a step not yet pushed.
  const best = views.sort((a, b) => lastStep(b) - lastStep(a) || b.timeline.length - a.timeline.length)[0]
  const requestId = pulled?.checkCode === code ? pulled.requestId : row?.intake.checkCode === code ? row.id : undefined
  if (!best || best.rating || !requestId) return best
  // A lobby kiosk's rating of a request it follows by its public state (its own intake's events stop
  // at submit there), until the platform's view includes it.
  const rated = (await db.events.where('requestId').equals(requestId).toArray()).find((e) => e.type === 'rated')
  return rated?.type === 'rated' ? withPendingRating(best, rated) : best
}

function lastStep(view: PublicView): number {
  return Math.max(0, ...view.timeline.map((t) => Date.parse(t.at)))
}
