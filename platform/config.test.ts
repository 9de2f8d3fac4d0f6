import { describe, expect, it } from 'vitest'
import { configFromEnv, trustedProxies } from './config'

describe('configFromEnv', () => {
  it('seeds nothing and trusts no proxy unless told to', () => {
    expect(configFromEnv({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './.data/platform',
      databaseUrl: undefined,
      seedDemo: false,
      demo: {
        enrollCodes: { HZ01: 'DEMO2026', QZ01: 'QUZHOU2026' },
        counterCode: 'COUNTER2026',
        officeTokens: { HZ01: 'demo-office-token-hz01', QZ01: 'demo-office-token-qz01' },
      },
      adminToken: undefined,
      trustProxy: [],
      renewEpoch: false,
    })
  })

  it('reads the environment and refuses a bad port', () => {
    const config = configFromEnv({ PORT: '9000', SEED_DEMO: '1', DEMO_ENROLL_CODE: 'PILOT2026', ADMIN_TOKEN: 'secret', DATABASE_URL: 'postgres://x/y' })
    expect(config).toMatchObject({ port: 9000, seedDemo: true, adminToken: 'secret', databaseUrl: 'postgres://x/y' })
    expect(config.demo.enrollCodes.HZ01).toBe('PILOT2026')
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(configFromEnv({}, ['--new-epoch']).renewEpoch).toBe(true)
  })

  it('trusts only the proxies listed by address or range, and refuses TRUST_PROXY=1', () => {
    expect(trustedProxies('10.0.0.5, 10.1.0.0/16,::1,loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'loopback'])
    expect(trustedProxies('off')).toEqual([])
    for (const bad of ['1', 'true', 'yes', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/9']) {
      expect(() => trustedProxies(bad), bad).toThrow(/TRUST_PROXY/)
    }
  })
})
