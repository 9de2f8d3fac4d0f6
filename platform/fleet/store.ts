import type { Heartbeat } from '../../shared/fleet'
import type { LocalizedText } from '../../shared/i18n-text'
import type { Sql } from '../storage/sql'

/** One enrolled device with its latest heartbeat, as the fleet page and the admin API list it. */
export interface FleetDevice {
  deviceId: string
  centerId: string
  centerCode: string
  centerName: LocalizedText
  kioskCode: string
  name: string
  enrolledAt: string
  revokedAt?: string
  heartbeat: Heartbeat | null
  /** When the platform received that heartbeat (the platform's clock). */
  receivedAt: string | null
}

export interface FleetStorage {
  recordHeartbeat(device: { id: string; centerId: string }, heartbeat: Heartbeat, at: Date): Promise<void>
  /** Every device ever enrolled, revoked ones too, of one center or of all. */
  listFleet(filter: { centerId?: string }): Promise<FleetDevice[]>
}

interface FleetRow {
  device_id: string
  center_id: string
  center_code: string
  center_name: LocalizedText
  kiosk_code: string
  name: string
  enrolled_at: Date | string
  revoked_at: Date | string | null
  body: Heartbeat | null
  received_at: Date | string | null
}

const iso = (value: Date | string) => new Date(value).toISOString()

export class SqlFleetStorage implements FleetStorage {
  constructor(private readonly sql: Sql) {}

  async recordHeartbeat(device: { id: string; centerId: string }, heartbeat: Heartbeat, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO device_heartbeats (device_id, center_id, body, received_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (device_id) DO UPDATE SET center_id = EXCLUDED.center_id, body = EXCLUDED.body, received_at = EXCLUDED.received_at`,
      [device.id, device.centerId, JSON.stringify(heartbeat), at.toISOString()],
    )
  }

  async listFleet(filter: { centerId?: string }): Promise<FleetDevice[]> {
    const rows = await this.sql.query<FleetRow>(
      `SELECT d.id AS device_id, d.center_id, c.code AS center_code, c.name AS center_name, d.kiosk_code, d.name,
              d.enrolled_at, d.revoked_at, h.body, h.received_at
         FROM devices d
         JOIN centers c ON c.id = d.center_id
         LEFT JOIN device_heartbeats h ON h.device_id = d.id
        WHERE ($1::text IS NULL OR d.center_id = $1)
        ORDER BY c.code, d.kiosk_code`,
      [filter.centerId ?? null],
    )
    return rows.map((r) => ({
      deviceId: r.device_id,
      centerId: r.center_id,
      centerCode: r.center_code,
      centerName: r.center_name,
      kioskCode: r.kiosk_code,
      name: r.name,
      enrolledAt: iso(r.enrolled_at),
      ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
      heartbeat: r.body,
      receivedAt: r.received_at ? iso(r.received_at) : null,
    }))
  }
}
