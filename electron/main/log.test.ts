import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from './log'

let dir: string
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'kiosk-log-')), 'logs')
})
afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true })
})

const lines = (name: string) =>
  readFileSync(join(dir, name), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('createLogger', () => {
  it('writes one JSON object per line, creating the folder', () => {
    const log = createLogger({ dir, now: () => new Date('2026-11-28T01:00:00Z') })
    log.info('app started', { version: '0.1.0' })
    log.warn('provisioning file invalid', { path: 'C:\\kiosk\\provisioning.json' })
    expect(lines('main.log')).toEqual([
      { at: '2026-11-28T01:00:00.000Z', level: 'info', msg: 'app started', version: '0.1.0' },
      { at: '2026-11-28T01:00:00.000Z', level: 'warn', msg: 'provisioning file invalid', path: 'C:\\kiosk\\provisioning.json' },
    ])
  })

  it('records errors with their message instead of {}', () => {
    const log = createLogger({ dir })
    log.error('print failed', { error: new Error('no printer') })
    const [entry] = lines('main.log')
    expect(entry?.error).toMatchObject({ name: 'Error', message: 'no printer' })
  })

  it('remembers the latest error for the IT screen and the heartbeat', () => {
    const log = createLogger({ dir, now: () => new Date('2026-11-28T01:00:00Z') })
    expect(log.lastError()).toBeNull()
    log.error('print failed', { error: new Error('no printer') })
    log.warn('only a warning')
    expect(log.lastError()).toEqual({ at: '2026-11-28T01:00:00.000Z', message: 'print failed: no printer' })
    log.error('renderer error', { message: 'x is undefined' })
    expect(log.lastError()?.message).toBe('renderer error: x is undefined')
  })

  it('lists its files oldest first, for the export', () => {
    const log = createLogger({ dir, maxBytes: 200, keep: 2 })
    for (let i = 0; i < 20; i++) log.info(`line ${i}`, { pad: 'x'.repeat(60) })
    expect(log.files()).toEqual([join(dir, 'main.2.log'), join(dir, 'main.1.log'), join(dir, 'main.log')])
  })

  it('rotates by size and keeps only the newest files', () => {
    const log = createLogger({ dir, maxBytes: 200, keep: 2 })
    for (let i = 0; i < 20; i++) log.info(`line ${i}`, { pad: 'x'.repeat(60) })
    expect(readFileSync(join(dir, 'main.log')).length).toBeLessThanOrEqual(200)
    expect(existsSync(join(dir, 'main.1.log'))).toBe(true)
    expect(existsSync(join(dir, 'main.2.log'))).toBe(true)
    expect(existsSync(join(dir, 'main.3.log'))).toBe(false)
    const newest = lines('main.log').at(-1)
    expect(newest?.msg).toBe('line 19')
    const previous = lines('main.1.log').at(-1)?.msg as string
    expect(Number(previous.split(' ')[1])).toBeLessThan(19)
  })

  it('does not throw when the disk refuses', () => {
    const notADir = join(dir, '..', 'a-file')
    writeFileSync(notADir, '')
    const log = createLogger({ dir: join(notADir, 'logs') })
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => log.info('x')).not.toThrow()
    expect(quiet).toHaveBeenCalled()
    quiet.mockRestore()
  })
})
