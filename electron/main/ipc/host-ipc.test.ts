import { beforeEach, describe, expect, it, vi } from 'vitest'
import { HOST_METHODS, type ReceiptDocument } from '../../../shared/host'
import type { Enrollment } from '../../../shared/sync'
import { eventFrom, FakeIpcMain, OUR_WINDOW } from '../../../test/unit/electron/fake-ipc-main'
import { IPC_CHANNELS } from '../../ipc-channels'
import { isTrustedUrl } from '../trusted-url'
import type { IpcContext } from './guard'
import { HOST_IPC, registerHostIpc, type HostIpcDeps } from './index'

const APP = 'app://kiosk/index.html'

const ENROLLMENT: Enrollment = {
  deviceId: 'dev-0001',
  kioskCode: 'K03',
  centerId: 'center-hz01',
  centerCode: 'HZ01',
  centerName: { zh: '杭州市企业综合服务中心', en: 'Hangzhou Enterprise Service Center' },
  token: 'tok_0123456789abcdefghijklmnop',
  platformUrl: 'https://zlb.zj.gov.cn/',
}

const RECEIPT: ReceiptDocument = {
  title: '受理回执',
  lines: [{ label: '受理号', value: 'HZ01-K03-20261128-0007' }],
  trackingUrl: 'https://zlb.zj.gov.cn/track/HZ01-K03-20261128-0007',
  footer: '扫码查询办理进度',
}

let ipc: FakeIpcMain
let stored: Enrollment | null
const SETTINGS = { platformUrl: 'https://zlb.zj.gov.cn/', enrollCode: 'HZ01ABCD', retentionDays: 180, mode: 'visitor' as const, idleTimeouts: { visitor: 60, staff: 300 } }
const HEALTH = { freeDiskBytes: 1_000_000, printer: { state: 'ready' as const }, update: { state: 'idle' as const }, lastError: null }

let deps: HostIpcDeps & {
  printReceipt: ReturnType<typeof vi.fn>
  checkAdminPin: ReturnType<typeof vi.fn>
  setVisitorActive: ReturnType<typeof vi.fn>
  logRendererError: ReturnType<typeof vi.fn>
  exportLogs: ReturnType<typeof vi.fn>
  exportCsv: ReturnType<typeof vi.fn>
}
const CSV = { name: '统计-2026-11-01-2026-11-30.csv', content: '\uFEFF指标,数量\r\n受理总数,7\r\n' }
let cleanups: Array<() => void>

beforeEach(() => {
  ipc = new FakeIpcMain()
  stored = null
  const context: IpcContext = {
    isOurWindow: (sender) => sender === OUR_WINDOW,
    isTrustedUrl: (url) => isTrustedUrl(url),
    log: { warn: vi.fn() },
  }
  deps = {
    context,
    log: { info: vi.fn() },
    appInfo: () => ({ version: '0.1.0', shell: 'electron', kiosk: true }),
    enrollment: {
      load: () => stored,
      save: (e) => {
        stored = e
      },
    },
    provisioning: () => ({ status: 'ok', settings: SETTINGS }),
    checkAdminPin: vi.fn(async (pin: string) => (pin === '246810' ? { ok: true as const } : { ok: false as const, reason: 'wrong' as const, attemptsLeft: 4 })),
    printReceipt: vi.fn(async () => ({ ok: true as const })),
    deviceHealth: async () => HEALTH,
    setVisitorActive: vi.fn((_active: boolean) => undefined),
    logRendererError: vi.fn((_error: unknown) => undefined),
    exportLogs: vi.fn(async () => ({ ok: true as const, file: 'kiosk-log.jsonl' })),
    exportCsv: vi.fn(async () => ({ ok: true as const, file: 'figures.csv' })),
  }
  cleanups = registerHostIpc(ipc, deps)
})

