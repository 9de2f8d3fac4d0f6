import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from './log'
import { exportLogs } from './log-export'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-export-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('exportLogs', () => {
  it('saves every kept line, oldest first, where IT chose in the save dialog', async () => {
    const log = createLogger({ dir: join(dir, 'logs'), maxBytes: 200, keep: 2 })
    for (let i = 0; i < 12; i++) log.info(`line ${i}`, { pad: 'x'.repeat(40) })
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: join(dir, 'usb', 'out.jsonl') }))
    const written: Record<string, string> = {}
    const result = await exportLogs({
      files: () => log.files(),
      showSaveDialog,
      defaultDir: '/media/usb',
      kioskName: () => 'HZ01-K03',
      log: { info: vi.fn(), warn: vi.fn() },
      now: () => new Date('2026-03-03T02:15:00Z'),
      writeFile: (path, text) => void (written[path] = text),
    })
    expect(result).toEqual({ ok: true, file: 'out.jsonl' })
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join('/media/usb', 'kiosk-log-HZ01-K03-20260303-1015.jsonl') }))
    const exported = written[join(dir, 'usb', 'out.jsonl')]!.trimEnd().split('\n').map((l) => JSON.parse(l).msg as string)
    const numbers = exported.map((m) => Number(m.split(' ')[1]))
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(numbers.at(-1)).toBe(11)
  })

  it('writes nothing when IT cancels the dialog', async () => {
    const writeFile = vi.fn()
    const result = await exportLogs({
      files: () => [],
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      defaultDir: dir,
      kioskName: () => null,
      log: { info: vi.fn(), warn: vi.fn() },
      writeFile,
    })
    expect(result).toEqual({ ok: false, reason: 'cancelled' })
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('says why when the drive refuses the file', async () => {
    const log = createLogger({ dir: join(dir, 'logs') })
    log.info('one line')
    const result = await exportLogs({
      files: () => log.files(),
      showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'no-such-dir', 'out.jsonl') }),
      defaultDir: dir,
      kioskName: () => 'HZ01-K03',
      log: { info: vi.fn(), warn: vi.fn() },
    })
    expect(result).toMatchObject({ ok: false, reason: 'failed', detail: expect.stringContaining('ENOENT') })
  })

  it('really writes the file by default', async () => {
    const log = createLogger({ dir: join(dir, 'logs') })
    log.error('renderer error', { message: 'boom' })
    const target = join(dir, 'out.jsonl')
    await exportLogs({ files: () => log.files(), showSaveDialog: async () => ({ canceled: false, filePath: target }), defaultDir: dir, kioskName: () => null, log: { info: vi.fn(), warn: vi.fn() } })
    expect(readFileSync(target, 'utf8')).toContain('"message":"boom"')
  })
})
