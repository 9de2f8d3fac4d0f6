import { v7 as uuidv7 } from 'uuid'
import {
  RequestEvent,
  formatTicketNo,
  newCheckCode,
  type Author,
  type CalendarYear,
  type Catalog,
  type Enrollment,
  type ServiceRequest,
} from '../../shared/index'
import { requestTerms, validateIntake, type RequestTerms } from '../../shared/intake'
import { chinaDateOf } from '../../shared/calendar/chinaDate'
import { SubmitError, isQuotaError } from './errors'
import type { KioskDb } from './kiosk-db'
import { META, type OutboxRow } from './rows'
import { requestRow } from './summary'

/** What the visitor flow collects; everything else on the request is filled in by submit. */
export type IntakeDraft = Pick<
  ServiceRequest,
  'channel' | 'kind' | 'bundleId' | 'itemIds' | 'appeal' | 'enterprise' | 'contact' | 'answers' | 'materials' | 'locale' | 'consentAt'
>

export interface SubmitContext {
  enrollment: Pick<Enrollment, 'centerId' | 'deviceId' | 'centerCode' | 'kioskCode'>
  catalog: Catalog
  calendar?: CalendarYear[]
  now?: Date
  /** Who made the intake; the visitor themself unless a clerk filed it (assisted mode). */
  author?: Author
  /** Random bytes for the check code; the Web Crypto API by default. */
  random?: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>
}

const cryptoRandom = (bytes: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(bytes)

/**
 * Store one intake: the request, its `submitted` event, its outbox entry and the day's ticket
 * sequence, in one strict transaction. Resolves only after IndexedDB committed all four, so a receipt
 * shown after this is backed by data on disk; any failure leaves nothing behind.
 */
export async function submitRequest(db: KioskDb, draft: IntakeDraft, ctx: SubmitContext): Promise<ServiceRequest> {
  const now = ctx.now ?? new Date()
  const createdAt = now.toISOString()
  // The same China-time day the deadline counts from, whatever time zone the machine is set to.
  const day = chinaDateOf(createdAt)
  // The draft may be a reactive proxy, which IndexedDB cannot clone; a JSON copy is also what travels.
  const plain = JSON.parse(JSON.stringify(draft)) as IntakeDraft
  const terms = termsOf(ctx, plain, createdAt)
  const requestId = uuidv7()
  const { enrollment } = ctx
  try {
    return await db.transaction('rw', [db.requests, db.events, db.outbox, db.meta], async () => {
      const seqKey = META.ticketSeq(day)
      const seq = (((await db.meta.get(seqKey))?.value as number | undefined) ?? 0) + 1
      const request: ServiceRequest = {
        ...plain,
        id: requestId,
        ticketNo: formatTicketNo(enrollment.centerCode, enrollment.kioskCode, day, seq),
        checkCode: newCheckCode(ctx.random ?? cryptoRandom),
        centerId: enrollment.centerId,
        deviceId: enrollment.deviceId,
        catalogVersion: ctx.catalog.version,
        createdAt,
        dueDate: terms.dueDate,
        dueDateProvisional: terms.provisional,
        departmentIds: terms.departmentIds,
      }
      const errors = validateIntake(ctx.catalog, request, ctx.calendar)
      if (errors.length > 0) throw new SubmitError('invalid', errors)
      const event = parseEvent({
        id: uuidv7(),
        requestId,
        at: createdAt,
        // The visitor is named in the intake only: an author name would outlive its retention.
        author: ctx.author ?? { kind: 'visitor', id: enrollment.deviceId, name: '' },
        type: 'submitted',
        request,
      })
      const outbox: OutboxRow = { eventId: event.id, requestId, state: 'pending', attempts: 0, createdAt: now.getTime() }
      await db.meta.put({ key: seqKey, value: seq })
      await db.requests.add(requestRow(request, [event]))
      await db.events.add(event)
      await db.outbox.add(outbox)
      return request
    })
  } catch (e) {
    if (e instanceof SubmitError) throw e
    if (isQuotaError(e)) throw new SubmitError('quota', [], { cause: e })
    throw new SubmitError('storage', [], { cause: e })
  }
}

function termsOf(ctx: SubmitContext, draft: IntakeDraft, createdAt: string): RequestTerms {
  try {
    return requestTerms(
      ctx.catalog,
      { kind: draft.kind, itemIds: draft.itemIds, appealCategoryId: draft.appeal?.categoryId },
      createdAt,
      ctx.calendar,
    )
  } catch (e) {
    if (!(e instanceof RangeError)) throw e
    const field = draft.kind === 'appeal' ? 'appeal.categoryId' : 'itemIds'
    throw new SubmitError('invalid', [
      { field, code: 'intake.selection', message: '所选事项不在当前服务目录中，请重新选择', messageEn: 'The chosen service is not in the current catalog; please choose again' },
    ])
  }
}

/** The last guard before a write: what we store is exactly what the platform will parse. */
function parseEvent(event: RequestEvent): RequestEvent {
  const parsed = RequestEvent.safeParse(event)
  if (parsed.success) return parsed.data
  throw new SubmitError(
    'invalid',
    parsed.error.issues.map((i) => ({
      field: i.path.join('.'),
      code: 'schema',
      message: `“${i.path.join('.')}”的内容格式不正确`,
      messageEn: `"${i.path.join('.')}" is not in the expected format`,
    })),
  )
}
