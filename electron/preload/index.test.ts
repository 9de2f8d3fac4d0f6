import { beforeAll, describe, expect, it, vi } from 'vitest'
import { HOST_METHODS, type HostApi } from '../../shared/host'
import { IPC_CHANNELS } from '../ipc-channels'

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => 'answer'),
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: { invoke: electron.invoke, send: vi.fn(), on: vi.fn() },
}))

let host: HostApi
beforeAll(async () => {
  await import('./index')
  host = electron.exposed.get('kioskHost') as HostApi
})

describe('preload', () => {
  it('exposes only window.kioskHost', () => {
    expect([...electron.exposed.keys()]).toEqual(['kioskHost'])
  })

  it('exposes exactly the HostApi methods, and nothing of ipcRenderer', () => {
    expect(Object.keys(host).sort()).toEqual([...HOST_METHODS].sort())
    for (const value of Object.values(host)) expect(typeof value).toBe('function')
    expect(Object.values(host)).not.toContain(electron.invoke)
  })

  it.each(HOST_METHODS)('%s invokes its own channel and passes its argument on', async (method) => {
    electron.invoke.mockClear()
    const arg = { marker: method }
    const call = host[method] as (arg?: unknown) => Promise<unknown>
    await expect(call(arg)).resolves.toBe('answer')
    const [channel, ...rest] = electron.invoke.mock.calls[0] ?? []
    expect(channel).toBe(IPC_CHANNELS[method])
    const takesArgument = ['saveEnrollment', 'printReceipt', 'checkAdminPin', 'setVisitorActive', 'logError', 'exportCsv'].includes(method)
    expect(rest).toEqual(takesArgument ? [arg] : [])
  })
})
