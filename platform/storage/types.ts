import type { Catalog } from '../../shared/catalog/schema'
import type { RequestEvent } from '../../shared/events'
import type { LocalizedText } from '../../shared/i18n-text'
import type { RequestState, RequestStatus } from '../../shared/reducer'
import type { CalendarYear, Change, DeviceMode, StaffMember } from '../../shared/sync'
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
  mode: DeviceMode
  enrolledAt: string
  revokedAt?: string
}

/** Who acts through a back-office token: one department of one center. */
export interface OfficeIdentity {
  centerId: string
  departmentId: string
  name: string
}

/** A back-office token as IT lists it: never the token itself, which is shown once. */
export interface OfficeToken extends OfficeIdentity {
  id: string
  createdAt: string
  revokedAt?: string
}

/** A staff member as IT lists them: whether a PIN is set, never its hash. */
export interface StaffRecord {
  id: string
  name: string
  departmentId: string
  role: StaffMember['role']
  hasPin: boolean
  createdAt: string
  deactivatedAt?: string
}

export type RedeemResult =
  | { ok: true; device: Device; center: Center }
  | { ok: false; reason: 'unknown' | 'used_up' | 'expired' | 'revoked' }

export interface NewEnrollCode {
  /** sha-256 of the code: the code itself is shown once, when it is made, and never stored. */
  codeHash: string
  centerId: string
  maxUses: number
  /** The mode of the devices it enrolls; 'visitor' when not given. */
  mode?: DeviceMode
  /** ISO date-time, or undefined for a code that never expires. */
  expiresAt?: string
}

/** An enrollment code as IT lists it. */
export interface EnrollCodeInfo {
  id: string
  centerId: string
  mode: DeviceMode
  uses: number
  maxUses: number
  expiresAt?: string
  createdAt: string
  revokedAt?: string
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

/** What the decisions of one write need to know, read after its requests and tickets were locked. */
export interface WriteSnapshot {
  /** Stored events among the given ids, by id. */
  events: Map<string, StoredEventRef>
  /** Stored requests among the given ids, with their events. */
  requests: Map<string, StoredRequest>
  /** Ticket numbers among the given ones that a stored request holds. */
  tickets: Set<string>
}

/**
 * The writes of one center. `prepare` locks the requests and ticket numbers the write touches and
 * reads them: what it returns stays true until the write commits, while writes that touch other
 * requests of the center go on beside it. `append` takes the feed's sequence numbers and writes in
 * one statement; the center's feed stays locked from there to the commit only, so sequence numbers
 * are still handed out in commit order.
 */
export interface CenterWriter {
  readonly centerId: string
  prepare(eventIds: readonly string[], requestIds: readonly string[], ticketNos: readonly string[]): Promise<WriteSnapshot>
  /** Stores the events (and the new state of every request they touch) and feeds them to the center's kiosks. */
  append(events: readonly NewEvent[], states: readonly RequestState[]): Promise<void>
}

/**
 * A change as storage reads it. For a visitor kiosk an event change is read as the request's
 * current state (`state`), which the sync route turns into the public track record.
 */
export type FeedChange = Change | { seq: number; kind: 'state'; state: RequestState }

export interface ChangesPage {
  changes: FeedChange[]
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
  /** Creates the center; false when its id or code is taken. */
  createCenter(center: Center, at: Date): Promise<boolean>
  getCenter(id: string): Promise<Center | undefined>
  listCenters(): Promise<Center[]>

  /** The new code's id, or undefined when a code with this hash exists already (its uses are kept). */
  addEnrollCode(code: NewEnrollCode, at: Date): Promise<string | undefined>
  listEnrollCodes(centerId?: string): Promise<EnrollCodeInfo[]>
  /** False for an unknown code. */
  revokeEnrollCode(id: string, at: Date): Promise<boolean>
  /** Uses the code once and enrolls a device with the next kiosk code of the center, atomically. */
  redeemEnrollCode(codeHash: string, at: Date, device: { id: string; name: string; tokenHash: string }): Promise<RedeemResult>
  deviceByTokenHash(tokenHash: string): Promise<Device | undefined>
  deviceById(id: string): Promise<Device | undefined>
  listDevices(centerId?: string): Promise<Device[]>
  /** False for an unknown device. */
  revokeDevice(id: string, at: Date): Promise<boolean>
  /** False for an unknown device. */
  setDeviceMode(id: string, mode: DeviceMode): Promise<boolean>

