import { z } from 'zod'
import type { HOST_METHODS, HostApi } from '../../../shared/host'
import { IPC_CHANNELS } from '../../ipc-channels'
import type { Logger } from '../log'

export type HostMethod = (typeof HOST_METHODS)[number]
export type HostResult<M extends HostMethod> = Awaited<ReturnType<HostApi[M]>>
export type Cleanup = () => void

/** What a handler sees of Electron's IpcMainInvokeEvent; a plain object in tests. */
export interface InvokeEvent {
  sender: unknown
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

/** Who may call: the main frame of our one window, showing our own page. */
export interface IpcContext {
  isOurWindow(sender: unknown): boolean
  isTrustedUrl(url: string): boolean
  log: Pick<Logger, 'warn'>
}

/** Thrown to the renderer, which sees the message in its rejected promise. */
export class IpcRefused extends Error {
  override name = 'IpcRefused'
}

export function assertTrustedSender(channel: string, event: InvokeEvent, context: IpcContext): void {
  const frame = event.senderFrame
  if (frame === null) throw new IpcRefused(`${channel}: refused, the calling frame no longer exists`)
  if (!context.isOurWindow(event.sender)) throw new IpcRefused(`${channel}: refused, the caller is not the kiosk window`)
  // An iframe, even one of ours, has no business with the host API.
  if (frame.parent !== null) throw new IpcRefused(`${channel}: refused, the caller is not the main frame`)
  if (!context.isTrustedUrl(frame.url)) throw new IpcRefused(`${channel}: refused, the caller's page ${JSON.stringify(frame.url)} is not the kiosk app`)
}

/**
 * Registers the handler of one HostApi method behind the sender check and a run-time check of
 * its arguments. The schema is typed as that method's parameters and the handler as its result,
 * so the compiler proves main answers exactly what shared/host.ts promises.
 */
export function handleHostMethod<M extends HostMethod>(
  ipcMain: IpcMainLike,
  method: M,
  context: IpcContext,
  argsSchema: z.ZodType<Parameters<HostApi[M]>>,
  handler: (args: Parameters<HostApi[M]>) => HostResult<M> | Promise<HostResult<M>>,
): Cleanup {
  const channel = IPC_CHANNELS[method]
  ipcMain.handle(channel, (event, ...args) => {
    try {
      assertTrustedSender(channel, event, context)
    } catch (error) {
      context.log.warn('ipc: call refused', { channel, reason: (error as Error).message })
      throw error
    }
    const parsed = argsSchema.safeParse(args)
    if (!parsed.success) {
      const problem = z.prettifyError(parsed.error)
      context.log.warn('ipc: wrong arguments', { channel, problem })
      throw new IpcRefused(`${channel}: wrong arguments: ${problem}`)
    }
    return handler(parsed.data)
  })
  return () => ipcMain.removeHandler(channel)
}
