import { describe, expect, it, vi } from 'vitest'
import { exportCsv } from './csv-export'

const FILE = { name: '统计-2026-11.csv', content: '\uFEFF指标,数量\r\n' }

function options(choice: { canceled: boolean; filePath?: string }, writeFile = vi.fn()) {
  const showSaveDialog = vi.fn(async (_options: object) => ({ canceled: choice.canceled, filePath: choice.filePath ?? '' }))
  return { showSaveDialog, defaultDir: '/home/staff/Documents', log: { info: vi.fn(), warn: vi.fn() }, writeFile }
}

describe('exportCsv (main)', () => {
  it('asks where in the save dialog, opening at the documents folder with the suggested name, and writes the text as given', async () => {
    const opts = options({ canceled: false, filePath: '/media/usb/统计-2026-11.csv' })
    await expect(exportCsv(FILE, opts)).resolves.toEqual({ ok: true, file: '统计-2026-11.csv' })
    expect(opts.showSaveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: '/home/staff/Documents/统计-2026-11.csv', filters: [{ extensions: ['csv'] }] })
    expect(opts.writeFile).toHaveBeenCalledWith('/media/usb/统计-2026-11.csv', FILE.content)
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const opts = options({ canceled: true })
    await expect(exportCsv(FILE, opts)).resolves.toEqual({ ok: false, reason: 'cancelled' })
    expect(opts.writeFile).not.toHaveBeenCalled()
  })

  it('says why when the disk refuses', async () => {
    const opts = options({ canceled: false, filePath: '/media/usb/x.csv' }, vi.fn(() => {
      throw new Error('EROFS: read-only file system')
    }))
    await expect(exportCsv(FILE, opts)).resolves.toEqual({ ok: false, reason: 'failed', detail: 'EROFS: read-only file system' })
    expect(opts.log.warn).toHaveBeenCalled()
  })
})
