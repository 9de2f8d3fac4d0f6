import type { AuthorMember, Refusal } from '../../shared/authority'
import { rectificationDueRefusal } from '../../shared/rating'
import { RequestEvent } from '../../shared/events'
import type { CalendarYear, PushResult } from '../../shared/sync'
import { contentHash } from '../canonical'
import type { CatalogCache } from '../catalogs'
import { fieldOf } from '../http/errors'
import type { Center, Device, Storage } from '../storage/types'
import { intakeRejection } from './intake-check'
import { type Candidate, recordEvents } from './record'

export interface PushContext {
  storage: Storage
  catalogs: CatalogCache
  device: Device
  center: Center
  at: Date
}

/**
 * A kiosk's intake must be recorded at this device's center, by this device or by an earlier
 * enrollment of a device at the same center: a kiosk enrolled again (after a revoked token, or a
 * browser whose storage was cleared) still owes the platform what it took while it was the old one.
 */
async function ownershipRefusal(
  event: Extract<RequestEvent, { type: 'submitted' }>,
  ctx: PushContext,
): Promise<Refusal | undefined> {
  const r = event.request
  const forbidden = (reason: string): Refusal => ({ code: 'forbidden', reason })
  if (event.requestId !== r.id) return { code: 'invalid', reason: `requestId: must equal request.id (${r.id})` }
  if (r.centerId !== ctx.device.centerId) return forbidden(`request.centerId: ${r.centerId} is not this device's center`)
  const recorder = r.deviceId === ctx.device.id ? ctx.device : await ctx.storage.deviceById(r.deviceId)
  if (!recorder || recorder.centerId !== ctx.device.centerId) {
    return forbidden(`request.deviceId: ${r.deviceId} is not a device of this center`)
  }
  const prefix = `${ctx.center.code}-${recorder.kioskCode}-`
  if (!r.ticketNo.startsWith(prefix)) return forbidden(`request.ticketNo: must start with ${prefix}`)
  return undefined
}

/** An id the kiosk can match its result by; anything else (wrong type, huge, malformed) is named by its position. */
function echoId(value: unknown, index: number): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined
  return typeof id === 'string' && /^[\w.:-]{1,64}$/.test(id) ? id : `#${index}`
}

/** One result per pushed event, in order; a refused event never stops the others. */
export async function pushEvents(ctx: PushContext, raw: readonly unknown[]): Promise<PushResult[]> {
  const parsed = raw.map((value, index) => {
    const result = RequestEvent.safeParse(value)
    if (result.success) return { index, event: result.data, hash: contentHash(result.data) }
    const issue = result.error.issues[0]
    return {
      index,
      invalid: {
        id: echoId(value, index),
        status: 'rejected' as const,
        reason: `invalid event: ${issue ? `${fieldOf(issue.path) || 'event'}: ${issue.message}` : 'not an event'}`,
        code: 'invalid',
      },
    }
  })

  const events = parsed.flatMap((p) => ('event' in p && p.event ? [p] : []))
  // Known ids are re-pushes: their intake was checked when first accepted, so skip the costly rules.
  const known = await ctx.storage.findEvents(events.map((p) => p.event.id))
  let calendars: Promise<CalendarYear[][]> | undefined
  const calendarHistory = () => (calendars ??= ctx.storage.calendarHistory())

  const candidates: Candidate[] = []
  for (const p of events) {
    const { event } = p
    let refusal: Refusal | undefined
    if (event.type === 'submitted' && !known.has(event.id)) {
      refusal = await ownershipRefusal(event, ctx)
      const intake = refusal ? undefined : await intakeRejection(event.request, ctx.catalogs, calendarHistory)
      if (intake) refusal = { code: 'invalid', reason: intake }
    }
    if (event.type === 'rated' && event.rectificationDue && !known.has(event.id)) {
      const wrong = rectificationDueRefusal(event, await calendarHistory())
      if (wrong) refusal = { code: 'invalid', reason: wrong }
    }
    candidates.push({ event, contentHash: p.hash, deviceId: ctx.device.id, refusal })
  }
  if (candidates.length === 0) return parsed.flatMap((p) => ('invalid' in p && p.invalid ? [p.invalid] : []))

  // Deactivated members too: what a counter PC recorded offline before someone left still lands.
  const staff: AuthorMember[] = candidates.some((c) => c.event.author.kind === 'staff') ? ((await ctx.storage.listStaffMembers(ctx.center.id)) ?? []) : []
  const departments = ((await ctx.catalogs.current())?.departments ?? []).map((d) => d.id)
  const rules = {
    credential: { kind: 'device' as const, centerId: ctx.center.id, deviceId: ctx.device.id, mode: ctx.device.mode },
    staff,
    departments,
    now: ctx.at,
  }
  const outcomes = await ctx.storage.writeInCenter(ctx.center.id, ctx.at, (w) => recordEvents(w, candidates, rules))
  const results: PushResult[] = []
  let next = 0
  for (const p of parsed) {
    if ('invalid' in p && p.invalid) {
      results.push(p.invalid)
    } else {
      results.push(outcomes[next++]!)
    }
  }
  return results
}
