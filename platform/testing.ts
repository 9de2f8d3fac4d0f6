import { rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { createPlatform } from './app'
import { publishBuiltins } from './seed/builtins'
import { DEMO_CENTERS, DEMO_DEFAULTS, seedDemo } from './seed/demo'
import { openStorage } from './storage/open'
import type { SqlStorage } from './storage/sql-storage'
import { freshDataDir } from './test-support/pglite-template'

export { DEMO_CENTERS, DEMO_DEFAULTS }

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789'

export interface TestPlatform {
  /** http://127.0.0.1:<port>, no trailing slash; the same across restart(). */
  url: string
  app: FastifyInstance
  storage: SqlStorage
  /** Demo enrollment codes (HZ01 'DEMO2026', QZ01 'QUZHOU2026'), office tokens, admin token. */
  secrets: typeof DEMO_DEFAULTS & { adminToken: string }
  stop(): Promise<void>
  /**
   * Closes server and database, reopens the same data directory on the same port. `abrupt` first
   * drops every open connection, requests under way included, as a crashed platform host would.
   */
  restart(opts?: { abrupt?: boolean }): Promise<void>
}

/**
 * A seeded platform on 127.0.0.1 for integration tests, on PGlite in `dataDir` (when not given, a
 * fresh temporary copy of the run's migrated template, removed by stop()). Port 0 picks a free port.
 */
export async function startTestPlatform(opts: { port?: number; dataDir?: string } = {}): Promise<TestPlatform> {
  const dataDir = opts.dataDir ?? (await freshDataDir())
  const ownsDir = opts.dataDir === undefined
  const secrets = { ...DEMO_DEFAULTS, adminToken: TEST_ADMIN_TOKEN }

  const open = async (port: number) => {
    const storage = await openStorage({ dataDir })
    const now = new Date()
    await publishBuiltins(storage, now)
    await seedDemo(storage, DEMO_DEFAULTS, now)
    const app = createPlatform({ storage, adminToken: TEST_ADMIN_TOKEN })
    await app.listen({ port, host: '127.0.0.1' })
    return { storage, app, port: (app.server.address() as AddressInfo).port }
  }
  const close = async (running: { app: FastifyInstance; storage: SqlStorage }) => {
    await running.app.close()
    await running.storage.close()
  }

  let running = await open(opts.port ?? 0)
  const platform: TestPlatform = {
    url: `http://127.0.0.1:${running.port}`,
    app: running.app,
    storage: running.storage,
    secrets,
    async stop() {
      await close(running)
      if (ownsDir) await rm(dataDir, { recursive: true, force: true })
    },
    async restart({ abrupt = false } = {}) {
      if (abrupt) running.app.server.closeAllConnections()
      await close(running)
      running = await open(running.port)
      platform.app = running.app
      platform.storage = running.storage
    },
  }
  return platform
}
