import { BUILTIN_CATALOG } from '../../shared/catalog/index'
import { isOpenStatus, reduceRequest, responsibleDepartments, type RequestEvent, type RequestState, type ServiceRequest } from '../../shared/index'
import type { RequestRow } from './rows'
import { searchKeys, worklistKeys } from './worklist-keys'

/** The moment a request became final, from the reducer's timeline; undefined while it is open. */
export function finalAt(state: RequestState): string | undefined {
  if (state.status !== 'closed' && state.status !== 'withdrawn') return undefined
  return [...state.timeline].reverse().find((t) => t.type === state.status)?.at
}

const DOMAIN_OF_ITEM = new Map(BUILTIN_CATALOG.items.map((i) => [i.id, i.domain]))

/**
 * A request row from its intake and events; status, closure, responsibility and the worklist's
 * index keys come only from the shared reducer, so no other writer can make them disagree.
 */
export function requestRow(intake: ServiceRequest, events: readonly RequestEvent[]): RequestRow {
  const state = reduceRequest(events)
  const status = state?.status ?? 'submitted'
  const open = isOpenStatus(status) ? 1 : 0
  const departments = state ? responsibleDepartments(state) : intake.departmentIds
  // Item ids outlive catalog versions; an item the built-in catalog lacks has no domain to filter by.
  const domains = [...new Set(intake.itemIds.flatMap((id) => DOMAIN_OF_ITEM.get(id) ?? []))]
  const dueDate = state?.deadline.dueDate ?? intake.dueDate
  const task = state?.rectification
  const rectification = task ? { departmentId: task.departmentId, dueDate: task.dueDate, open: task.closed ? (0 as const) : (1 as const) } : undefined
  const row: RequestRow = {
    id: intake.id,
    ticketNo: intake.ticketNo,
    // In UTC, so the index orders instants whatever offset a channel wrote (retention compares them).
    createdAt: new Date(intake.createdAt).toISOString(),
    intake,
    status,
    dueDate,
    open,
    departments,
    domains,
    channel: intake.channel,
    escalated: state?.escalated ?? false,
    wl: worklistKeys({ id: intake.id, status, open, dueDate, departments, domains, channel: intake.channel, rectification }),
    sk: searchKeys(intake.ticketNo, intake.enterprise.uscc, intake.enterprise.name, departments),
  }
  if (rectification) row.rectification = rectification
  if (state?.assignee) row.assignee = state.assignee
  if (state?.awaitingMaterial) row.awaitingMaterials = state.awaitingMaterial.materials
  const closedAt = state ? finalAt(state) : undefined
  // Stored in UTC so the index compares instants, whatever offset the event was written with.
  if (closedAt) row.closedAt = new Date(closedAt).toISOString()
  return row
}

/** Events grouped by request id. */
export function byRequest(events: readonly RequestEvent[]): Map<string, RequestEvent[]> {
  const map = new Map<string, RequestEvent[]>()
  for (const e of events) {
    const list = map.get(e.requestId)
    if (list) list.push(e)
    else map.set(e.requestId, [e])
  }
  return map
}
