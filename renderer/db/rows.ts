import type { Catalog, CalendarYear, RequestEvent, ServiceRequest, StaffMember } from '../../shared/index'

/** One request on this kiosk: the immutable intake record, as submitted. */
export type RequestRow = ServiceRequest

/** Events are stored as they travel: append-only, keyed by their UUIDv7. */
export type EventRow = RequestEvent

export type OutboxState = 'pending' | 'rejected'

/** An event waiting to reach the platform; deleted once the platform has it. */
export interface OutboxRow {
  eventId: string
  requestId: string
  state: OutboxState
  /** The platform's reason when it rejected the event. */
  reason?: string
  attempts: number
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

/** Keys of the meta table. */
export const META = {
  cursor: 'cursor',
  lastSyncAt: 'lastSyncAt',
  persisted: 'storagePersisted',
  lastPurgeAt: 'lastPurgeAt',
  ticketSeq: (isoDate: string) => `ticketSeq:${isoDate}`,
} as const
