import { describe, expect, it, vi } from 'vitest'
import { hashPin, MIN_PIN_ITERATIONS } from '../../shared/pin'
import { createAdminPin } from './admin-pin'

describe('admin PIN in main', () => {
  it('accepts the provisioned PIN and logs each try without the PIN', async () => {
    const log = { info: vi.fn(), warn: vi.fn() }
    const check = createAdminPin(await hashPin('246810', { iterations: MIN_PIN_ITERATIONS }), log)
    expect(await check('135790')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 })
    expect(await check('246810')).toEqual({ ok: true })
    expect(log.warn).toHaveBeenCalledWith('admin PIN: wrong PIN', { attemptsLeft: 4 })
    expect(log.info).toHaveBeenCalledWith('admin PIN: accepted')
    expect(JSON.stringify([...log.info.mock.calls, ...log.warn.mock.calls])).not.toMatch(/246810|135790/)
  })

  it('refuses every PIN when no valid hash is provisioned', async () => {
    const log = { info: vi.fn(), warn: vi.fn() }
    expect(await createAdminPin(undefined, log)('246810')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 0 })
  })
})
