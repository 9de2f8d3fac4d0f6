import type { Catalog } from '../../shared/catalog/schema'
import type { RequestState } from '../../shared/reducer'
import type { TrackResponse } from '../../shared/sync'

/**
 * What anyone holding the ticket number may see: progress, the responsible departments and person,
 * the promised date. Never the enterprise, the contact, the answers or any free text.
 */
export function trackView(state: RequestState, catalog: Catalog | undefined): TrackResponse {
  const departments = state.request.departmentIds.map((id) => {
    const department = catalog?.departments.find((d) => d.id === id)
    return { id, name: department ? department.name : { zh: id, en: id } }
  })
  return {
    ticketNo: state.request.ticketNo,
    status: state.status,
    escalated: state.escalated,
    departments,
    ...(state.assignee ? { assigneeName: state.assignee.name } : {}),
    dueDate: state.deadline.dueDate,
    dueDateProvisional: state.deadline.provisional,
    timeline: state.timeline.map((t) => ({ type: t.type, at: t.at })),
  }
}
