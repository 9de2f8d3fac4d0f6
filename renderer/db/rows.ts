import type { Catalog, CalendarYear, RequestEvent, RequestStatus, ServiceRequest, StaffMember, TrackRecord } from '../../shared/index'

/**
 * One request on this kiosk: the immutable intake plus a summary that only `reduceRequest` writes
 * (see summary.ts), so the worklist and retention can use an index instead of replaying every request.
 */
export interface RequestRow {
  id: string
  ticketNo: string
  createdAt: string
  intake: ServiceRequest
  status: RequestStatus
  /** When the request became final (closed or withdrawn). */
  closedAt?: string
  /** v4: the promised date (限时办结), YYYY-MM-DD. */
  dueDate: string
  /** v4: 1 while the request is being handled (its deadline runs), 0 once resolved, closed or withdrawn. */
  open: 0 | 1
  /** v4: the departments responsible (named at intake, assigned, consulted): who may see it. */
  departments: string[]
  /** v4: the service domains of its items (none for an appeal). */
  domains: string[]
  channel: ServiceRequest['channel']
  escalated: boolean
  assignee?: { departmentId: string; name: string }
  /** v4: the materials asked for and not yet supplied. */
  awaitingMaterials?: string[]
  /**
   * v5: the 差评整改 task a low rating opened: the department whose lead answers it, its due date,
   * and 1 until it is answered. Its worklist keys (`r`, `d:<department>/r`) sort by this due date.
   */
  rectification?: RectificationSummary
  /** v4: worklist keys, one per way the worklist is filtered (see worklist-keys.ts). */
  wl: string[]
  /** v4: search keys: ticket number and its tail, USCC, every suffix of the enterprise name. */
  sk: string[]
}

export interface RectificationSummary {
  departmentId: string
  dueDate: string
  open: 0 | 1
}

/** The row shape of schema version 4: everything but the rectification summary. */
export type RequestRowV4 = Omit<RequestRow, 'rectification'>

/** The row shape of schema versions 2 and 3: the intake and the reducer's status. */
export type RequestRowV3 = Pick<RequestRow, 'id' | 'ticketNo' | 'createdAt' | 'intake' | 'status' | 'closedAt'>

/** The row shape of schema version 1: the intake record alone. */
export type RequestRowV1 = ServiceRequest

/** Events are stored as they travel: append-only, keyed by their UUIDv7. */
export type EventRow = RequestEvent

export type OutboxState = 'pending' | 'rejected'

/** An event waiting to reach the platform; deleted once the platform has it. */
export interface OutboxRow {
  eventId: string
  requestId: string
  /**
   * 'rejected': the platform refused it, or kept failing on it alone (code 'server_error'); it is
   * never sent again by itself and staff see it with the reason.
   */
  state: OutboxState
  /** The platform's reason when it rejected the event. */
  reason?: string
  /** The platform's refusal code (shared RefusalCode), or 'server_error'. */
  code?: string
  attempts: number
  /** Consecutive 5xx answers to batches holding this event (sync/push.ts splits such batches). */
  serverFailures?: number
  /** Milliseconds since epoch; ties are ordered by eventId, which is time-ordered too. */
  createdAt: number
}

export interface MetaRow {
  key: string
  value: unknown
}

export interface CatalogRow {
  version: string
  catalog: Catalog
  receivedAt: string
}

export type StaffRow = StaffMember
export type CalendarRow = CalendarYear

/**
 * The public state of a request as the platform last sent it to a visitor kiosk (or as the kiosk
 * kept it after dropping its own intake's personal data): what 查询办件进度 shows offline.
 */
export interface TrackRow extends TrackRecord {
  ticketNo: string
  receivedAt: string
}

/** Keys of the meta table. */
export const META = {
  cursor: 'cursor',
  /** The platform feed's epoch the cursor counts in (PullResponse.epoch). */
  epoch: 'feedEpoch',
  lastSyncAt: 'lastSyncAt',
  persisted: 'storagePersisted',
  lastPurgeAt: 'lastPurgeAt',
  ticketSeq: (isoDate: string) => `ticketSeq:${isoDate}`,
} as const
