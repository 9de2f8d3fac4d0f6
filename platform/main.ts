import { mkdir } from 'node:fs/promises'
import { createPlatform } from './app'
import { configFromEnv } from './config'
import { publishBuiltins } from './seed/builtins'
import { disableDemo, seedDemo } from './seed/demo'
import { openStorage } from './storage/open'

let config: ReturnType<typeof configFromEnv>
try {
  config = configFromEnv(process.env, process.argv.slice(2))
} catch (error) {
  console.error(`platform: ${(error as Error).message}`)
  process.exit(1)
}
if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true })
const storage = await openStorage({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : config.dataDir,
  renewEpoch: config.renewEpoch,
}).catch(
  (error: Error) => {
    // One plain line for IT instead of a stack: a busy data directory, an unreachable DATABASE_URL.
    console.error(`platform: cannot open its database: ${error.message}`)
    process.exit(1)
  },
)
const now = new Date()
await publishBuiltins(storage, now)
if (config.seedDemo) {
  await seedDemo(storage, config.demo, now)
} else {
  const removed = await disableDemo(storage, now)
  if (removed.codes + removed.tokens + removed.devices > 0) {
    console.log(
      `platform: demo seed off: removed ${removed.codes} demo enrollment codes and ${removed.tokens} demo office tokens, revoked ${removed.devices} demo devices`,
    )
  }
}

const app = createPlatform({ storage, logger: true, adminToken: config.adminToken, trustProxy: config.trustProxy })
let url: string
try {
  url = await app.listen({ port: config.port, host: config.host })
} catch (error) {
  await storage.close()
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`platform: port ${config.port} on ${config.host} is in use (another platform running?); set PORT to another port`)
    process.exit(1)
  }
  throw error
}
console.log(`platform listening on ${url} (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`)

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  app.log.info({ signal }, 'shutting down')
  try {
    await app.close()
    await storage.close()
    process.exit(0)
  } catch (err) {
    app.log.error({ err }, 'shutdown failed')
    process.exit(1)
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
