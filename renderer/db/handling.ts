import { v7 as uuidv7 } from 'uuid'
import {
  actionOf,
  allowedActions,
  type Credential,
  type LocalizedText,
  type RequestEvent,
  type RequestState,
  type StaffMember,
} from '../../shared/index'
import { appendEvent, localState } from './append'
import { EventConflictError, EventRefusedError, SubmitError, isQuotaError } from './errors'
import type { KioskDb } from './kiosk-db'
import type { RequestRow } from './rows'

/** 受理, 指派, 会商, 备注, 补正材料, 办结, 归档, 撤回: what staff do to a request, as the fields of its event. */
export type HandlingAction =
  | { type: 'accepted' }
  | { type: 'assigned'; departmentId: string; assigneeName: string }
  | { type: 'escalated'; departmentIds: string[]; reason: string }
  | { type: 'noted'; note: string; materialSupplied?: true }
  | { type: 'material_requested'; materials: string[]; note?: string }
  | { type: 'resolved'; resolution: string }
  | { type: 'closed' }
  /** 撤回: the enterprise asks at the counter to withdraw its request; the clerk records why. */
  | { type: 'withdrawn'; reason: string }
  /** 差评整改: the lead of the department it was opened for answers it in writing (shared/rating.ts). */
  | { type: 'rectified'; response: string }

export type HandlingType = HandlingAction['type']
export const HANDLING_TYPES: readonly HandlingType[] = ['accepted', 'assigned', 'escalated', 'material_requested', 'noted', 'resolved', 'closed', 'rectified', 'withdrawn']

/** The signed-in member acting: who they are decides what they may do (shared/authority.ts). */
export type Member = Pick<StaffMember, 'id' | 'name' | 'departmentId' | 'role'>

export interface HandlingContext {
  credential: Extract<Credential, { kind: 'device' }>
  /** The center's departments (the catalog's). */
  departments: readonly string[]
  now?: Date
}

/** The event an action becomes, authored by the member, stamped now, with its own UUIDv7. */
export function handlingEvent(member: Member, requestId: string, action: HandlingAction, now = new Date()): RequestEvent {
  const cleaned = { ...action } as Record<string, unknown>
  if (action.type === 'material_requested' && !action.note?.trim()) delete cleaned.note
  return {
    ...cleaned,
    id: uuidv7(),
    requestId,
    at: now.toISOString(),
    author: { kind: 'staff', id: member.id, name: member.name },
  } as RequestEvent
}

/**
 * What the detail screen offers the member on this request now: THE shared rule
 * (`allowedActions`, shared/authority.ts) in the screen's order, a reassignment shown as 指派 over
 * the current assignee (its form starts from the assignee's department).
 */
export function offeredActions(member: Member, state: RequestState, ctx: HandlingContext): HandlingType[] {
  const allowed = new Set(allowedActions(member, state, ctx))
  return HANDLING_TYPES.filter((type) => allowed.has(actionOf(type, state)))
}

export type HandlingErrorCode = 'forbidden' | 'conflict' | 'invalid' | 'clock' | 'quota' | 'storage'

/** Why an action was not recorded, in both languages; nothing was stored. */
export class HandlingError extends Error {
  override readonly name = 'HandlingError'
  constructor(
    readonly code: HandlingErrorCode,
    readonly text: LocalizedText,
    options?: { cause?: unknown },
  ) {
    super(text.en, options)
  }
}

const CLOCK: LocalizedText = { zh: '本机时钟不准，请联系IT校准时间后再试', en: "This computer's clock is wrong; ask IT to set it, then try again" }

/** The shared rule's refusal as the person at the counter should read it. */
function refusalText(error: EventRefusedError): HandlingError {
  const { code, reason } = error.refusal
  if (code === 'clock_ahead' || code === 'backdated' || code === 'too_old') return new HandlingError('clock', CLOCK, { cause: error })
  if (code === 'invalid') return new HandlingError('invalid', { zh: '所选部门不是本中心的部门，或未选择会商部门', en: 'Choose departments of this center (at least one to consult)' }, { cause: error })
  if (reason.startsWith('author.id')) {
    return new HandlingError('forbidden', { zh: '您不在本中心的人员名单中，请同步后重新登录', en: "You are not on this center's staff list; sync and sign in again" }, { cause: error })
  }
  if (reason.includes('not responsible')) {
    return new HandlingError('forbidden', { zh: '该办件不属于您所在的部门', en: 'This request is not one of your department’s' }, { cause: error })
  }
  return new HandlingError('forbidden', { zh: '您的岗位不能进行这一步', en: 'Your role may not take this step' }, { cause: error })
}

/**
 * Record an action by the member: checked by the shared authority rule and reducer first, then
 * stored with its outbox entry in one strict transaction, exactly like a submit (db/append.ts), so
 * it works offline and sync sends it like any event. Throws HandlingError with the reason.
 */
export async function recordHandling(db: KioskDb, member: Member, requestId: string, action: HandlingAction, ctx: HandlingContext): Promise<RequestState> {
  const event = handlingEvent(member, requestId, action, ctx.now)
  try {
    return await appendEvent(db, event, ctx)
  } catch (e) {
    if (e instanceof EventRefusedError) throw refusalText(e)
    if (e instanceof EventConflictError) throw new HandlingError('conflict', e.text, { cause: e })
    if (e instanceof SubmitError && e.code === 'quota') throw new HandlingError('quota', { zh: '本机存储已满，请联系IT', en: 'This computer’s storage is full; call IT' }, { cause: e })
    if (isQuotaError(e)) throw new HandlingError('quota', { zh: '本机存储已满，请联系IT', en: 'This computer’s storage is full; call IT' }, { cause: e })
    if (e instanceof Error && e.name === 'ZodError') throw new HandlingError('invalid', { zh: '内容不完整或过长，请检查后再试', en: 'Something is missing or too long; check and try again' }, { cause: e })
    throw new HandlingError('storage', { zh: '未能保存，请重试', en: 'Could not save; please try again' }, { cause: e })
  }
}

/** One request for the detail screen: its row (intake and summary) and the reducer's state with its timeline. */
export async function requestDetail(db: KioskDb, requestId: string): Promise<{ row: RequestRow; state: RequestState } | undefined> {
  const row = await db.requests.get(requestId)
  const state = row && (await localState(db, requestId))
  return row && state ? { row, state } : undefined
}
