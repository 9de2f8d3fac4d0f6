import { describe, expect, it, vi } from 'vitest'
import type { Heartbeat } from '../../shared/index'
import type { Clock } from '../sync/engine'
import { buildHeartbeat, changeKey, HeartbeatReporter, type HeartbeatInputs } from './heartbeat'

const INPUTS: HeartbeatInputs = {
  appInfo: { version: '1.4.2', shell: 'electron', kiosk: true },
  mode: 'visitor',
  sync: { online: true, lastSyncAt: '2026-03-03T01:14:30.000Z', pending: 0, rejected: 0, lastError: null },
  health: { freeDiskBytes: 52_000_000_000.5, printer: { state: 'ready', name: 'EPSON TM-T82III' }, update: { state: 'idle' }, lastError: null },
  storageUsedBytes: 3_400_000,
  now: new Date('2026-03-03T01:15:00Z'),
}

describe('buildHeartbeat', () => {
  it('reports version, mode, sync, disk, printer and update state', () => {
    expect(buildHeartbeat(INPUTS)).toEqual({
      appVersion: '1.4.2',
      shell: 'electron',
      mode: 'visitor',
      sentAt: '2026-03-03T01:15:00.000Z',
      online: true,
      lastSyncAt: '2026-03-03T01:14:30.000Z',
      pendingEvents: 0,
      rejectedEvents: 0,
      freeDiskBytes: 52_000_000_000,
      storageUsedBytes: 3_400_000,
      printer: { state: 'ready', name: 'EPSON TM-T82III' },
      update: { state: 'idle' },
      lastError: null,
    })
  })

  it('carries the current sync failure before an older error of the machine', () => {
    const heartbeat = buildHeartbeat({
      ...INPUTS,
      sync: { ...INPUTS.sync, online: false, lastError: 'platform unreachable: Failed to fetch' },
      health: { ...INPUTS.health, lastError: { at: '2026-03-02T01:00:00.000Z', message: 'print failed' } },
    })
    expect(heartbeat.lastError).toEqual({ at: '2026-03-03T01:15:00.000Z', message: 'platform unreachable: Failed to fetch' })
    expect(buildHeartbeat({ ...INPUTS, health: { ...INPUTS.health, lastError: { at: '2026-03-02T01:00:00.000Z', message: 'print failed' } } }).lastError).toEqual({
      at: '2026-03-02T01:00:00.000Z',
      message: 'print failed',
    })
  })

  it('lets nothing personal through, even inside an error message', () => {
    const heartbeat = buildHeartbeat({
      ...INPUTS,
      sync: { ...INPUTS.sync, lastError: 'rejected: contact.mobile 13812345678 for 91330106MA2KXXXX1U' },
    })
    const text = JSON.stringify(heartbeat)
    expect(text).not.toMatch(/13812345678|91330106MA2KXXXX1U/)
    expect(Object.keys(heartbeat).sort()).toEqual(
      ['appVersion', 'freeDiskBytes', 'lastError', 'lastSyncAt', 'mode', 'online', 'pendingEvents', 'printer', 'rejectedEvents', 'sentAt', 'shell', 'storageUsedBytes', 'update'].sort(),
    )
  })
})

describe('changeKey', () => {
  const base = buildHeartbeat(INPUTS)
  it('ignores what moves all the time', () => {
    expect(changeKey({ ...base, sentAt: '2026-03-03T02:00:00.000Z', lastSyncAt: '2026-03-03T01:59:30.000Z', storageUsedBytes: 9, freeDiskBytes: 40_000_000_000 })).toBe(changeKey(base))
  })

  it.each<[string, Partial<Heartbeat>]>([
    ['pending events', { pendingEvents: 3 }],
    ['refused events', { rejectedEvents: 1 }],
    ['going offline', { online: false }],
    ['the printer failing', { printer: { state: 'error' } }],
    ['an update downloaded', { update: { state: 'downloaded', version: '1.5.0' } }],
    ['a new version', { appVersion: '1.5.0' }],
    ['a disk running low', { freeDiskBytes: 500_000_000 }],
    ['a new error', { lastError: { at: base.sentAt, message: 'HTTP 503' } }],
  ])('changes with %s', (_name, patch) => {
    expect(changeKey({ ...base, ...patch })).not.toBe(changeKey(base))
  })
})

