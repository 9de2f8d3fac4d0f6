import { describe, expect, it } from 'vitest'
import type { Heartbeat } from '../../shared/fleet'
import { sampleHeartbeat } from '../../test/fixtures/heartbeat'
import { fleetOverview } from './overview'
import { fleetPage } from './page'
import type { FleetDevice } from './store'

const NOW = new Date('2026-03-03T02:00:00.000Z')

function device(kioskCode: string, over: Partial<Heartbeat> | null, receivedMinutesAgo = 1, extra: Partial<FleetDevice> = {}): FleetDevice {
  const receivedAt = new Date(NOW.getTime() - receivedMinutesAgo * 60_000).toISOString()
  return {
    deviceId: `dev-${kioskCode}`,
    centerId: 'zj-hangzhou-01',
    centerCode: 'HZ01',
    centerName: { zh: '杭州市企业综合服务中心', en: 'Hangzhou' },
    kioskCode,
    name: kioskCode,
    enrolledAt: '2026-01-01T00:00:00.000Z',
    heartbeat: over === null ? null : sampleHeartbeat({ appVersion: '1.5.0', printer: { state: 'ready' }, ...over }, receivedAt),
    receivedAt: over === null ? null : receivedAt,
    ...extra,
  }
}

describe('fleetOverview', () => {
  it('counts a device stale after three missed heartbeats (15 minutes), not before', () => {
    const overview = fleetOverview([device('K01', {}, 15), device('K02', {}, 16)], NOW)
    expect(overview.centers[0]?.devices.map((d) => [d.kioskCode, d.stale])).toEqual([
      ['K02', true],
      ['K01', false],
    ])
  })

  it('compares versions as versions: 1.10.0 is newer than 1.9.9', () => {
    const overview = fleetOverview([device('K01', { appVersion: '1.9.9' }), device('K02', { appVersion: '1.10.0' })], NOW)
    expect(overview.latestVersion).toBe('1.10.0')
    expect(overview.attention.map((d) => d.kioskCode)).toEqual(['K01'])
  })

  it('does not let a revoked device set the newest version or count as a problem', () => {
    const overview = fleetOverview([device('K01', { appVersion: '1.4.0' }), device('K02', { appVersion: '9.9.9', rejectedEvents: 3 }, 100, { revokedAt: '2026-03-01T00:00:00.000Z' })], NOW)
    expect(overview.latestVersion).toBe('1.4.0')
    expect(overview.attention).toEqual([])
  })

  it('flags a failing printer and a disk running full, after the graver problems', () => {
    const overview = fleetOverview(
      [device('K01', { printer: { state: 'error' } }), device('K02', { freeDiskBytes: 500_000_000 }), device('K03', { rejectedEvents: 1 }), device('K04', { printer: { state: 'unknown' } })],
      NOW,
    )
    expect(overview.attention.map((d) => d.kioskCode)).toEqual(['K03', 'K01', 'K02'])
    expect(overview.totals).toMatchObject({ printerFault: 1, lowDisk: 1, refused: 1 })
    const page = fleetPage(overview)
    expect(page).toContain('打印机故障')
    expect(page).toContain('磁盘将满')
  })

  it('measures the device clock against the platform clock', () => {
    const fast = device('K01', {})
    fast.heartbeat!.sentAt = new Date(Date.parse(fast.receivedAt!) + 7 * 60_000).toISOString()
    const [entry] = fleetOverview([fast], NOW).centers[0]!.devices
    expect(entry?.clockSkewMs).toBe(7 * 60_000)
    expect(fleetPage(fleetOverview([fast], NOW))).toContain('时钟快 7 分')
  })

  it('says plainly when every device is healthy, and when none is enrolled', () => {
    expect(fleetPage(fleetOverview([device('K01', {})], NOW))).toContain('所有终端运行正常')
    expect(fleetPage(fleetOverview([], NOW))).toContain('还没有注册的终端')
  })
})
