import { describe, expect, it } from 'vitest'
import type { Enrollment } from '../../shared/index'
import { createWebHost } from './web-host'

class MemoryStorage implements Storage {
  private map = new Map<string, string>()
  get length() {
    return this.map.size
  }
  clear() {
    this.map.clear()
  }
  getItem(key: string) {
    return this.map.get(key) ?? null
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  removeItem(key: string) {
    this.map.delete(key)
  }
  setItem(key: string, value: string) {
    this.map.set(key, value)
  }
}

const enrollment: Enrollment = {
  deviceId: 'dev-1',
  kioskCode: 'K01',
  centerId: 'zj-hangzhou-01',
  centerCode: 'HZ01',
  centerName: { zh: '杭州市企业综合服务中心', en: 'Hangzhou Enterprise Service Center' },
  token: 'a-device-token-of-enough-length',
  platformUrl: 'http://127.0.0.1:8787',
}

function answering(body: unknown, status = 200): typeof fetch {
  return (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as typeof fetch
}

describe('web host', () => {
  it('keeps the enrollment in local storage, and forgets it on clear', async () => {
    const storage = new MemoryStorage()
    const host = createWebHost({ storage, fetchFn: answering({}) })
    expect(await host.getEnrollment()).toBeNull()
    await host.saveEnrollment(enrollment)
    expect(await createWebHost({ storage, fetchFn: answering({}) }).getEnrollment()).toEqual(enrollment)
    await host.clearEnrollment()
    expect(await host.getEnrollment()).toBeNull()
  })

  it('treats a damaged stored enrollment as none, so the kiosk enrolls again', async () => {
    const storage = new MemoryStorage()
    storage.setItem('kiosk.enrollment', '{"deviceId":')
    expect(await createWebHost({ storage }).getEnrollment()).toBeNull()
    storage.setItem('kiosk.enrollment', JSON.stringify({ ...enrollment, token: 'short' }))
    expect(await createWebHost({ storage }).getEnrollment()).toBeNull()
  })

  it('refuses to save an enrollment that is not one', async () => {
    const host = createWebHost({ storage: new MemoryStorage() })
    await expect(host.saveEnrollment({ ...enrollment, platformUrl: 'not a url' })).rejects.toThrow()
  })

  it('reads provisioning.json beside the page, and ignores a missing or malformed one', async () => {
    const storage = new MemoryStorage()
    const provisioned = { platformUrl: 'https://platform.example', enrollCode: 'DEMO2026', retentionDays: 90 }
    expect(await createWebHost({ storage, fetchFn: answering(provisioned) }).getProvisioning()).toEqual(provisioned)
    expect(await createWebHost({ storage, fetchFn: answering('', 404) }).getProvisioning()).toBeNull()
    expect(await createWebHost({ storage, fetchFn: answering('<html>') }).getProvisioning()).toBeNull()
    expect(await createWebHost({ storage, fetchFn: answering({ platformUrl: 'ftp://x', enrollCode: 'DEMO2026' }) }).getProvisioning()).toBeNull()
    expect(await createWebHost({ storage, fetchFn: answering({ ...provisioned, retentionDays: 0 }) }).getProvisioning()).toBeNull()
  })

  it('says it is the web shell, not a locked-down kiosk', async () => {
    expect(await createWebHost({ storage: new MemoryStorage(), version: '1.2.3' }).getAppInfo()).toEqual({ version: '1.2.3', shell: 'web', kiosk: false })
  })
})
