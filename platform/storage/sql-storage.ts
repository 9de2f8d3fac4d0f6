import type { Catalog } from '../../shared/catalog/schema'
import type { LocalizedText } from '../../shared/i18n-text'
import type { RequestState } from '../../shared/reducer'
import type { CalendarYear, DeviceMode, StaffMember } from '../../shared/sync'
import { contentHash } from '../canonical'
import { SqlFleetStorage } from '../fleet/store'
import { IdTakenMeanwhile, centerWriter, findEvents } from './event-log'
import { changesSince, feedToCenters, lockCenterFeed } from './feed'
import * as credentials from './credentials'
import * as staffRows from './staff'
import { readFeedEpoch } from './epoch'
import type { Sql, SqlRunner } from './sql'
import type { Center, NewEnrollCode, OfficeIdentity, Storage } from './types'

const WRITE_ATTEMPTS = 3

/** The one Storage, in SQL that runs unchanged on PGlite and on PostgreSQL. */
export class SqlStorage implements Storage {
  readonly fleet: SqlFleetStorage
  private current?: Catalog
  private calendars?: { key: string; history: CalendarYear[][] }

  constructor(readonly sql: Sql) {
    this.fleet = new SqlFleetStorage(sql)
  }

  async ping() {
    await this.sql.query('SELECT 1')
  }

  close() {
    return this.sql.close()
  }

  async upsertCenter(center: Center, at: Date) {
    await this.sql.transaction(async (tx) => {
      const inserted = await insertCenter(tx, center, at)
      if (!inserted) {
        await tx.query('UPDATE centers SET code = $2, name = $3::jsonb WHERE id = $1', [
          center.id,
          center.code,
          JSON.stringify(center.name),
        ])
      }
    })
  }

  createCenter(center: Center, at: Date) {
    return this.sql.transaction((tx) => insertCenter(tx, center, at))
  }

  async getCenter(id: string) {
    const [row] = await this.sql.query<{ id: string; code: string; name: LocalizedText }>(
      'SELECT id, code, name FROM centers WHERE id = $1',
      [id],
    )
    return row && { id: row.id, code: row.code, name: row.name }
  }

