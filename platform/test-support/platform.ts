import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { ServiceRequest } from '../../shared/request'
import { createPlatform, type PlatformOptions } from '../app'
import { DEMO_DEFAULTS } from '../seed/demo'
import type { SqlStorage } from '../storage/sql-storage'
import { resetDatabase } from './db'
import { appealRequest, submitted, type SubmittedEvent } from './fixtures'
import { bearer, pushOk, type TestEnrollment } from './http'
import { openTestStorage } from './pglite-template'

/** The demo centers' back-office tokens (seed/demo.ts). */
export const OFFICE_HZ = DEMO_DEFAULTS.officeTokens.HZ01
export const OFFICE_QZ = DEMO_DEFAULTS.officeTokens.QZ01

/** The administration token of the test files that turn administration on (`usePlatform({ adminToken })`). */
export const TEST_ADMIN_TOKEN = 'admin-token-for-tests-0123456789'

/** The app's options, but for the ones usePlatform owns, and where each test's clock starts. */
export interface UsePlatformOptions extends Omit<PlatformOptions, 'storage' | 'now'> {
  /** The clock (ms) when each test starts; by default now, to the second. */
  start?: number
}

/** A platform for one test, on the test file's database, with a clock the test moves. */
export interface TestPlatform {
  readonly storage: SqlStorage
  /** A new app each test: rate limits and caches start empty. */
  readonly app: FastifyInstance
  /** The platform's clock (ms): now, to the second, or `start`, when each test starts; tests move it forward. */
  clock: number
  /** Another app over the same database and clock, with these options only (no admin token, a proxy in front). */
  appWith(options?: Omit<PlatformOptions, 'storage' | 'now'>): FastifyInstance
  /** A back office's action on a request, a second after the last: the reducer orders events by time, as people act one after another. */
  officeAction(ticketNo: string, body: object, token?: string): Promise<LightMyRequestResponse>
  /** An appeal intake from this kiosk, pushed and accepted. */
  pushIntake(kiosk: TestEnrollment, seq?: number, over?: Partial<ServiceRequest>): Promise<SubmittedEvent>
}

/**
 * Call at the top of a platform test file: one PGlite for the file (a fresh database costs seconds;
 * a copy of the migrated template a fraction of that), emptied and seeded with the demo centers
 * before each test, and a new app over it. Read `app` and `clock` inside tests, not at load.
 */
export function usePlatform({ start, ...options }: UsePlatformOptions = {}): TestPlatform {
  let storage: SqlStorage | undefined
  let app: FastifyInstance | undefined
  const platform: TestPlatform = {
    get storage() {
      if (!storage) throw new Error('usePlatform: the storage opens in beforeAll; use it inside a test')
      return storage
    },
    get app() {
      if (!app) throw new Error('usePlatform: the app is made in beforeEach; use it inside a test')
      return app
    },
    clock: 0,
    appWith(appOptions = {}) {
      return createPlatform({ ...appOptions, storage: platform.storage, now: () => new Date(platform.clock) })
    },
    officeAction(ticketNo, body, token = OFFICE_HZ) {
      platform.clock += 1000
      return platform.app.inject({ method: 'POST', url: `/api/v1/office/requests/${ticketNo}/actions`, payload: body, headers: bearer(token) })
    },
    async pushIntake(kiosk, seq = 1, over = {}) {
      const event = submitted(appealRequest(kiosk, seq, over))
      const [result] = await pushOk(platform.app, kiosk.token, [event])
      if (result?.status !== 'accepted') throw new Error(`intake not accepted: ${JSON.stringify(result)}`)
      return event
    },
  }
  beforeAll(async () => {
    storage = await openTestStorage()
  })
  afterAll(async () => {
    await storage?.close()
  })
  beforeEach(async () => {
    // Now, to the second: fixture events are stamped a little earlier, as a kiosk's would be.
    platform.clock = start ?? Math.floor(Date.now() / 1000) * 1000
    await resetDatabase(platform.storage, new Date(platform.clock))
    app = platform.appWith(options)
  })
  return platform
}
