// Valid intakes made in bulk for the benchmarks: the same fields submitRequest fills in, by the same
// shared rules (terms, ticket number, check code), so the platform accepts them as a kiosk's own.
// Pure shared code: used by the Node load generator and by the bench page in Chromium alike.
import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CATALOG } from '../../shared/catalog/index'
import { chinaDateOf } from '../../shared/calendar/chinaDate'
import { requestTerms } from '../../shared/intake'
import { formatTicketNo, newCheckCode, type Enrollment, type RequestEvent, type ServiceRequest } from '../../shared/index'
import { appealDraft } from '../unit/renderer/drafts'

export type BenchEnrollment = Pick<Enrollment, 'centerId' | 'deviceId' | 'centerCode' | 'kioskCode'>

const random = (bytes: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(bytes)

/** The `submitted` event of the `seq`-th appeal a kiosk took at `now` (a problem report: the shortest intake). */
export function submittedAppeal(enrollment: BenchEnrollment, seq: number, now = new Date()): Extract<RequestEvent, { type: 'submitted' }> {
  const createdAt = now.toISOString()
  const day = chinaDateOf(createdAt)
  const terms = requestTerms(BUILTIN_CATALOG, { kind: 'appeal', itemIds: [], appealCategoryId: 'financing' }, createdAt)
  const id = uuidv7()
  const request: ServiceRequest = {
    ...appealDraft(seq),
    consentAt: createdAt,
    id,
    ticketNo: formatTicketNo(enrollment.centerCode, enrollment.kioskCode, day, seq),
    checkCode: newCheckCode(random),
    centerId: enrollment.centerId,
    deviceId: enrollment.deviceId,
    catalogVersion: BUILTIN_CATALOG.version,
    createdAt,
    dueDate: terms.dueDate,
    dueDateProvisional: terms.provisional,
    departmentIds: terms.departmentIds,
  }
  return { id: uuidv7(), requestId: id, at: createdAt, author: { kind: 'visitor', id: enrollment.deviceId, name: '' }, type: 'submitted', request }
}