/** A clock whose timers run only when the test moves time. */
function manualClock(start = 0) {
  let now = start
  const timers: Array<{ at: number; fn: () => void }> = []
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn }
      timers.push(timer)
      return timer
    },
    clearTimeout: (handle) => {
      const i = timers.indexOf(handle as (typeof timers)[number])
      if (i >= 0) timers.splice(i, 1)
    },
  }
  return {
    clock,
    async advance(ms: number) {
      const until = now + ms
      // Let a round already under way (its awaits are promise jobs) finish and set its next timer.
      await new Promise((r) => setTimeout(r, 0))
      for (;;) {
        timers.sort((a, b) => a.at - b.at)
        const next = timers[0]
        if (!next || next.at > until) break
        timers.shift()
        now = next.at
        next.fn()
        await new Promise((r) => setTimeout(r, 0))
      }
      now = until
    },
  }
}

describe('HeartbeatReporter', () => {
  function setup(state: { heartbeat: Heartbeat | null }, send = vi.fn(async (_h: Heartbeat) => {})) {
    const time = manualClock()
    const reporter = new HeartbeatReporter({ collect: async () => state.heartbeat, send, clock: time.clock, intervalMs: 300_000, checkMs: 30_000 })
    return { time, reporter, send }
  }

  it('reports at start, then every five minutes while nothing changes', async () => {
    const { time, reporter, send } = setup({ heartbeat: buildHeartbeat(INPUTS) })
    reporter.start()
    await time.advance(0)
    expect(send).toHaveBeenCalledTimes(1)
    await time.advance(299_000)
    expect(send).toHaveBeenCalledTimes(1)
    await time.advance(31_000)
    expect(send).toHaveBeenCalledTimes(2)
    expect(reporter.status.lastSentAt).toBe('2026-03-03T01:15:00.000Z')
  })

  it('reports a change within the check period', async () => {
    const state = { heartbeat: buildHeartbeat(INPUTS) as Heartbeat | null }
    const { time, reporter, send } = setup(state)
    reporter.start()
    await time.advance(0)
    state.heartbeat = { ...state.heartbeat!, pendingEvents: 4 }
    await time.advance(30_000)
    expect(send).toHaveBeenCalledTimes(2)
    expect(send.mock.calls[1]?.[0].pendingEvents).toBe(4)
  })

  it('says nothing while the kiosk is not enrolled', async () => {
    const { time, reporter, send } = setup({ heartbeat: null })
    reporter.start()
    await time.advance(600_000)
    expect(send).not.toHaveBeenCalled()
  })

  it('tries again after a failed send, backing off, and records why', async () => {
    let fail = true
    const send = vi.fn(async () => {
      if (fail) throw new Error('platform unreachable: Failed to fetch')
    })
    const { time, reporter } = setup({ heartbeat: buildHeartbeat(INPUTS) }, send)
    reporter.start()
    await time.advance(0)
    expect(reporter.status.lastError).toBe('platform unreachable: Failed to fetch')
    await time.advance(30_000)
    expect(send).toHaveBeenCalledTimes(2)
    await time.advance(30_000)
    expect(send).toHaveBeenCalledTimes(2)
    fail = false
    await time.advance(30_000)
    expect(send).toHaveBeenCalledTimes(3)
    expect(reporter.status.lastError).toBeNull()
  })

  it('stops', async () => {
    const { time, reporter, send } = setup({ heartbeat: buildHeartbeat(INPUTS) })
    reporter.start()
    await time.advance(0)
    reporter.stop()
    await time.advance(3_600_000)
    expect(send).toHaveBeenCalledTimes(1)
  })
})
