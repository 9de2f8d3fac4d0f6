import 'fake-indexeddb/auto'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { DEFAULT_STAFF_IDLE_SECONDS, hashPin, settingsOf, type StaffMember } from '../../../shared/index'
import { getDb } from '../../../renderer/db/index'
import {
  DRAFT_MAX_AGE_MS,
  PIN_LOCKOUT,
  getStaffLocalDb,
  listIntakeDrafts,
  purgeIntakeDrafts,
  saveIntakeDraft,
} from '../../../renderer/db/staff-local'
import { useProvisioningStore } from '../../../renderer/stores/provisioning'
import { useStaffStore } from '../../../renderer/stores/staff'

/** Provisions this test's kiosk as IT would, with or without a staff idle time in seconds. */
function provisionStaffIdle(staff: number | undefined): void {
  const provisioning = { platformUrl: 'https://platform.example', adminPinHash: 'never read here', ...(staff ? { idleTimeouts: { staff } } : {}) }
  useProvisioningStore().state = { status: 'ok', settings: settingsOf(provisioning) }
}

const PIN = '135790'
let clerk: StaffMember
let noPin: StaffMember

beforeAll(async () => {
  clerk = { id: 'HZ1001', name: '沈佳怡', departmentId: 'service-center', role: 'clerk', pinHash: await hashPin(PIN, { iterations: 200_000 }) }
  noPin = { id: 'HZ1009', name: '无密码', departmentId: 'hrss', role: 'handler' }
})

beforeEach(async () => {
  setActivePinia(createPinia())
  await Promise.all([...getDb().tables, ...getStaffLocalDb().tables].map((t) => t.clear()))
  await getDb().staff.bulkPut([clerk, noPin])
})

afterEach(() => {
  vi.useRealTimers()
})

describe('staff sign-in', () => {
  it('signs in by staff number in any case and PIN, and keeps no hash in the member', async () => {
    const store = useStaffStore()
    const result = await store.signIn('hz1001', PIN)
    expect(result.ok).toBe(true)
    expect(store.member).toEqual({ id: 'HZ1001', name: '沈佳怡', departmentId: 'service-center', role: 'clerk' })
    expect(JSON.stringify(store.member)).not.toContain('pbkdf2')
    store.signOut()
    expect(store.member).toBeNull()
    expect(store.lastSignOut).toBe('user')
  })

  it('answers an unknown number, a member without a PIN and a wrong PIN alike', async () => {
    const store = useStaffStore()
    expect(await store.signIn('NOBODY', PIN)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 })
    expect(await store.signIn('HZ1009', PIN)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 })
    expect(await store.signIn('HZ1001', '000000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 })
    expect(store.member).toBeNull()
  })

  it('locks a staff number after five wrong PINs for five minutes, in the device database, then lets the right PIN in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-30T01:00:00Z'))
    const store = useStaffStore()
    for (let left = 4; left >= 1; left--) expect(await store.signIn('HZ1001', '000000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: left })
    expect(await store.signIn('HZ1001', '000000')).toEqual({ ok: false, reason: 'locked', retryAfterMs: PIN_LOCKOUT.lockMs })
    // The right PIN is refused while locked, and a fresh store (a reload) sees the same lock.
    vi.setSystemTime(new Date('2026-11-30T01:04:00Z'))
    setActivePinia(createPinia())
    const reloaded = useStaffStore()
    expect(await reloaded.signIn('HZ1001', PIN)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 60_000 })
    expect(await reloaded.lockedFor('HZ1001')).toBe(60_000)
    // Another person is not locked.
    expect(await reloaded.lockedFor('HZ1009')).toBe(0)
    vi.setSystemTime(new Date('2026-11-30T01:05:00Z'))
    expect((await reloaded.signIn('HZ1001', PIN)).ok).toBe(true)
    // The count starts again after a right PIN.
    reloaded.signOut()
    expect(await reloaded.signIn('HZ1001', '000000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 })
  })

  it.each([
    { set: undefined, minutes: 10 },
    { set: 300, minutes: 5 },
  ])("signs out after IT's idleTimeouts.staff ($set s; none: ten minutes) without a touch; a touch starts it again; listeners run first", async ({ set, minutes }) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    provisionStaffIdle(set)
    const store = useStaffStore()
    expect(store.idleMs).toBe(minutes * 60_000)
    await store.signIn('HZ1001', PIN)
    const seen: Array<string | null> = []
    store.beforeSignOut((reason) => seen.push(`${reason}:${store.member?.id ?? null}`))
    vi.advanceTimersByTime((minutes - 1) * 60_000)
    store.touch()
    vi.advanceTimersByTime(minutes * 60_000 - 1000)
    expect(store.member?.id).toBe('HZ1001')
    vi.advanceTimersByTime(1000)
    expect(store.member).toBeNull()
    expect(store.lastSignOut).toBe('idle')
    expect(seen).toEqual(['idle:HZ1001'])
  })

  it('uses the ten-minute default before provisioning has been read', () => {
    expect(useStaffStore().idleMs).toBe(DEFAULT_STAFF_IDLE_SECONDS * 1000)
    expect(DEFAULT_STAFF_IDLE_SECONDS).toBe(600)
  })
})

describe('staff list changes', () => {
  it('signs out a person deactivated or whose PIN was reset since they signed in, and follows a new role', async () => {
    const store = useStaffStore()
    await store.signIn('HZ1001', PIN)
    await getDb().staff.put({ ...clerk, role: 'lead' })
    await store.recheck()
    expect(store.member?.role).toBe('lead')
    await getDb().staff.put({ ...clerk, pinHash: await hashPin(PIN, { iterations: 200_000 }) })
    await store.recheck()
    expect(store.member).toBeNull()
    expect(store.lastSignOut).toBe('removed')

    setActivePinia(createPinia())
    const again = useStaffStore()
    await again.signIn('HZ1001', PIN)
    await getDb().staff.delete('HZ1001')
    await again.recheck()
    expect(again.member).toBeNull()
  })
})

describe('assisted intake drafts', () => {
  it('lists a clerk’s own drafts newest first and purges those a day old', async () => {
    const db = getStaffLocalDb()
    const now = Date.parse('2026-11-30T08:00:00Z')
    const row = (id: string, staffId: string, savedAt: number) => ({ id, staffId, savedAt, title: id, locale: 'zh-CN' as const, snapshot: {} })
    await saveIntakeDraft(db, row('old', 'HZ1001', now - DRAFT_MAX_AGE_MS))
    await saveIntakeDraft(db, row('recent', 'HZ1001', now - 3_600_000))
    await saveIntakeDraft(db, row('newest', 'HZ1001', now - 60_000))
    await saveIntakeDraft(db, row('someone-else', 'HZ2003', now - 60_000))
    expect((await listIntakeDrafts(db, 'HZ1001', now)).map((r) => r.id)).toEqual(['newest', 'recent'])
    expect(await purgeIntakeDrafts(db, now)).toBe(1)
    expect(await db.drafts.get('old')).toBeUndefined()
    expect(await db.drafts.count()).toBe(3)
  })
})
