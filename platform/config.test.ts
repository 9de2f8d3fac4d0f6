import { describe, expect, it } from 'vitest'
import { configFromEnv } from './config'

describe('configFromEnv', () => {
  it('has working defaults for a demo on one machine', () => {
    expect(configFromEnv({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './.data/platform',
      databaseUrl: undefined,
      seedDemo: true,
      demo: {
        enrollCodes: { HZ01: 'DEMO2026', QZ01: 'QUZHOU2026' },
        officeTokens: { HZ01: 'demo-office-token-hz01', QZ01: 'demo-office-token-qz01' },
      },
      adminToken: undefined,
      trustProxy: false,
    })
  })

  it('reads the environment and refuses a bad port', () => {
    const config = configFromEnv({ PORT: '9000', SEED_DEMO: 'off', DEMO_ENROLL_CODE: 'PILOT2026', ADMIN_TOKEN: 'secret', DATABASE_URL: 'postgres://x/y' })
    expect(config).toMatchObject({ port: 9000, seedDemo: false, adminToken: 'secret', databaseUrl: 'postgres://x/y' })
    expect(config.demo.enrollCodes.HZ01).toBe('PILOT2026')
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/)
  })
})