  /** Adds the token (or gives an existing hash this identity); returns its id. */
  putOfficeToken(tokenHash: string, identity: OfficeIdentity, at: Date): Promise<string>
  /** The identity behind a token; `revoked` when IT revoked it. */
  officeByTokenHash(tokenHash: string): Promise<(OfficeIdentity & { revokedAt?: string }) | undefined>
  listOfficeTokens(centerId?: string): Promise<OfficeToken[]>
  /** False for an unknown token. */
  revokeOfficeToken(id: string, at: Date): Promise<boolean>

  /**
   * Demo credentials of these centers: removes their enrollment codes and back-office tokens except
   * the hashes in `keep`, and revokes their devices unless `keepDevices`. Returns what it removed.
   */
  pruneCenterCredentials(
    centerIds: readonly string[],
    keep: { codeHashes: readonly string[]; tokenHashes: readonly string[]; keepDevices: boolean },
    at: Date,
  ): Promise<{ codes: number; tokens: number; devices: number }>

  /** The feed's epoch (see PullResponse.epoch). */
  feedEpoch(): Promise<string>

  /** False when this version was published before (versions are immutable). */
  publishCatalog(catalog: Catalog, at: Date): Promise<boolean>
  getCatalog(version: string): Promise<Catalog | undefined>
  currentCatalog(): Promise<Catalog | undefined>
  /** False when it equals the current calendar. */
  publishCalendar(calendar: CalendarYear[], at: Date): Promise<boolean>
  /** Every calendar served, newest first: a kiosk may have counted a deadline on an older one. */
  calendarHistory(): Promise<CalendarYear[][]>
  /**
   * The center's staff become exactly these (the demo seed): added or updated, the others
   * deactivated; a member given without a PIN hash keeps the one stored. False when the published
   * list did not change.
   */
  publishStaff(centerId: string, staff: StaffMember[], at: Date): Promise<boolean>
  /** The center's active staff as devices receive them, PIN hashes included. */
  getStaff(centerId: string): Promise<StaffMember[]>
  /** Every staff member of the center, deactivated ones too, in the order added; undefined: no such center. */
  listStaffMembers(centerId: string): Promise<StaffRecord[] | undefined>
  /** 'exists' when the id is taken at this center (deactivated members keep theirs). */
  addStaffMember(centerId: string, member: Omit<StaffMember, 'pinHash'>, at: Date): Promise<'created' | 'exists' | 'no_center'>
  /** False when the center has no active member with this id. */
  setStaffPin(centerId: string, staffId: string, pinHash: string, at: Date): Promise<boolean>
  /** False when the center has no member with this id. */
  deactivateStaffMember(centerId: string, staffId: string, at: Date): Promise<boolean>

  /** Events already stored under these ids, read without taking any lock. */
  findEvents(ids: readonly string[]): Promise<Map<string, StoredEventRef>>
  writeInCenter<T>(centerId: string, at: Date, fn: (writer: CenterWriter) => Promise<T>): Promise<T>
  /** `publicOnly`: event changes are read as the request's state (for visitor kiosks). */
  changesSince(centerId: string, since: number, limit: number, opts?: { publicOnly?: boolean }): Promise<ChangesPage>

  requestByTicket(ticketNo: string): Promise<TrackedRequest | undefined>
  listRequests(centerId: string, filter: { status?: RequestStatus; limit: number }): Promise<RequestState[]>

  /** Devices' heartbeats, for the fleet page (platform/fleet). */
  readonly fleet: FleetStorage
}
