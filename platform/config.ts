import { isIP } from 'node:net'
import { DEMO_DEFAULTS, type DemoSecrets } from './seed/demo'

export interface PlatformConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  seedDemo: boolean
  demo: DemoSecrets
  adminToken?: string
  /** Addresses (or CIDR ranges) of the reverse proxies whose X-Forwarded-For is believed; empty: none. */
  trustProxy: string[]
  /** This database was restored from a backup: make a new feed epoch (`--new-epoch`). */
  renewEpoch: boolean
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase())
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * TRUST_PROXY lists the proxies' addresses: anyone can write an X-Forwarded-For header, so believing
 * it from any sender (as TRUST_PROXY=1 once did) let a client pick the address its rate limit counts.
 */
export function trustedProxies(value: string | undefined): string[] {
  if (!value) return []
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return []
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean)
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address!) === 6 ? 128 : 32))
    if (!(PROXY_NAMES.has(entry) || (isIP(address!) !== 0 && prefixOk && extra === undefined))) {
      throw new Error(
        `TRUST_PROXY must list the reverse proxies' addresses or ranges (e.g. 10.0.0.5,10.1.0.0/16 or loopback), not ${JSON.stringify(entry)}`,
      )
    }
  }
  return entries
}

/** Reads the process environment and arguments; see platform/README.md for each variable. */
export function configFromEnv(env: NodeJS.ProcessEnv, argv: readonly string[] = []): PlatformConfig {
  const port = Number(env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`)
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './.data/platform',
    databaseUrl: env.DATABASE_URL || undefined,
    // Off unless asked for: `npm start` asks, a deployment never has demo credentials by accident.
    seedDemo: flag(env.SEED_DEMO, false),
    demo: {
      enrollCodes: {
        HZ01: env.DEMO_ENROLL_CODE || DEMO_DEFAULTS.enrollCodes.HZ01,
        QZ01: env.DEMO_ENROLL_CODE_QZ01 || DEMO_DEFAULTS.enrollCodes.QZ01,
      },
      counterCode: env.DEMO_COUNTER_CODE || DEMO_DEFAULTS.counterCode,
      officeTokens: {
        HZ01: env.DEMO_OFFICE_TOKEN || DEMO_DEFAULTS.officeTokens.HZ01,
        QZ01: env.DEMO_OFFICE_TOKEN_QZ01 || DEMO_DEFAULTS.officeTokens.QZ01,
      },
    },
    adminToken: env.ADMIN_TOKEN || undefined,
    trustProxy: trustedProxies(env.TRUST_PROXY),
    renewEpoch: argv.includes('--new-epoch'),
  }
}
