import { defineConfig } from '@playwright/test'
import { E2E_ADMIN_PIN_HASH } from './test/e2e/admin-pin'

// Overridable so that several checkouts on one machine can run their end-to-end tests side by side.
export const E2E_PLATFORM_PORT = Number(process.env.E2E_PLATFORM_PORT ?? 8791)
export const E2E_WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 5175)

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Chromium as the tests run it: headless on a shared machine, no sandbox, nothing fetched on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export default defineConfig({
  testDir: 'test/e2e',
  // A migrated PGlite database for the platform process to start from (no initdb per run).
  globalSetup: './test/e2e/global-setup.ts',
  // A ceiling, not a wait: on two cores shared with other work a long visitor flow can pass 60 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // One worker: the tests share one platform process, and the machine has two cores.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_WEB_PORT}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    // `npm test`: every behaviour, quickly enough to run on each change.
    { name: 'e2e', testIgnore: ['**/screenshots.spec.ts', '**/*.soak.spec.ts'] },
    // `npm run screenshots`: a picture of every screen for people to look at (test-results/screens).
    { name: 'screenshots', testMatch: '**/screenshots.spec.ts' },
    // `npm run soak`: the long runs.
    { name: 'soak', testMatch: '**/*.soak.spec.ts' },
  ],
  webServer: {
    command: 'node --import tsx scripts/serve-web.ts',
    url: `http://127.0.0.1:${E2E_WEB_PORT}/`,
    reuseExistingServer: false,
    env: {
      WEB_PORT: String(E2E_WEB_PORT),
      PLATFORM_URL: `http://127.0.0.1:${E2E_PLATFORM_PORT}`,
      ENROLL_CODE: 'DEMO2026',
      ADMIN_PIN_HASH: E2E_ADMIN_PIN_HASH,
    },
  },
})
