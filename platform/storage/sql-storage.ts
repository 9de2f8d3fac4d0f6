import type { Catalog } from '../../shared/catalog/schema'
import type { LocalizedText } from '../../shared/i18n-text'
import type { RequestState } from '../../shared/reducer'
import type { CalendarYear, StaffMember } from '../../shared/sync'
import { contentHash } from '../canonical'
import { SqlFleetStorage } from '../fleet/store'
import { IdTakenMeanwhile, centerWriter } from './event-log'
import { changesSince, feedToCenters, lockCenterFeed } from './feed'
import type { Sql } from './sql'
import type { Center, Device, EnrollCode, OfficeIdentity, RedeemResult, Storage } from './types'

interface DeviceRow {
  id: string
  center_id: string
  kiosk_code: string
  name: string
  revoked_at: Date | string | null
}

function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    centerId: r.center_id,
    kioskCode: r.kiosk_code,
    name: r.name,
    ...(r.revoked_at ? { revokedAt: new Date(r.revoked_at).toISOString() } : {}),
  }
}

const WRITE_ATTEMPTS = 3

/** The one Storage, in SQL that runs unchanged on PGlite and on PostgreSQL. */
export class SqlStorage implements Storage {
  readonly fleet: SqlFleetStorage

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
      const inserted = await tx.query(
        `INSERT INTO centers (id, code, name, created_at) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [center.id, center.code, JSON.stringify(center.name), at.toISOString()],
      )
      if (inserted.length === 0) {
        await tx.query('UPDATE centers SET code = $2, name = $3::jsonb WHERE id = $1', [
          center.id,
          center.code,
          JSON.stringify(center.name),
        ])
        return
      }
      const [catalog] = await tx.query<{ version: string }>('SELECT version FROM catalogs ORDER BY published_order DESC LIMIT 1')
      if (catalog) await feedToCenters(tx, { kind: 'catalog', version: catalog.version }, [center.id])
      const [calendar] = await tx.query<{ body: unknown }>('SELECT body FROM calendars ORDER BY id DESC LIMIT 1')
      if (calendar) await feedToCenters(tx, { kind: 'calendar', payload: calendar.body }, [center.id])
    })
  }

  async getCenter(id: string) {
    const [row] = await this.sql.query<{ id: string; code: string; name: LocalizedText }>(
      'SELECT id, code, name FROM centers WHERE id = $1',
      [id],
    )
    return row && { id: row.id, code: row.code, name: row.name }
  }

  async addEnrollCode(code: EnrollCode, at: Date) {
    const rows = await this.sql.query(
      `INSERT INTO enroll_codes (code, center_id, max_uses, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [code.code, code.centerId, code.maxUses, code.expiresAt ?? null, at.toISOString()],
    )
    return rows.length > 0
  }

  redeemEnrollCode(code: string, at: Date, device: { id: string; name: string; tokenHash: string }): Promise<RedeemResult> {
    return this.sql.transaction(async (tx): Promise<RedeemResult> => {
      const [used] = await tx.query<{ center_id: string }>(
        `UPDATE enroll_codes SET uses = uses + 1
          WHERE code = $1 AND uses < max_uses AND (expires_at IS NULL OR expires_at > $2)
          RETURNING center_id`,
        [code, at.toISOString()],
      )
      if (!used) {
        const [known] = await tx.query<{ uses: number; max_uses: number }>(
          'SELECT uses, max_uses FROM enroll_codes WHERE code = $1',
          [code],
        )
        if (!known) return { ok: false, reason: 'unknown' }
        return { ok: false, reason: known.uses >= known.max_uses ? 'used_up' : 'expired' }
      }
      const [center] = await tx.query<{ id: string; code: string; name: LocalizedText; kiosk_count: number }>(
        'UPDATE centers SET kiosk_count = kiosk_count + 1 WHERE id = $1 RETURNING id, code, name, kiosk_count',
        [used.center_id],
      )
      if (!center) throw new Error(`enroll code ${code} names no center`)
      const kioskCode = `K${String(center.kiosk_count).padStart(2, '0')}`
      const [row] = await tx.query<DeviceRow>(
        `INSERT INTO devices (id, center_id, kiosk_code, name, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, center_id, kiosk_code, name, revoked_at`,
        [device.id, center.id, kioskCode, device.name, device.tokenHash, at.toISOString()],
      )
      return { ok: true, device: toDevice(row!), center: { id: center.id, code: center.code, name: center.name } }
    })
  }

