import type { InvokeEvent, IpcMainLike } from '../../../electron/main/ipc/guard'

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown

/**
 * ipcMain as the handlers meet it: arguments and results are structured-cloned on every call, as
 * Electron's IPC serialization does, so a handler that relies on a shared reference, a prototype
 * or a function in its input fails here as it would in the app.
 */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>()

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  async invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    const sent = structuredClone(args)
    try {
      return structuredClone(await listener(event, ...sent))
    } catch (error) {
      // Electron hands the renderer a new Error carrying only the message, never the cause.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`)
    }
  }
}

export const OUR_WINDOW = { id: 1 }

export function eventFrom(url: string, options: { sender?: unknown; parent?: unknown; frameGone?: boolean } = {}): InvokeEvent {
  return {
    sender: options.sender ?? OUR_WINDOW,
    senderFrame: options.frameGone ? null : { url, parent: options.parent ?? null },
  }
}
