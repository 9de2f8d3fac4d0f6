import { test as base, expect } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { PGLITE_TEMPLATE_ENV, testDataRoot } from '../../platform/test-support/pglite-template'
import { E2E_PLATFORM_PORT } from '../../playwright.config'

export const PLATFORM_URL = `http://127.0.0.1:${E2E_PLATFORM_PORT}`
export const OFFICE_TOKEN = 'demo-office-token-hz01'
/** The platform's administration token in the e2e runs (fleet page, admin API). */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef'

/** The reference platform as a real process, so a test can stop it and start it again on the same data. */
export class PlatformProcess {
  private child?: ChildProcess
  readonly dataDir = PlatformProcess.freshDataDir()

  /** A copy of the run's migrated template (global-setup.ts), so the platform skips initdb. */
  private static freshDataDir(): string {
    const dir = mkdtempSync(join(testDataRoot(), 'kiosk-e2e-'))
    const template = process.env[PGLITE_TEMPLATE_ENV]
    if (template) cpSync(join(template, 'data'), dir, { recursive: true })
    return dir
  }

  async start(): Promise<void> {
    if (this.child) return
    const child = spawn(process.execPath, ['--import', 'tsx', 'platform/main.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      // Always the embedded database in its own temporary directory, even where CI set DATABASE_URL
      // for the storage tests: every run starts from the seeded demo and nothing else.
      env: { ...process.env, DATABASE_URL: '', PORT: String(E2E_PLATFORM_PORT), DATA_DIR: this.dataDir, SEED_DEMO: '1', ADMIN_TOKEN },
    })
    this.child = child
    let exited = false
    child.once('exit', () => (exited = true))
    const until = Date.now() + 60_000
    // A platform that could not take the port has exited: whatever answers there is not ours to stop.
    while (Date.now() < until && !exited) {
      try {
        if ((await fetch(`${PLATFORM_URL}/healthz`)).ok && !exited) return
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    // Never leave a half-started platform behind to hold the port for the tests after this one.
    this.child = undefined
    child.kill('SIGKILL')
    throw new Error(exited ? `platform exited at start (port ${E2E_PLATFORM_PORT} taken?)` : 'platform did not start')
  }

  async stop(): Promise<void> {
    const child = this.child
    if (!child) return
    this.child = undefined
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }

  get running(): boolean {
    return this.child !== undefined
  }

  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/**
 * Every test runs against the one platform process of its worker, started before the test if an
 * earlier test stopped it (a fixture, not a hook: hooks in this shared module would attach to the
 * first spec file that imports it only).
 */
export const test = base.extend<{ platformUp: void }, { platform: PlatformProcess }>({
  platform: [
    // Playwright reads a fixture's dependencies from this pattern: it must be an object, here empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const platform = new PlatformProcess()
      await platform.start()
      await use(platform)
      await platform.dispose()
    },
    // Automatic: a page that loads before the platform runs would show "not enrolled".
    { scope: 'worker', auto: true },
  ],
  platformUp: [
    async ({ platform }, use) => {
      await platform.start()
      await use()
    },
    { auto: true },
  ],
})

export { expect }

/** A department's step taken in the back office (the platform's office API); it must be accepted. */
export async function officeAction(ticketNo: string, body: object): Promise<void> {
  const res = await fetch(`${PLATFORM_URL}/api/v1/office/requests/${ticketNo}/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OFFICE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, await res.text()).toBe(200)
}
