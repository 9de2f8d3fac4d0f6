import type { LocalizedText } from '../../shared/i18n-text'
import type { DeviceMode } from '../../shared/sync'
import type { Sql } from './sql'
import type { Device, EnrollCodeInfo, NewEnrollCode, OfficeIdentity, OfficeToken, RedeemResult } from './types'

/** Enrollment codes, devices and back-office tokens: every secret is stored as its sha-256 only. */

type Instant = Date | string | null

const iso = (t: Instant) => (t ? new Date(t).toISOString() : undefined)

interface DeviceRow {
  id: string
  center_id: string
  kiosk_code: string
  name: string
  mode: DeviceMode
  enrolled_at: Instant
  revoked_at: Instant
}

const DEVICE_COLUMNS = 'id, center_id, kiosk_code, name, mode, enrolled_at, revoked_at'

function toDevice(r: DeviceRow): Device {
  const revokedAt = iso(r.revoked_at)
  return {
    id: r.id,
    centerId: r.center_id,
    kioskCode: r.kiosk_code,
    name: r.name,
    mode: r.mode,
    enrolledAt: iso(r.enrolled_at) ?? '',
    ...(revokedAt ? { revokedAt } : {}),
  }
}

export async function addEnrollCode(sql: Sql, code: NewEnrollCode, at: Date): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO enroll_codes (code_hash, center_id, max_uses, mode, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code_hash) DO NOTHING RETURNING id`,
    [code.codeHash, code.centerId, code.maxUses, code.mode ?? 'visitor', code.expiresAt ?? null, at.toISOString()],
  )
  return row?.id
}

export async function listEnrollCodes(sql: Sql, centerId?: string): Promise<EnrollCodeInfo[]> {
  const rows = await sql.query<{
    id: string
    center_id: string
    mode: DeviceMode
    uses: number
    max_uses: number
    expires_at: Instant
    created_at: Instant
    revoked_at: Instant
  }>(
    `SELECT id, center_id, mode, uses, max_uses, expires_at, created_at, revoked_at FROM enroll_codes
      WHERE $1::text IS NULL OR center_id = $1 ORDER BY created_at, id`,
    [centerId ?? null],
  )
  return rows.map((r) => {
    const expiresAt = iso(r.expires_at)
    const revokedAt = iso(r.revoked_at)
    return {
      id: r.id,
      centerId: r.center_id,
      mode: r.mode,
      uses: r.uses,
      maxUses: r.max_uses,
      ...(expiresAt ? { expiresAt } : {}),
      createdAt: iso(r.created_at) ?? '',
      ...(revokedAt ? { revokedAt } : {}),
    }
  })
}

/** Marks a credential revoked (keeping the first time); false when there is none with this id. */
export async function revoke(sql: Sql, table: 'enroll_codes' | 'devices' | 'office_tokens', id: string, at: Date): Promise<boolean> {
  // Compared as text: an id that is no uuid matches nothing instead of failing the cast.
  const rows = await sql.query(`UPDATE ${table} SET revoked_at = COALESCE(revoked_at, $2) WHERE id::text = $1 RETURNING id`, [
    id,
    at.toISOString(),
  ])
  return rows.length > 0
}

export function redeemEnrollCode(
  sql: Sql,
  codeHash: string,
  at: Date,
  device: { id: string; name: string; tokenHash: string },
): Promise<RedeemResult> {
  return sql.transaction(async (tx): Promise<RedeemResult> => {
    const [used] = await tx.query<{ center_id: string; mode: DeviceMode }>(
      `UPDATE enroll_codes SET uses = uses + 1
        WHERE code_hash = $1 AND uses < max_uses AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
        RETURNING center_id, mode`,
      [codeHash, at.toISOString()],
    )
    if (!used) {
      const [known] = await tx.query<{ uses: number; max_uses: number; revoked_at: Instant }>(
        'SELECT uses, max_uses, revoked_at FROM enroll_codes WHERE code_hash = $1',
        [codeHash],
      )
      if (!known) return { ok: false, reason: 'unknown' }
      if (known.revoked_at) return { ok: false, reason: 'revoked' }
      return { ok: false, reason: known.uses >= known.max_uses ? 'used_up' : 'expired' }
    }
    const [center] = await tx.query<{ id: string; code: string; name: LocalizedText; kiosk_count: number }>(
      'UPDATE centers SET kiosk_count = kiosk_count + 1 WHERE id = $1 RETURNING id, code, name, kiosk_count',
      [used.center_id],
    )
    if (!center) throw new Error(`an enrollment code names no center (${used.center_id})`)
    const kioskCode = `K${String(center.kiosk_count).padStart(2, '0')}`
    const [row] = await tx.query<DeviceRow>(
      `INSERT INTO devices (id, center_id, kiosk_code, name, token_hash, enrolled_at, mode) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${DEVICE_COLUMNS}`,
      [device.id, center.id, kioskCode, device.name, device.tokenHash, at.toISOString(), used.mode],
    )
    return { ok: true, device: toDevice(row!), center: { id: center.id, code: center.code, name: center.name } }
  })
}

export async function findDevice(sql: Sql, by: 'token_hash' | 'id', value: string): Promise<Device | undefined> {
  const [row] = await sql.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE ${by} = $1`, [value])
  return row && toDevice(row)
}

