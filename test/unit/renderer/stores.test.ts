import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { effectScope, nextTick, ref } from 'vue'
import { getDb } from '../../../renderer/db/index'
import { useDeviceStore } from '../../../renderer/stores/device'
import { SubmitError, useRequestSync, useRequestsStore } from '../../../renderer/stores/requests'
import { useSyncStore } from '../../../renderer/stores/sync'
import { appealDraft } from './drafts'

const enrollment = {
  deviceId: 'device-k07',
  kioskCode: 'K07',
  centerId: 'center-hz01',
  centerCode: 'HZ01',
  centerName: { zh: '杭州市企业综合服务中心', en: 'Hangzhou Enterprise Service Center' },
  token: 'device-token-0123456789abcdef',
  platformUrl: 'http://platform.test',
}

async function until(cond: () => boolean): Promise<void> {
  const end = Date.now() + 3000
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('requests store', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    const db = getDb()
    await Promise.all(db.tables.map((t) => t.clear()))
  })

  it('refuses to take an intake before the kiosk is enrolled', async () => {
    const error = await useRequestsStore().submit(appealDraft()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SubmitError)
    expect((error as SubmitError).code).toBe('notEnrolled')
    expect(await getDb().requests.count()).toBe(0)
  })

  it('submits with the enrollment, finds the request by ticket, and follows its sync state live', async () => {
    useDeviceStore().enrollment = enrollment
    const store = useRequestsStore()
    const request = await store.submit(appealDraft())
    expect(request.ticketNo).toMatch(/^HZ01-K07-\d{8}-0001$/)
    // As a visitor types it: lower case, no dashes; the check code from the receipt.
    const typed = request.ticketNo.toLowerCase().replaceAll('-', '')
    expect((await store.track(typed, request.checkCode!.toLowerCase()))?.status).toBe('submitted')
    expect(await store.track(typed, 'ZZZZZZ')).toBeUndefined()

    const scope = effectScope()
    const id = ref<string | undefined>(undefined)
    const state = scope.run(() => useRequestSync(id))!
    id.value = request.id
    await nextTick()
    await until(() => state.value === 'pending')
    const [row] = await getDb().outbox.toArray()
    await getDb().outbox.update(row!.eventId, { state: 'rejected', reason: 'test' })
    await until(() => state.value === 'rejected')
    await getDb().outbox.clear()
    await until(() => state.value === 'synced')
    scope.stop()
  })

  it('tells staff when the disk is full and the intake was not saved', async () => {
    useDeviceStore().enrollment = enrollment
    const quota = () => {
      throw new DOMException('full', 'QuotaExceededError')
    }
    getDb().outbox.hook('creating', quota)
    try {
      const error = await useRequestsStore().submit(appealDraft()).catch((e: unknown) => e)
      expect((error as SubmitError).code).toBe('quota')
      expect(useSyncStore().storageFull).toBe(true)
      expect(await getDb().requests.count()).toBe(0)
    } finally {
      getDb().outbox.hook('creating').unsubscribe(quota)
    }
  })
})
