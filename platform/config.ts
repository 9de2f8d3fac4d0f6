import { DEMO_DEFAULTS, type DemoSecrets } from './seed/demo'

export interface PlatformConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  seedDemo: boolean
  demo: DemoSecrets
  adminToken?: string
  trustProxy: boolean
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase())
}

/** Reads the process environment; see platform/README.md for each variable. */
export function configFromEnv(env: NodeJS.ProcessEnv): PlatformConfig {
  const port = Number(env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`)
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './.data/platform',
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: flag(env.SEED_DEMO, true),
    demo: {
      enrollCodes: {
        HZ01: env.DEMO_ENROLL_CODE || DEMO_DEFAULTS.enrollCodes.HZ01,
        QZ01: env.DEMO_ENROLL_CODE_QZ01 || DEMO_DEFAULTS.enrollCodes.QZ01,
      },
      officeTokens: {
        HZ01: env.DEMO_OFFICE_TOKEN || DEMO_DEFAULTS.officeTokens.HZ01,
        QZ01: env.DEMO_OFFICE_TOKEN_QZ01 || DEMO_DEFAULTS.officeTokens.QZ01,
      },
    },
    adminToken: env.ADMIN_TOKEN || undefined,
    trustProxy: flag(env.TRUST_PROXY, false),
  }
}
