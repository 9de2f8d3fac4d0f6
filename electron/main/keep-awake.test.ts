import { afterEach, describe, expect, it, vi } from 'vitest'
import { keepAwakeDuringOpeningHours } from './keep-awake'

afterEach(() => vi.useRealTimers())

function setup(startAt: string, openingHours = [{ days: ['tue'] as Array<'tue'>, from: '09:00', to: '17:00' }]) {
  vi.useFakeTimers()
  vi.setSystemTime(new Date(`${startAt}+08:00`))
  let next = 1
  const started = new Set<number>()
  const powerSaveBlocker = {
    start: vi.fn(() => {
      started.add(next)
      return next++
    }),
    stop: vi.fn((id: number) => started.delete(id)),
  }
  const log = { info: vi.fn() }
  const keeper = keepAwakeDuringOpeningHours({ powerSaveBlocker, openingHours, log })
  return { powerSaveBlocker, started, keeper, log }
}

describe('keepAwakeDuringOpeningHours', () => {
  it('keeps the display awake from opening time, and lets it sleep at closing time', () => {
    const { powerSaveBlocker, started } = setup('2026-03-03T08:58:30')
    expect(powerSaveBlocker.start).not.toHaveBeenCalled()
    vi.advanceTimersByTime(2 * 60_000)
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep')
    expect(started.size).toBe(1)
    vi.advanceTimersByTime(8 * 3_600_000)
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(1)
    expect(started.size).toBe(0)
  })

  it('is awake at once when started during opening hours, and releases the blocker when stopped', () => {
    const { started, keeper } = setup('2026-03-03T10:00:00')
    expect(started.size).toBe(1)
    keeper.stop()
    expect(started.size).toBe(0)
  })

  it('stays awake around the clock when IT set no opening hours', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-03-08T03:00:00+08:00'))
    const powerSaveBlocker = { start: vi.fn(() => 1), stop: vi.fn(() => true) }
    keepAwakeDuringOpeningHours({ powerSaveBlocker, openingHours: undefined, log: { info: vi.fn() } })
    vi.advanceTimersByTime(48 * 3_600_000)
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(1)
    expect(powerSaveBlocker.stop).not.toHaveBeenCalled()
  })
})
