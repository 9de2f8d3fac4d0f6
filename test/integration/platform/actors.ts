import { v7 as uuidv7 } from 'uuid'
import type { RequestEvent } from '../../../shared/events'
import type { StaffMember, StaffRole } from '../../../shared/sync'
import type { Storage } from '../../../platform/storage/types'

type Body<T extends RequestEvent['type']> = Omit<Extract<RequestEvent, { type: T }>, 'id' | 'requestId' | 'at' | 'author' | 'type'>

/** An event a visitor makes at a kiosk (withdrawn, rated), authored as submit authors it. */
export function visitorEvent<T extends RequestEvent['type']>(deviceId: string, requestId: string, type: T, body: Body<T>, at: string): RequestEvent {
  return { id: uuidv7({ msecs: Date.parse(at) }), requestId, at, author: { kind: 'visitor', id: deviceId, name: '' }, type, ...body } as RequestEvent
}

/** An event a staff member makes (assisted mode on a counter device). */
export function staffEvent<T extends RequestEvent['type']>(member: StaffMember, requestId: string, type: T, body: Body<T>, at: string): RequestEvent {
  return {
    id: uuidv7({ msecs: Date.parse(at) }),
    requestId,
    at,
    author: { kind: 'staff', id: member.id, name: member.name },
    type,
    ...body,
  } as RequestEvent
}

/** A member of the center's (demo) staff list with this role, in this department when given. */
export async function staffMember(storage: Storage, centerId: string, role: StaffRole, departmentId?: string): Promise<StaffMember> {
  const member = (await storage.getStaff(centerId)).find((s) => s.role === role && (departmentId === undefined || s.departmentId === departmentId))
  if (!member) throw new Error(`no ${role}${departmentId ? ` in ${departmentId}` : ''} at ${centerId}`)
  return member
}

/** Instants `n` seconds after `start`, as ISO text. */
export function secondsAfter(start: number, n: number): string {
  return new Date(start + n * 1000).toISOString()
}
