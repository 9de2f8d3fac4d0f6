import { z } from 'zod'
import type { Catalog } from './catalog/schema'
import { EventType, MATERIAL_LINE } from './events'
import { LocalizedText } from './i18n-text'
import { PublicRectification, RatingLevel, publicRectification } from './rating'
import { RequestStatus, type RequestState } from './reducer'
import { IsoDate, IsoDateTime, TicketNo } from './request'
import { Id, Line } from './text'

/**
 * 办件进度: what anyone holding the receipt (ticket number and check code) may see, on the kiosk's
 * tracking screen, on the platform's /t/ page and from /api/v1/track alike. Progress, the
 * responsible department, the person responsible by surname only, the promised date. Never the
 * enterprise, the contact, the answers or any free text (notes, reasons, resolutions, comments),
 * except the response to a low rating, which the department writes for the enterprise.
 */
const Named = z.object({ id: Id, name: LocalizedText })

export const PublicView = z.object({
  ticketNo: TicketNo,
  status: RequestStatus,
  escalated: z.boolean(),
  /**
   * What was asked for, so an enterprise with several requests knows which this is: the items
   * applied for, or an appeal's category. Names from the catalog only, never what was written.
   * Absent in records made before it was added.
   */
  subject: z.object({ kind: z.enum(['application', 'appeal']), names: z.array(Named).max(20) }).optional(),
  departments: z.array(Named),
  /** The person responsible as the public sees them: the surname and asterisks, e.g. 王**. */
  assigneeName: z.string().max(8).optional(),
  dueDate: IsoDate,
  dueDateProvisional: z.boolean(),
  /** 补正材料: what the request waits for from the enterprise, when it does (names of materials only, never the note). */
  awaitingMaterials: z.array(Line(MATERIAL_LINE, 1)).max(20).optional(),
  timeline: z.array(z.object({ type: EventType, at: IsoDateTime })),
  /** The level the enterprise gave, once rated (its comment stays with staff). */
  rating: z.object({ level: RatingLevel }).optional(),
  /**
   * 差评整改 after a low rating: its due date, and the department's written response once closed,
   * which is written for the enterprise to read (the one free text the public view carries).
   */
  rectification: PublicRectification.optional(),
})
export type PublicView = z.infer<typeof PublicView>

/**
 * The one set of status words. A request is 已办结 when the department says it is solved and
 * 已归档 once the loop is closed (after the enterprise could rate it): "已关闭" read to visitors as
 * "shut without a result", so it is not used.
 */
export const STATUS_WORDS: Record<RequestStatus, LocalizedText> = {
  submitted: { zh: '已提交，待受理', en: 'Submitted, awaiting acceptance' },
  accepted: { zh: '已受理', en: 'Accepted' },
  assigned: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已归档', en: 'Closed and filed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
}

/** The heading of what was asked for (`PublicView.subject`): the items applied for, or the appeal's category. */
export const SUBJECT_WORDS: Record<'application' | 'appeal', LocalizedText> = {
  application: { zh: '办理事项', en: 'Services' },
  appeal: { zh: '反映问题类别', en: 'Problem raised' },
}

/** What tracking says while the request waits for material from the enterprise. */
export const AWAITING_MATERIAL_WORDS: LocalizedText = { zh: '待补正材料', en: 'Awaiting material from you' }

/** Words for each step of the timeline, for the public and for staff. */
export const EVENT_WORDS: Record<EventType, LocalizedText> = {
  submitted: { zh: '提交申请', en: 'Submitted' },
  accepted: { zh: '受理', en: 'Accepted' },
  assigned: { zh: '指派责任人', en: 'Person responsible assigned' },
  escalated: { zh: '多部门会商', en: 'Consulted with other departments' },
  material_requested: { zh: '通知补正材料', en: 'More material requested' },
  noted: { zh: '办理进展', en: 'Progress recorded' },
  resolved: { zh: '办结', en: 'Resolved' },
  closed: { zh: '归档', en: 'Closed and filed' },
  rated: { zh: '评价', en: 'Rated' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  rectified: { zh: '差评整改答复', en: 'Response to the rating' },
}

/**
 * A name as the public sees it: the first character and two asterisks whatever the length, so
 * neither the given name nor its length shows (王晓燕 → 王**, Alice Wang → A**).
 */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0]
  return first ? `${first}**` : ''
}

