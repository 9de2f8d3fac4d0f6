import { describe, expect, it, vi } from 'vitest'
import { createRendererErrorLog } from './renderer-errors'

describe('renderer errors in the log', () => {
  it('writes each error with its source, message and stack, cutting out what looks personal', () => {
    const log = { error: vi.fn(), warn: vi.fn() }
    createRendererErrorLog(log)({ source: 'vue', message: 'mobile 13812345678 is not valid', stack: 'at submit (app://kiosk/assets/index.js:1:2345)' })
    expect(log.error).toHaveBeenCalledWith('renderer error', { source: 'vue', message: 'mobile … is not valid', stack: 'at submit (app://kiosk/assets/index.js:1:2345)' })
  })

  it('writes at most 30 a minute, then says how many it dropped', () => {
    const log = { error: vi.fn(), warn: vi.fn() }
    let now = 0
    const write = createRendererErrorLog(log, { now: () => now })
    for (let i = 0; i < 100; i++) write({ source: 'error', message: `loop ${i}` })
    expect(log.error).toHaveBeenCalledTimes(30)
    now = 60_000
    write({ source: 'error', message: 'after' })
    expect(log.warn).toHaveBeenCalledWith('renderer errors dropped (too many)', { dropped: 70 })
    expect(log.error).toHaveBeenCalledTimes(31)
  })
})