  async listCenters() {
    const rows = await this.sql.query<{ id: string; code: string; name: LocalizedText }>('SELECT id, code, name FROM centers ORDER BY code')
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name }))
  }

  addEnrollCode(code: NewEnrollCode, at: Date) {
    return credentials.addEnrollCode(this.sql, code, at)
  }

  listEnrollCodes(centerId?: string) {
    return credentials.listEnrollCodes(this.sql, centerId)
  }

  revokeEnrollCode(id: string, at: Date) {
    return credentials.revoke(this.sql, 'enroll_codes', id, at)
  }

  redeemEnrollCode(codeHash: string, at: Date, device: { id: string; name: string; tokenHash: string }) {
    return credentials.redeemEnrollCode(this.sql, codeHash, at, device)
  }

  deviceByTokenHash(tokenHash: string) {
    return credentials.findDevice(this.sql, 'token_hash', tokenHash)
  }

  deviceById(id: string) {
    return credentials.findDevice(this.sql, 'id', id)
  }

  listDevices(centerId?: string) {
    return credentials.listDevices(this.sql, centerId)
  }

  revokeDevice(id: string, at: Date) {
    return credentials.revoke(this.sql, 'devices', id, at)
  }

  setDeviceMode(id: string, mode: DeviceMode) {
    return credentials.setDeviceMode(this.sql, id, mode)
  }

  putOfficeToken(tokenHash: string, who: OfficeIdentity, at: Date) {
    return credentials.putOfficeToken(this.sql, tokenHash, who, at)
  }

  officeByTokenHash(tokenHash: string) {
    return credentials.officeByTokenHash(this.sql, tokenHash)
  }

  listOfficeTokens(centerId?: string) {
    return credentials.listOfficeTokens(this.sql, centerId)
  }

  revokeOfficeToken(id: string, at: Date) {
    return credentials.revoke(this.sql, 'office_tokens', id, at)
  }

  pruneCenterCredentials(...args: Parameters<Storage['pruneCenterCredentials']>) {
    return credentials.pruneCenterCredentials(this.sql, ...args)
  }

  feedEpoch() {
    return readFeedEpoch(this.sql)
  }

  publishCatalog(catalog: Catalog, at: Date) {
    return this.sql.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO catalogs (version, body, published_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (version) DO NOTHING RETURNING version`,
        [catalog.version, JSON.stringify(catalog), at.toISOString()],
      )
      if (rows.length === 0) return false
      await feedToCenters(tx, { kind: 'catalog', version: catalog.version })
      return true
    })
  }

  async getCatalog(version: string) {
    const [row] = await this.sql.query<{ body: Catalog }>('SELECT body FROM catalogs WHERE version = $1', [version])
    return row?.body
  }

  async currentCatalog() {
    // Every push asks for it (the departments); a version's body never changes, so only a newer
    // version is read whole.
    const [head] = await this.sql.query<{ version: string }>('SELECT version FROM catalogs ORDER BY published_order DESC LIMIT 1')
    if (!head) return undefined
    if (this.current?.version !== head.version) {
      const body = await this.getCatalog(head.version)
      if (body) this.current = body
      return body
    }
    return this.current
  }

  publishCalendar(calendar: CalendarYear[], at: Date) {
    const hash = contentHash(calendar)
    return this.sql.transaction(async (tx) => {
      // Serializes publishers; the current calendar is the last row.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('calendars'))")
      const [last] = await tx.query<{ content_hash: string }>('SELECT content_hash FROM calendars ORDER BY id DESC LIMIT 1')
      if (last?.content_hash === hash) return false
      await tx.query('INSERT INTO calendars (content_hash, body, published_at) VALUES ($1, $2::jsonb, $3)', [
        hash,
        JSON.stringify(calendar),
        at.toISOString(),
      ])
      await feedToCenters(tx, { kind: 'calendar', payload: calendar })
      return true
    })
  }

  async calendarHistory() {
    // Every push of an intake asks for it; calendars are only ever added, so the newest one tells
    // whether the history read last is still the whole of it.
    const [head] = await this.sql.query<{ id: string | number; content_hash: string }>(
      'SELECT id, content_hash FROM calendars ORDER BY id DESC LIMIT 1',
    )
    const key = head ? `${head.id}:${head.content_hash}` : ''
    if (this.calendars?.key !== key) {
      const rows = await this.sql.query<{ id: string | number; content_hash: string; body: CalendarYear[] }>(
        'SELECT id, content_hash, body FROM calendars ORDER BY id DESC',
      )
      this.calendars = { key: rows[0] ? `${rows[0].id}:${rows[0].content_hash}` : '', history: rows.map((r) => r.body) }
    }
    return this.calendars.history
  }

  publishStaff(centerId: string, staff: StaffMember[], at: Date) {
    return this.inCenterFeed(centerId, async (tx) => {
      await staffRows.replaceStaff(tx, centerId, staff, at)
      return staffRows.republishStaff(tx, centerId, at)
    })
  }

  async listStaffMembers(centerId: string) {
    if (!(await this.getCenter(centerId))) return undefined
    return staffRows.listStaffMembers(this.sql, centerId)
  }

  async addStaffMember(centerId: string, member: Omit<StaffMember, 'pinHash'>, at: Date) {
    if (!(await this.getCenter(centerId))) return 'no_center' as const
    return this.inCenterFeed(centerId, async (tx) => {
      if (!(await staffRows.addStaffMember(tx, centerId, member, at))) return 'exists' as const
      await staffRows.republishStaff(tx, centerId, at)
      return 'created' as const
    })
  }

  setStaffPin(centerId: string, staffId: string, pinHash: string, at: Date) {
    return this.inCenterFeed(centerId, async (tx) => {
      if (!(await staffRows.setStaffPinHash(tx, centerId, staffId, pinHash))) return false
      await staffRows.republishStaff(tx, centerId, at)
      return true
    }, false)
  }

  deactivateStaffMember(centerId: string, staffId: string, at: Date) {
    return this.inCenterFeed(centerId, async (tx) => {
      if (!(await staffRows.deactivateStaffMember(tx, centerId, staffId, at))) return false
      await staffRows.republishStaff(tx, centerId, at)
      return true
    }, false)
  }

  /** One transaction holding the center's feed lock; `missing` is the answer when there is no such center. */
  private inCenterFeed<T>(centerId: string, fn: (tx: SqlRunner) => Promise<T>, missing?: T): Promise<T> {
    return this.sql.transaction(async (tx) => {
      if (!(await lockCenterFeed(tx, centerId))) {
        if (missing !== undefined) return missing
        throw new Error(`no center ${centerId}`)
      }
      return fn(tx)
    })
  }

  async getStaff(centerId: string) {
    const [row] = await this.sql.query<{ members: StaffMember[] }>('SELECT members FROM staff_lists WHERE center_id = $1', [centerId])
    return row?.members ?? []
  }

  findEvents(ids: readonly string[]) {
    return findEvents(this.sql, ids)
  }

  async writeInCenter<T>(centerId: string, at: Date, fn: Parameters<Storage['writeInCenter']>[2]): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        // No lock up front: the writer locks what its decisions read (prepare) and the center's
        // feed only for its last statement (append), so the center's other writers go on meanwhile.
        return await this.sql.transaction(async (tx) => (await fn(centerWriter(tx, centerId, at))) as T)
      } catch (e) {
        if (!(e instanceof IdTakenMeanwhile) || attempt >= WRITE_ATTEMPTS) throw e
      }
    }
  }

  changesSince(centerId: string, since: number, limit: number, opts: { publicOnly?: boolean } = {}) {
    return changesSince(this.sql, centerId, since, limit, opts.publicOnly ?? false)
  }

  async requestByTicket(ticketNo: string) {
    const [row] = await this.sql.query<{ center_id: string; state: RequestState }>(
      'SELECT center_id, state FROM requests WHERE ticket_no = $1',
      [ticketNo],
    )
    return row && { centerId: row.center_id, state: row.state }
  }

  async listRequests(centerId: string, filter: { status?: string; limit: number }) {
    const rows = await this.sql.query<{ state: RequestState }>(
      `SELECT state FROM requests WHERE center_id = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [centerId, filter.status ?? null, filter.limit],
    )
    return rows.map((r) => r.state)
  }
}

/** Inserts a new center (false when its id or code is taken) and gives it the current catalog and calendar. */
async function insertCenter(tx: SqlRunner, center: Center, at: Date): Promise<boolean> {
  const inserted = await tx.query(
    'INSERT INTO centers (id, code, name, created_at) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT DO NOTHING RETURNING id',
    [center.id, center.code, JSON.stringify(center.name), at.toISOString()],
  )
  if (inserted.length === 0) return false
  const [catalog] = await tx.query<{ version: string }>('SELECT version FROM catalogs ORDER BY published_order DESC LIMIT 1')
  if (catalog) await feedToCenters(tx, { kind: 'catalog', version: catalog.version }, [center.id])
  const [calendar] = await tx.query<{ body: unknown }>('SELECT body FROM calendars ORDER BY id DESC LIMIT 1')
  if (calendar) await feedToCenters(tx, { kind: 'calendar', payload: calendar.body }, [center.id])
  return true
}
