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
let deps: HostIpcDeps & { printReceipt: ReturnType<typeof vi.fn> }
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
    provisioning: () => ({ platformUrl: 'https://zlb.zj.gov.cn/', enrollCode: 'HZ01ABCD' }),
    printReceipt: vi.fn(async () => ({ ok: true as const })),
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
    await expect(ipc.invoke(IPC_CHANNELS.getProvisioning, app)).resolves.toEqual({ platformUrl: 'https://zlb.zj.gov.cn/', enrollCode: 'HZ01ABCD' })
    await expect(ipc.invoke(IPC_CHANNELS.printReceipt, app, RECEIPT)).resolves.toEqual({ ok: true })
    expect(deps.printReceipt).toHaveBeenCalledWith(RECEIPT)
  })

  it('answers the dev server page only when the context trusts it', async () => {
    await expect(ipc.invoke(IPC_CHANNELS.getAppInfo, eventFrom('http://localhost:5173/'))).rejects.toThrow(/not the kiosk app/)
  })

  describe.each(HOST_METHODS)('%s refuses an untrusted caller', (method) => {
    const channel = () => IPC_CHANNELS[method]
    const args = () => (method === 'saveEnrollment' ? [ENROLLMENT] : method === 'printReceipt' ? [RECEIPT] : [])

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
      expect(deps.printReceipt).not.toHaveBeenCalled()
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