/** The parts of the catalog a public view names things from. */
export type PublicCatalog = Pick<Catalog, 'departments' | 'items' | 'appealCategories'>

/** Ids with their names from one list of the catalog, falling back to the id itself. */
function named(ids: readonly string[], list: ReadonlyArray<{ id: string; name: LocalizedText }> | undefined): Array<{ id: string; name: LocalizedText }> {
  return ids.map((id) => ({ id, name: list?.find((x) => x.id === id)?.name ?? { zh: id, en: id } }))
}

/**
 * The public view of a request. The departments shown are the one the person responsible belongs
 * to once assigned (谁在负责), else the departments responsible for the request. Names of
 * departments, items and appeal categories come from `catalog` (the request's catalog version),
 * falling back to the id.
 */
export function publicView(state: RequestState, catalog: PublicCatalog | undefined): PublicView {
  const ids = state.assignee ? [state.assignee.departmentId] : state.request.departmentIds
  const { appeal, itemIds } = state.request
  return {
    ticketNo: state.request.ticketNo,
    status: state.status,
    escalated: state.escalated,
    subject: appeal
      ? { kind: 'appeal', names: named([appeal.categoryId], catalog?.appealCategories) }
      : { kind: 'application', names: named(itemIds, catalog?.items) },
    departments: named(ids, catalog?.departments),
    ...(state.assignee ? { assigneeName: maskName(state.assignee.name) } : {}),
    dueDate: state.deadline.dueDate,
    dueDateProvisional: state.deadline.provisional,
    ...(state.awaitingMaterial ? { awaitingMaterials: state.awaitingMaterial.materials } : {}),
    timeline: state.timeline.map((t) => ({ type: t.type, at: t.at })),
    ...(state.rating ? { rating: { level: state.rating.level } } : {}),
    ...(state.rectification ? { rectification: publicRectification(state.rectification) } : {}),
  }
}

/**
 * What a visitor typed or scanned into the tracking field, as a ticket number and check code: a
 * ticket in lower case, without dashes or with spaces, or the receipt's whole tracking link (a USB
 * QR scanner types it like a keyboard), e.g. `https://…/t/HZ01-K03-20261128-0007?c=ABC234`.
 */
export function parseTrackingInput(input: string): { ticketNo?: string; checkCode?: string } {
  const text = input.trim()
  const link = /\/t\/([^?#\s]+)(?:\?(?:[^#\s]*&)?c=([A-Za-z0-9]+))?/.exec(text)
  if (link) {
    const ticketNo = normalizeTicketNo(safeDecode(link[1]!))
    const checkCode = link[2] ? normalizeCheckCode(link[2]) : undefined
    return { ...(ticketNo ? { ticketNo } : {}), ...(checkCode ? { checkCode } : {}) }
  }
  const ticketNo = normalizeTicketNo(text)
  return ticketNo ? { ticketNo } : {}
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const DATE = '(20\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))'
const COMPACT = new RegExp(`^([A-Z0-9]{2,8}?)(K\\d{2,7}?)${DATE}(\\d{4,6})$`)

/**
 * A ticket number in its printed form (HZ01-K03-20261128-0007), from what a person typed: any case,
 * spaces, full-width dashes, or no dashes at all (kiosk codes are K and digits, so the parts can
 * be told apart). Undefined when it cannot be a ticket number.
 */
export function normalizeTicketNo(input: string): string | undefined {
  const text = input.toUpperCase().replace(/[\s\u3000]/g, '').replace(/[－—–_]/g, '-')
  if (TicketNo.safeParse(text).success) return text
  const compact = COMPACT.exec(text.replaceAll('-', ''))
  if (!compact) return undefined
  const candidate = compact.slice(1, 5).join('-')
  return TicketNo.safeParse(candidate).success ? candidate : undefined
}

/** A check code as printed (upper case, no spaces), or undefined when it cannot be one. */
export function normalizeCheckCode(input: string): string | undefined {
  const text = input.toUpperCase().replace(/[\s\u3000-]/g, '')
  return /^[A-HJ-NP-Z2-9]{6}$/.test(text) ? text : undefined
}

/** The receipt's tracking link (its QR code): the platform's /t/ page for this ticket and check code. */
export function trackingUrl(platformUrl: string, ticketNo: string, checkCode?: string): string {
  const base = `${platformUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketNo)}`
  return checkCode ? `${base}?c=${checkCode}` : base
}
