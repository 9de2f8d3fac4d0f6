import type { App } from 'vue'
import type { HostApi, RendererError } from '../../shared/index'

/** Same error again within this long: one line is enough. */
const REPEAT_MS = 10_000

function describe(reason: unknown): { message: string; stack?: string } {
  if (reason instanceof Error) return { message: `${reason.name}: ${reason.message}`, ...(reason.stack ? { stack: reason.stack } : {}) }
  return { message: String(reason) }
}

/**
 * Sends the page's uncaught errors, rejected promises and Vue errors to the host's rotating log,
 * where IT finds them with the main process's own lines. Reporting never throws.
 */
export function reportRendererErrors(app: App, host: Pick<HostApi, 'logError'>, target: Window = window, now: () => number = () => Date.now()): void {
  const lastSeen = new Map<string, number>()

  function report(source: RendererError['source'], reason: unknown): void {
    const { message, stack } = describe(reason)
    const at = now()
    if (at - (lastSeen.get(message) ?? -Infinity) < REPEAT_MS) return
    lastSeen.set(message, at)
    if (lastSeen.size > 100) lastSeen.delete(lastSeen.keys().next().value!)
    const error: RendererError = { source, message: message.slice(0, 2000), ...(stack ? { stack: stack.slice(0, 8000) } : {}) }
    void host.logError(error).catch(() => undefined)
  }

  target.addEventListener('error', (event) => report('error', event.error ?? event.message))
  target.addEventListener('unhandledrejection', (event) => report('unhandledrejection', event.reason))
  app.config.errorHandler = (error, _instance, info) => {
    console.error(error)
    report('vue', error instanceof Error ? Object.assign(new Error(`${error.message} (${info})`), { name: error.name, stack: error.stack }) : `${String(error)} (${info})`)
  }
}
