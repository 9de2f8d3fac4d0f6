import type { Catalog } from '../../shared/catalog/schema'
import type { RequestEvent } from '../../shared/events'
import type { LocalizedText } from '../../shared/i18n-text'
import type { RequestState, RequestStatus } from '../../shared/reducer'
import type { CalendarYear, Change, StaffMember } from '../../shared/sync'
import type { FleetStorage } from '../fleet/store'

export interface Center {
  id: string
  code: string
  name: LocalizedText
}

export interface Device {
  id: string
  centerId: string
  kioskCode: string
  name: string
  revokedAt?: string
}

/** Who acts through a back-office token: one department of one center. */
export interface OfficeIdentity {
  centerId: string
  departmentId: string
  name: string
}

export type RedeemResult =
  | { ok: true; device: Device; center: Center }
  | { ok: false; reason: 'unknown' | 'used_up' | 'expired' }

export interface EnrollCode {
  code: string
  centerId: string
  maxUses: number
  /** ISO date-time, or undefined for a code that never expires. */
  expiresAt?: string
}

export interface StoredEventRef {
  centerId: string
  contentHash: string
}

export interface StoredRequest {
  centerId: string
  ticketNo: string
  events: RequestEvent[]
}

export interface NewEvent {
  event: RequestEvent
  contentHash: string
  /** The kiosk that pushed it; undefined for events made on the platform (back office). */
  deviceId?: string
}

/**
 * The writes of one center, made while that center's feed is locked: checks made through it stay
 * true until it commits, and sequence numbers are handed out in commit order.
 */
export interface CenterWriter {
  readonly centerId: string
  findEvents(ids: readonly string[]): Promise<Map<string, StoredEventRef>>
  loadRequests(ids: readonly string[]): Promise<Map<string, StoredRequest>>
  takenTickets(ticketNos: readonly string[]): Promise<Set<string>>
  /** Stores the events (and the new state of every request they touch) and feeds them to the center's kiosks. */
  append(events: readonly NewEvent[], states: readonly RequestState[]): Promise<void>
}

export interface ChangesPage {
  changes: Change[]
  hasMore: boolean
  /** The center's latest sequence number: a cursor above it was not handed out by this database. */
  head: number
}

export interface TrackedRequest {
  centerId: string
  state: RequestState
}

export interface Storage {
  /** Throws when the database does not answer. */
  ping(): Promise<void>
  close(): Promise<void>

  /** Creates the center, or renames it; a new center gets the current catalog and calendar in its feed. */
  upsertCenter(center: Center, at: Date): Promise<void>
  getCenter(id: string): Promise<Center | undefined>

  /** False when the code exists already (its uses are kept). */
  addEnrollCode(code: EnrollCode, at: Date): Promise<boolean>
  /** Uses the code once and enrolls a device with the next kiosk code of the center, atomically. */
  redeemEnrollCode(code: string, at: Date, device: { id: string; name: string; tokenHash: string }): Promise<RedeemResult>
  deviceByTokenHash(tokenHash: string): Promise<Device | undefined>
  deviceById(id: string): Promise<Device | undefined>
  /** False for an unknown device. */
  revokeDevice(id: string, at: Date): Promise<boolean>

  putOfficeToken(tokenHash: string, identity: OfficeIdentity): Promise<void>
  officeByTokenHash(tokenHash: string): Promise<OfficeIdentity | undefined>

  /** False when this version was published before (versions are immutable). */
  publishCatalog(catalog: Catalog, at: Date): Promise<boolean>
  getCatalog(version: string): Promise<Catalog | undefined>
  currentCatalog(): Promise<Catalog | undefined>
  /** False when it equals the current calendar. */
  publishCalendar(calendar: CalendarYear[], at: Date): Promise<boolean>
  /** Every calendar served, newest first: a kiosk may have counted a deadline on an older one. */
  calendarHistory(): Promise<CalendarYear[][]>
  /** False when it equals the center's current staff list. */
  publishStaff(centerId: string, staff: StaffMember[], at: Date): Promise<boolean>
  getStaff(centerId: string): Promise<StaffMember[]>

  /** Events already stored under these ids, read without taking any lock. */
  findEvents(ids: readonly string[]): Promise<Map<string, StoredEventRef>>
  writeInCenter<T>(centerId: string, at: Date, fn: (writer: CenterWriter) => Promise<T>): Promise<T>
  changesSince(centerId: string, since: number, limit: number): Promise<ChangesPage>

  requestByTicket(ticketNo: string): Promise<TrackedRequest | undefined>
  listRequests(centerId: string, filter: { status?: RequestStatus; limit: number }): Promise<RequestState[]>

  /** Devices' heartbeats, for the fleet page (platform/fleet). */
  readonly fleet: FleetStorage
}
