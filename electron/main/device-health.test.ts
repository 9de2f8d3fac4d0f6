import type { statfsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { deviceHealth, freeDiskBytes, printerState, within } from './device-health'

const PRINTERS = [{ name: 'Microsoft Print to PDF' }, { name: 'EPSON TM-T82III' }]

describe('printerState', () => {
  it('is ready when the provisioned printer is there and its last job went through', () => {
    expect(printerState('EPSON TM-T82III', PRINTERS, { ok: true })).toEqual({ state: 'ready', name: 'EPSON TM-T82III' })
    expect(printerState('EPSON TM-T82III', PRINTERS, null)).toEqual({ state: 'ready', name: 'EPSON TM-T82III' })
  })

  it('is missing when the provisioned printer is not installed, or no printer is', () => {
    expect(printerState('EPSON TM-T82III', [{ name: 'Microsoft Print to PDF' }], null)).toMatchObject({ state: 'missing', name: 'EPSON TM-T82III' })
    expect(printerState(undefined, [], null)).toMatchObject({ state: 'missing' })
  })

  it('is in error when its last job failed, but not when someone cancelled the dialog', () => {
    expect(printerState('EPSON TM-T82III', PRINTERS, { ok: false, reason: 'failed: out of paper' })).toEqual({ state: 'error', name: 'EPSON TM-T82III', detail: 'failed: out of paper' })
    expect(printerState(undefined, PRINTERS, { ok: false, reason: 'cancelled' })).toEqual({ state: 'ready' })
  })

  it('is unknown when the printer list cannot be read', () => {
    expect(printerState('EPSON TM-T82III', null, null)).toEqual({ state: 'unknown', name: 'EPSON TM-T82III' })
  })
})

describe('freeDiskBytes', () => {
  it('reads the free space of a real directory', () => {
    expect(freeDiskBytes(tmpdir())).toBeGreaterThan(0)
  })

  it('multiplies the blocks free to users by the block size', () => {
    const statfs = (() => ({ bavail: 1000, bsize: 4096 })) as unknown as typeof statfsSync
    expect(freeDiskBytes('/data', statfs)).toBe(4_096_000)
  })

  it('is null when the system does not say', () => {
    const statfs = (() => {
      throw new Error('ENOSYS')
    }) as unknown as typeof statfsSync
    expect(freeDiskBytes('/data', statfs)).toBeNull()
  })
})

describe('deviceHealth', () => {
  it('gathers disk, printer, update and the last error, without anything personal', async () => {
    const health = await deviceHealth({
      dataPath: '/data',
      printerName: undefined,
      listPrinters: async () => {
        throw new Error('no CUPS')
      },
      lastPrint: () => null,
      update: () => ({ state: 'idle' }),
      lastError: () => ({ at: '2026-03-03T02:00:00.000Z', message: 'renderer error: bad mobile 13812345678' }),
      statfs: (() => ({ bavail: 1, bsize: 512 })) as unknown as typeof statfsSync,
    })
    expect(health).toEqual({
      freeDiskBytes: 512,
      printer: { state: 'unknown' },
      update: { state: 'idle' },
      lastError: { at: '2026-03-03T02:00:00.000Z', message: 'renderer error: bad mobile …' },
    })
  })
})

describe('within', () => {
  it('answers the fallback when the printer list never comes, and the list when it does', async () => {
    expect(await within(new Promise<string[]>(() => {}), 10, null)).toBeNull()
    expect(await within(Promise.resolve(['EPSON']), 1000, null)).toEqual(['EPSON'])
    expect(await within(Promise.reject(new Error('spooler')), 1000, null)).toBeNull()
  })

  it('reports the printer as unknown rather than hang when the spooler does not answer', async () => {
    const health = await deviceHealth({
      dataPath: '/data',
      printerName: 'EPSON',
      listPrinters: () => new Promise(() => {}),
      lastPrint: () => null,
      update: () => ({ state: 'idle' }),
      lastError: () => null,
      printerTimeoutMs: 10,
    })
    expect(health.printer).toEqual({ state: 'unknown', name: 'EPSON' })
  })
})
