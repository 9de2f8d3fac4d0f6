import type { StaffMember } from '../../shared/sync'
import { contentHash } from '../canonical'
import { feedToCenters } from './feed'
import type { SqlRunner } from './sql'
import type { StaffRecord } from './types'

interface StaffRow {
  id: string
  name: string
  department_id: string
  role: StaffMember['role']
  pin_hash: string | null
  created_at: Date | string
  deactivated_at: Date | string | null
}

const iso = (v: Date | string) => new Date(v).toISOString()

function memberOf(row: StaffRow): StaffMember {
  return { id: row.id, name: row.name, departmentId: row.department_id, role: row.role, ...(row.pin_hash ? { pinHash: row.pin_hash } : {}) }
}

/**
 * Make the center's published staff list (what devices receive, PIN hashes included) match its
 * active members, feeding a `staff` change when it changed. Call with the center's feed locked.
 */
export async function republishStaff(tx: SqlRunner, centerId: string, at: Date): Promise<boolean> {
  const rows = await tx.query<StaffRow>(
    'SELECT * FROM staff_members WHERE center_id = $1 AND deactivated_at IS NULL ORDER BY position',
    [centerId],
  )
  const staff = rows.map(memberOf)
  const hash = contentHash(staff)
  const [current] = await tx.query<{ content_hash: string }>('SELECT content_hash FROM staff_lists WHERE center_id = $1', [centerId])
  if (current?.content_hash === hash) return false
  await tx.query(
    `INSERT INTO staff_lists (center_id, content_hash, members, updated_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (center_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, members = EXCLUDED.members, updated_at = EXCLUDED.updated_at`,
    [centerId, hash, JSON.stringify(staff), at.toISOString()],
  )
  await feedToCenters(tx, { kind: 'staff', payload: staff }, [centerId])
  return true
}

/**
 * The center's staff become exactly these (the demo seed): each is added or updated and active; a PIN
 * hash given replaces the stored one, none keeps it; members not named are deactivated.
 */
export async function replaceStaff(tx: SqlRunner, centerId: string, staff: readonly StaffMember[], at: Date): Promise<void> {
  for (const m of staff) {
    await tx.query(
      `INSERT INTO staff_members (center_id, id, name, department_id, role, pin_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (center_id, id) DO UPDATE SET name = EXCLUDED.name, department_id = EXCLUDED.department_id, role = EXCLUDED.role,
         pin_hash = COALESCE(EXCLUDED.pin_hash, staff_members.pin_hash), deactivated_at = NULL`,
      [centerId, m.id, m.name, m.departmentId, m.role, m.pinHash ?? null, at.toISOString()],
    )
  }
  await tx.query('UPDATE staff_members SET deactivated_at = $3 WHERE center_id = $1 AND deactivated_at IS NULL AND NOT (id = ANY($2::text[]))', [
    centerId,
    staff.map((m) => m.id),
    at.toISOString(),
  ])
}

/** False when the id is taken at this center (by an active or a deactivated member). */
export async function addStaffMember(tx: SqlRunner, centerId: string, member: Omit<StaffMember, 'pinHash'>, at: Date): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO staff_members (center_id, id, name, department_id, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (center_id, id) DO NOTHING RETURNING id`,
    [centerId, member.id, member.name, member.departmentId, member.role, at.toISOString()],
  )
  return inserted.length > 0
}

/** False when there is no active member with this id at this center. */
export async function setStaffPinHash(tx: SqlRunner, centerId: string, id: string, pinHash: string): Promise<boolean> {
  const updated = await tx.query('UPDATE staff_members SET pin_hash = $3 WHERE center_id = $1 AND id = $2 AND deactivated_at IS NULL RETURNING id', [
    centerId,
    id,
    pinHash,
  ])
  return updated.length > 0
}

/** False when the center has no member with this id; deactivating twice is not an error. */
export async function deactivateStaffMember(tx: SqlRunner, centerId: string, id: string, at: Date): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    'UPDATE staff_members SET deactivated_at = COALESCE(deactivated_at, $3) WHERE center_id = $1 AND id = $2 RETURNING id',
    [centerId, id, at.toISOString()],
  )
  return rows.length > 0
}

export async function listStaffMembers(tx: SqlRunner, centerId: string): Promise<StaffRecord[]> {
  const rows = await tx.query<StaffRow>('SELECT * FROM staff_members WHERE center_id = $1 ORDER BY position', [centerId])
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    departmentId: r.department_id,
    role: r.role,
    hasPin: r.pin_hash !== null,
    createdAt: iso(r.created_at),
    ...(r.deactivated_at ? { deactivatedAt: iso(r.deactivated_at) } : {}),
  }))
}