describe('host IPC', () => {
  it('registers exactly one channel per HostApi method, from the shared table', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(HOST_METHODS.map((m) => IPC_CHANNELS[m]).sort())
    expect(HOST_IPC.map((c) => c.channel).sort()).toEqual(Object.values(IPC_CHANNELS).sort())
  })

  it('answers good calls from the kiosk page', async () => {
    const app = eventFrom(APP)
    await expect(ipc.invoke(IPC_CHANNELS.getAppInfo, app)).resolves.toEqual({ version: '0.1.0', shell: 'electron', kiosk: true })
    await expect(ipc.invoke(IPC_CHANNELS.getEnrollment, app)).resolves.toBeNull()
    await expect(ipc.invoke(IPC_CHANNELS.saveEnrollment, app, ENROLLMENT)).resolves.toBeUndefined()
    await expect(ipc.invoke(IPC_CHANNELS.getEnrollment, app)).resolves.toEqual(ENROLLMENT)
    await expect(ipc.invoke(IPC_CHANNELS.getProvisioning, app)).resolves.toEqual({ status: 'ok', settings: SETTINGS })
    await expect(ipc.invoke(IPC_CHANNELS.printReceipt, app, RECEIPT)).resolves.toEqual({ ok: true })
    expect(deps.printReceipt).toHaveBeenCalledWith(RECEIPT)
    await expect(ipc.invoke(IPC_CHANNELS.checkAdminPin, app, '246810')).resolves.toEqual({ ok: true })
    await expect(ipc.invoke(IPC_CHANNELS.checkAdminPin, app, '000000')).resolves.toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 })
    await expect(ipc.invoke(IPC_CHANNELS.getDeviceHealth, app)).resolves.toEqual(HEALTH)
    await expect(ipc.invoke(IPC_CHANNELS.setVisitorActive, app, true)).resolves.toBeUndefined()
    expect(deps.setVisitorActive).toHaveBeenCalledWith(true)
    const error = { source: 'vue', message: 'x is undefined', stack: 'at f (app://kiosk/assets/index.js:1:2)' }
    await expect(ipc.invoke(IPC_CHANNELS.logError, app, error)).resolves.toBeUndefined()
    expect(deps.logRendererError).toHaveBeenCalledWith(error)
    await expect(ipc.invoke(IPC_CHANNELS.exportLogs, app)).resolves.toEqual({ ok: true, file: 'kiosk-log.jsonl' })
    await expect(ipc.invoke(IPC_CHANNELS.exportCsv, app, CSV)).resolves.toEqual({ ok: true, file: 'figures.csv' })
    expect(deps.exportCsv).toHaveBeenCalledWith(CSV)
  })

  it('exportCsv takes a file name without a folder, a CSV with its BOM, and nothing too large', async () => {
    const app = eventFrom(APP)
    for (const bad of [
      { ...CSV, name: '../../Startup/run.csv' },
      { ...CSV, name: 'C:\\Windows\\evil.csv' },
      { ...CSV, name: 'figures.bat' },
      { ...CSV, name: '.csv' },
      { ...CSV, content: '指标,数量\r\n' },
      { ...CSV, content: `\uFEFF${'x'.repeat(20_000_000)}` },
      { ...CSV, extra: true, content: 1 },
    ]) {
      await expect(ipc.invoke(IPC_CHANNELS.exportCsv, app, bad)).rejects.toThrow(/wrong arguments/)
    }
    await expect(ipc.invoke(IPC_CHANNELS.exportCsv, app, CSV, 'C:/elsewhere')).rejects.toThrow(/wrong arguments/)
    expect(deps.exportCsv).not.toHaveBeenCalled()
  })

  it('answers the dev server page only when the context trusts it', async () => {
    await expect(ipc.invoke(IPC_CHANNELS.getAppInfo, eventFrom('http://localhost:5173/'))).rejects.toThrow(/not the kiosk app/)
  })

  describe.each(HOST_METHODS)('%s refuses an untrusted caller', (method) => {
    const channel = () => IPC_CHANNELS[method]
    const GOOD_ARGS: Partial<Record<(typeof HOST_METHODS)[number], unknown[]>> = {
      saveEnrollment: [ENROLLMENT],
      printReceipt: [RECEIPT],
      checkAdminPin: ['246810'],
      setVisitorActive: [true],
      logError: [{ source: 'error', message: 'boom' }],
      exportCsv: [CSV],
    }
    const args = () => GOOD_ARGS[method] ?? []

    it.each([
      'https://evil.example/?next=app://kiosk',
      'app://kiosk.evil/index.html',
      'app://user@kiosk/index.html',
      'file:///C:/kiosk/index.html',
      'about:blank',
      '',
    ])('page %s', async (url) => {
      await expect(ipc.invoke(channel(), eventFrom(url), ...args())).rejects.toThrow(/refused/)
      expect(stored).toBeNull()
      for (const handler of [deps.printReceipt, deps.checkAdminPin, deps.setVisitorActive, deps.logRendererError, deps.exportLogs, deps.exportCsv]) expect(handler).not.toHaveBeenCalled()
    })

    it('an iframe inside our own page', async () => {
      await expect(ipc.invoke(channel(), eventFrom(APP, { parent: { url: APP } }), ...args())).rejects.toThrow(/not the main frame/)
    })

    it('another window, such as the print window', async () => {
      await expect(ipc.invoke(channel(), eventFrom(APP, { sender: { id: 2 } }), ...args())).rejects.toThrow(/not the kiosk window/)
    })

    it('a frame that has gone away', async () => {
      await expect(ipc.invoke(channel(), eventFrom(APP, { frameGone: true }), ...args())).rejects.toThrow(/no longer exists/)
    })
  })

  it('logs each refusal for the audit trail', async () => {
    await ipc.invoke(IPC_CHANNELS.getEnrollment, eventFrom('https://evil.example/')).catch(() => {})
    expect(deps.context.log.warn).toHaveBeenCalledWith('ipc: call refused', expect.objectContaining({ channel: IPC_CHANNELS.getEnrollment }))
  })

  it.each([
    ['no enrollment', []],
    ['a string', ['{"deviceId":"x"}']],
    ['a short token', [{ ...ENROLLMENT, token: 'short' }]],
    ['a bad kiosk code', [{ ...ENROLLMENT, kioskCode: 'k-03' }]],
    ['a missing field', [{ ...ENROLLMENT, centerName: undefined }]],
    ['an extra argument', [ENROLLMENT, 'extra']],
  ])('saveEnrollment refuses %s', async (_name, args) => {
    await expect(ipc.invoke(IPC_CHANNELS.saveEnrollment, eventFrom(APP), ...args)).rejects.toThrow(/wrong arguments/)
    expect(stored).toBeNull()
  })

  it.each([
    ['nothing', []],
    ['lines that are not a list', [{ ...RECEIPT, lines: 'x' }]],
    ['a line with a number value', [{ ...RECEIPT, lines: [{ label: '受理号', value: 7 }] }]],
    ['a javascript: tracking URL', [{ ...RECEIPT, trackingUrl: 'javascript:alert(1)' }]],
    ['an unknown field', [{ ...RECEIPT, html: '<b>x</b>' }]],
    ['a novel instead of a receipt', [{ ...RECEIPT, lines: Array.from({ length: 31 }, () => ({ label: 'a', value: 'b' })) }]],
  ])('printReceipt refuses %s', async (_name, args) => {
    await expect(ipc.invoke(IPC_CHANNELS.printReceipt, eventFrom(APP), ...args)).rejects.toThrow(/wrong arguments/)
    expect(deps.printReceipt).not.toHaveBeenCalled()
  })

  it.each([
    ['no PIN', []],
    ['a number', [246810]],
    ['a PIN as long as a novel', ['1'.repeat(33)]],
    ['two PINs at once', ['246810', '135790']],
  ])('checkAdminPin refuses %s, without counting it as a try', async (_name, args) => {
    await expect(ipc.invoke(IPC_CHANNELS.checkAdminPin, eventFrom(APP), ...args)).rejects.toThrow(/wrong arguments/)
    expect(deps.checkAdminPin).not.toHaveBeenCalled()
  })

  it.each([
    ['nothing', []],
    ['a string', ['yes']],
    ['a number', [1]],
  ])('setVisitorActive refuses %s', async (_name, args) => {
    await expect(ipc.invoke(IPC_CHANNELS.setVisitorActive, eventFrom(APP), ...args)).rejects.toThrow(/wrong arguments/)
    expect(deps.setVisitorActive).not.toHaveBeenCalled()
  })

  it.each([
    ['nothing', []],
    ['an unknown source', [{ source: 'console', message: 'x' }]],
    ['a message the size of a disk', [{ source: 'error', message: 'x'.repeat(2001) }]],
    ['a stack the size of a disk', [{ source: 'error', message: 'x', stack: 'x'.repeat(8001) }]],
    ['an extra field', [{ source: 'error', message: 'x', visitor: '张三' }]],
  ])('logError refuses %s', async (_name, args) => {
    await expect(ipc.invoke(IPC_CHANNELS.logError, eventFrom(APP), ...args)).rejects.toThrow(/wrong arguments/)
    expect(deps.logRendererError).not.toHaveBeenCalled()
  })

  it('exportLogs takes no path from the page: main asks IT where to save', async () => {
    await expect(ipc.invoke(IPC_CHANNELS.exportLogs, eventFrom(APP), 'C:/Windows/System32/evil.dll')).rejects.toThrow(/wrong arguments/)
    expect(deps.exportLogs).not.toHaveBeenCalled()
  })

  it('refuses arguments to methods that take none', async () => {
    await expect(ipc.invoke(IPC_CHANNELS.getEnrollment, eventFrom(APP), 'everything')).rejects.toThrow(/wrong arguments/)
  })

  it('prints a receipt without a tracking link (kiosk not enrolled yet)', async () => {
    await expect(ipc.invoke(IPC_CHANNELS.printReceipt, eventFrom(APP), { ...RECEIPT, trackingUrl: '' })).resolves.toEqual({ ok: true })
  })

  it('returns a failed print as a value, not an error', async () => {
    deps.printReceipt.mockResolvedValueOnce({ ok: false, reason: 'timeout' })
    await expect(ipc.invoke(IPC_CHANNELS.printReceipt, eventFrom(APP), RECEIPT)).resolves.toEqual({ ok: false, reason: 'timeout' })
  })

  it('removes every handler on cleanup', () => {
    for (const cleanup of cleanups) cleanup()
    expect(ipc.handlers.size).toBe(0)
  })
})
