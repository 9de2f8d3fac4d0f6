import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Heartbeat } from '../../../shared/fleet'
import { createPlatform } from '../../../platform/app'
import { sampleHeartbeat } from '../../fixtures/heartbeat'
import type { SqlStorage } from '../../../platform/storage/sql-storage'
import { resetDatabase } from '../../../platform/test-support/db'
import { enroll } from '../../../platform/test-support/http'
import { backends } from './backends'

const HEARTBEAT: Heartbeat = sampleHeartbeat(
  {
    mode: 'counter',
    online: false,
    lastSyncAt: null,
    pendingEvents: 7,
    rejectedEvents: 1,
    freeDiskBytes: 2 ** 40,
    storageUsedBytes: null,
    printer: { state: 'missing', name: '柜台打印机' },
    update: { state: 'downloaded', version: '1.5.0' },
    lastError: { at: '2026-03-03T01:59:00.000Z', message: 'platform unreachable' },
  },
  '2026-03-03T02:00:00.000+08:00',
)

describe.each(backends())('fleet storage on $name', (backend) => {
  let storage: SqlStorage

  beforeAll(async () => {
    storage = await backend.open()
  })
  afterAll(async () => {
    await storage?.close()
    await backend.dispose()
  })
  beforeEach(async () => {
    await resetDatabase(storage)
  })

  it('keeps the latest heartbeat of each device, exactly as sent, with the time it arrived', async () => {
    const kiosk = await enroll(createPlatform({ storage }), 'DEMO2026', '柜台 1')
    const device = { id: kiosk.deviceId, centerId: kiosk.centerId }
    await storage.fleet.recordHeartbeat(device, { ...HEARTBEAT, pendingEvents: 99 }, new Date('2026-03-03T01:55:00Z'))
    await storage.fleet.recordHeartbeat(device, HEARTBEAT, new Date('2026-03-03T02:00:00Z'))
    const [listed, ...rest] = await storage.fleet.listFleet({})
    expect(rest).toEqual([])
    expect(listed).toEqual({
      deviceId: kiosk.deviceId,
      centerId: 'zj-hangzhou-01',
      centerCode: 'HZ01',
      centerName: expect.objectContaining({ zh: expect.any(String) }),
      kioskCode: 'K01',
      name: '柜台 1',
      enrolledAt: expect.any(String),
      heartbeat: HEARTBEAT,
      receivedAt: '2026-03-03T02:00:00.000Z',
    })
  })

  it('lists devices that never reported, by center, and forgets heartbeats with their devices on a reset', async () => {
    const app = createPlatform({ storage })
    await enroll(app, 'QUZHOU2026', 'qz')
    const hz = await enroll(app, 'DEMO2026', 'hz')
    await storage.fleet.recordHeartbeat({ id: hz.deviceId, centerId: hz.centerId }, HEARTBEAT, new Date())
    expect((await storage.fleet.listFleet({})).map((d) => [d.centerCode, d.name, d.heartbeat === null])).toEqual([
      ['HZ01', 'hz', false],
      ['QZ01', 'qz', true],
    ])
    expect((await storage.fleet.listFleet({ centerId: 'zj-quzhou-01' })).map((d) => d.name)).toEqual(['qz'])
    await resetDatabase(storage)
    expect(await storage.fleet.listFleet({})).toEqual([])
  })
})