export async function listDevices(sql: Sql, centerId?: string): Promise<Device[]> {
  const rows = await sql.query<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE $1::text IS NULL OR center_id = $1 ORDER BY center_id, kiosk_code`,
    [centerId ?? null],
  )
  return rows.map(toDevice)
}

export async function setDeviceMode(sql: Sql, id: string, mode: DeviceMode): Promise<boolean> {
  const rows = await sql.query('UPDATE devices SET mode = $2 WHERE id = $1 RETURNING id', [id, mode])
  return rows.length > 0
}

export async function putOfficeToken(sql: Sql, tokenHash: string, who: OfficeIdentity, at: Date): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO office_tokens (token_hash, center_id, department_id, name, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (token_hash) DO UPDATE SET center_id = EXCLUDED.center_id, department_id = EXCLUDED.department_id, name = EXCLUDED.name
     RETURNING id`,
    [tokenHash, who.centerId, who.departmentId, who.name, at.toISOString()],
  )
  return row!.id
}

interface OfficeRow {
  id: string
  center_id: string
  department_id: string
  name: string
  created_at: Instant
  revoked_at: Instant
}

function toOfficeToken(r: OfficeRow): OfficeToken {
  const revokedAt = iso(r.revoked_at)
  return {
    id: r.id,
    centerId: r.center_id,
    departmentId: r.department_id,
    name: r.name,
    createdAt: iso(r.created_at) ?? '',
    ...(revokedAt ? { revokedAt } : {}),
  }
}

const OFFICE_COLUMNS = 'id, center_id, department_id, name, created_at, revoked_at'

export async function officeByTokenHash(sql: Sql, tokenHash: string): Promise<(OfficeIdentity & { revokedAt?: string }) | undefined> {
  const [row] = await sql.query<OfficeRow>(`SELECT ${OFFICE_COLUMNS} FROM office_tokens WHERE token_hash = $1`, [tokenHash])
  if (!row) return undefined
  const { centerId, departmentId, name, revokedAt } = toOfficeToken(row)
  return { centerId, departmentId, name, ...(revokedAt ? { revokedAt } : {}) }
}

export async function listOfficeTokens(sql: Sql, centerId?: string): Promise<OfficeToken[]> {
  const rows = await sql.query<OfficeRow>(
    `SELECT ${OFFICE_COLUMNS} FROM office_tokens WHERE $1::text IS NULL OR center_id = $1 ORDER BY created_at, id`,
    [centerId ?? null],
  )
  return rows.map(toOfficeToken)
}

export function pruneCenterCredentials(
  sql: Sql,
  centerIds: readonly string[],
  keep: { codeHashes: readonly string[]; tokenHashes: readonly string[]; keepDevices: boolean },
  at: Date,
): Promise<{ codes: number; tokens: number; devices: number }> {
  return sql.transaction(async (tx) => {
    const codes = await tx.query(
      'DELETE FROM enroll_codes WHERE center_id = ANY($1::text[]) AND NOT (code_hash = ANY($2::text[])) RETURNING id',
      [centerIds, keep.codeHashes],
    )
    const tokens = await tx.query(
      'DELETE FROM office_tokens WHERE center_id = ANY($1::text[]) AND NOT (token_hash = ANY($2::text[])) RETURNING id',
      [centerIds, keep.tokenHashes],
    )
    const devices = keep.keepDevices
      ? []
      : await tx.query('UPDATE devices SET revoked_at = $2 WHERE center_id = ANY($1::text[]) AND revoked_at IS NULL RETURNING id', [
          centerIds,
          at.toISOString(),
        ])
    return { codes: codes.length, tokens: tokens.length, devices: devices.length }
  })
}
