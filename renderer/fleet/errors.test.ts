import { describe, expect, it, vi } from 'vitest'
import type { App } from 'vue'
import { reportRendererErrors } from './errors'

function setup() {
  const target = new EventTarget() as unknown as Window
  const app = { config: {} } as App
  const host = { logError: vi.fn(async () => {}) }
  let now = 0
  reportRendererErrors(app, host, target, () => now)
  return { target, app, host, later: (ms: number) => (now += ms) }
}

function errorEvent(error: unknown): Event {
  return Object.assign(new Event('error'), { error, message: error instanceof Error ? error.message : String(error) })
}

describe('renderer errors to the log', () => {
  it('sends an uncaught error with its stack', () => {
    const { target, host } = setup()
    const error = new TypeError('x is undefined')
    target.dispatchEvent(errorEvent(error))
    expect(host.logError).toHaveBeenCalledWith({ source: 'error', message: 'TypeError: x is undefined', stack: error.stack })
  })

  it('sends a rejected promise nobody handled', () => {
    const { target, host } = setup()
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'QuotaExceededError' }))
    expect(host.logError).toHaveBeenCalledWith({ source: 'unhandledrejection', message: 'QuotaExceededError' })
  })

  it('sends Vue errors with where they happened', () => {
    const { app, host } = setup()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    app.config.errorHandler?.(new Error('render broke'), null, 'render function')
    expect(host.logError).toHaveBeenCalledWith(expect.objectContaining({ source: 'vue', message: 'Error: render broke (render function)' }))
  })

  it('writes the same error once per ten seconds, and keeps within the host limits', () => {
    const { target, host, later } = setup()
    for (let i = 0; i < 50; i++) target.dispatchEvent(errorEvent(new Error('loop')))
    expect(host.logError).toHaveBeenCalledTimes(1)
    later(10_000)
    target.dispatchEvent(errorEvent(new Error('loop')))
    expect(host.logError).toHaveBeenCalledTimes(2)
    target.dispatchEvent(errorEvent(new Error('x'.repeat(5000))))
    const last = host.logError.mock.calls.at(-1) as unknown as [{ message: string; stack?: string }]
    expect(last[0].message.length).toBe(2000)
    expect((last[0].stack ?? '').length).toBeLessThanOrEqual(8000)
  })

  it('never throws when the host cannot take the report', async () => {
    const { target, host } = setup()
    host.logError.mockRejectedValueOnce(new Error('ipc gone'))
    expect(() => target.dispatchEvent(errorEvent(new Error('boom')))).not.toThrow()
    await Promise.resolve()
  })
})
