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

/** The demo Hangzhou center's back-office token (seed/demo.ts). */
export const OFFICE_HZ = DEMO_DEFAULTS.officeTokens.HZ01

/** A platform for one test, on the test file's database, with a clock the test moves. */
export interface TestPlatform {
  readonly storage: SqlStorage
  /** A new app each test: rate limits and caches start empty. */
  readonly app: FastifyInstance
  /** The platform's clock (ms): now, to the second, when each test starts; tests move it forward. */
  clock: number
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
export function usePlatform(options: Omit<PlatformOptions, 'storage' | 'now'> = {}): TestPlatform {
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
    platform.clock = Math.floor(Date.now() / 1000) * 1000
    await resetDatabase(platform.storage, new Date(platform.clock))
    app = createPlatform({ ...options, storage: platform.storage, now: () => new Date(platform.clock) })
  })
  return platform
}
