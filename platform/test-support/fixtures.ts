import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CATALOG } from '../../shared/catalog/index'
import type { RequestEvent } from '../../shared/events'
import { requestTerms } from '../../shared/intake'
import { formatTicketNo, type ServiceRequest } from '../../shared/request'
import type { Enrollment } from '../../shared/sync'
import { usccCheckChar } from '../../shared/validators/uscc'

const USCC_BODY = '91330106MA2H1234Y'
export const TEST_USCC = USCC_BODY + usccCheckChar(USCC_BODY)
export const TEST_ENTERPRISE = '杭州示例科技有限公司'
export const TEST_MOBILE = '13800138000'

type Kiosk = Pick<Enrollment, 'deviceId' | 'kioskCode' | 'centerId' | 'centerCode'>

// Two days back, on the minute: the platform refuses events older than CLOCK_RULES.maxAgeMs.
let clock = Math.floor((Date.now() - 2 * 86_400_000) / 60_000) * 60_000
/** Strictly increasing instants, so fixture events sort in the order they were made. */
export function tick(): string {
  clock += 1000
  return new Date(clock).toISOString()
}

/** A valid appeal (涉企问题) intake, its deadline counted with the shared rules. */
export function appealRequest(kiosk: Kiosk, seq: number, over: Partial<ServiceRequest> = {}): ServiceRequest {
  const category = BUILTIN_CATALOG.appealCategories[0]!
  const createdAt = over.createdAt ?? tick()
  const terms = requestTerms(BUILTIN_CATALOG, { kind: 'appeal', itemIds: [], appealCategoryId: category.id }, createdAt)
  return {
    id: uuidv7(),
    ticketNo: formatTicketNo(kiosk.centerCode, kiosk.kioskCode, createdAt.slice(0, 10), seq),
    centerId: kiosk.centerId,
    deviceId: kiosk.deviceId,
    channel: 'kiosk',
    kind: 'appeal',
    catalogVersion: BUILTIN_CATALOG.version,
    itemIds: [],
    appeal: { categoryId: category.id, description: '扶持资金迟迟未兑现', desiredOutcome: '按政策兑现' },
    enterprise: { uscc: TEST_USCC, name: TEST_ENTERPRISE },
    contact: { name: '张三', mobile: TEST_MOBILE },
    answers: {},
    materials: {},
    locale: 'zh-CN',
    consentAt: createdAt,
    createdAt,
    dueDate: terms.dueDate,
    dueDateProvisional: terms.provisional,
    departmentIds: terms.departmentIds,
    ...over,
  }
}

export type SubmittedEvent = Extract<RequestEvent, { type: 'submitted' }>

export function submitted(request: ServiceRequest): SubmittedEvent {
  return {
    id: uuidv7(),
    requestId: request.id,
    at: request.createdAt,
    author: { kind: 'visitor', id: request.deviceId, name: '' },
    type: 'submitted',
    request,
  }
}

type Body<T extends RequestEvent['type']> = Omit<Extract<RequestEvent, { type: T }>, 'id' | 'requestId' | 'at' | 'author' | 'type'>

/** A follow-up event by a counter clerk. */
export function follow<T extends RequestEvent['type']>(requestId: string, type: T, body: Body<T>): RequestEvent {
  return {
    id: uuidv7(),
    requestId,
    at: tick(),
    author: { kind: 'staff', id: 'clerk-1', name: '王晓燕' },
    type,
    ...body,
  } as RequestEvent
}

/** `count` fresh intakes of one kiosk, numbered from `firstSeq`. */
export function submittedBatch(kiosk: Kiosk, count: number, firstSeq = 1): SubmittedEvent[] {
  return Array.from({ length: count }, (_, i) => submitted(appealRequest(kiosk, firstSeq + i)))
}