  async deviceByTokenHash(tokenHash: string) {
    const [row] = await this.sql.query<DeviceRow>(
      'SELECT id, center_id, kiosk_code, name, revoked_at FROM devices WHERE token_hash = $1',
      [tokenHash],
    )
    return row && toDevice(row)
  }

  async deviceById(id: string) {
    const [row] = await this.sql.query<DeviceRow>(
      'SELECT id, center_id, kiosk_code, name, revoked_at FROM devices WHERE id = $1',
      [id],
    )
    return row && toDevice(row)
  }

  async revokeDevice(id: string, at: Date) {
    const rows = await this.sql.query(
      'UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id',
      [id, at.toISOString()],
    )
    return rows.length > 0
  }

  async putOfficeToken(tokenHash: string, who: OfficeIdentity) {
    await this.sql.query(
      `INSERT INTO office_tokens (token_hash, center_id, department_id, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token_hash) DO UPDATE SET center_id = EXCLUDED.center_id, department_id = EXCLUDED.department_id, name = EXCLUDED.name`,
      [tokenHash, who.centerId, who.departmentId, who.name],
    )
  }

  async officeByTokenHash(tokenHash: string) {
    const [row] = await this.sql.query<{ center_id: string; department_id: string; name: string }>(
      'SELECT center_id, department_id, name FROM office_tokens WHERE token_hash = $1',
      [tokenHash],
    )
    return row && { centerId: row.center_id, departmentId: row.department_id, name: row.name }
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
    const [row] = await this.sql.query<{ body: Catalog }>('SELECT body FROM catalogs ORDER BY published_order DESC LIMIT 1')
    return row?.body
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
    const rows = await this.sql.query<{ body: CalendarYear[] }>('SELECT body FROM calendars ORDER BY id DESC')
    return rows.map((r) => r.body)
  }

  publishStaff(centerId: string, staff: StaffMember[], at: Date) {
    const hash = contentHash(staff)
    return this.sql.transaction(async (tx) => {
      if (!(await lockCenterFeed(tx, centerId))) throw new Error(`no center ${centerId}`)
      const [current] = await tx.query<{ content_hash: string }>('SELECT content_hash FROM staff_lists WHERE center_id = $1', [
        centerId,
      ])
      if (current?.content_hash === hash) return false
      await tx.query(
        `INSERT INTO staff_lists (center_id, content_hash, members, updated_at) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (center_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, members = EXCLUDED.members, updated_at = EXCLUDED.updated_at`,
        [centerId, hash, JSON.stringify(staff), at.toISOString()],
      )
      await feedToCenters(tx, { kind: 'staff', payload: staff }, [centerId])
      return true
    })
  }

  async getStaff(centerId: string) {
    const [row] = await this.sql.query<{ members: StaffMember[] }>('SELECT members FROM staff_lists WHERE center_id = $1', [centerId])
    return row?.members ?? []
  }

  findEvents(ids: readonly string[]) {
    return centerWriter(this.sql, '', new Date()).findEvents(ids)
  }

  async writeInCenter<T>(centerId: string, at: Date, fn: Parameters<Storage['writeInCenter']>[2]): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sql.transaction(async (tx) => {
          if (!(await lockCenterFeed(tx, centerId))) throw new Error(`no center ${centerId}`)
          return (await fn(centerWriter(tx, centerId, at))) as T
        })
      } catch (e) {
        if (!(e instanceof IdTakenMeanwhile) || attempt >= WRITE_ATTEMPTS) throw e
      }
    }
  }

  changesSince(centerId: string, since: number, limit: number) {
    return changesSince(this.sql, centerId, since, limit)
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
