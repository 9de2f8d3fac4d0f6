import { describe, expect, it } from 'vitest'
import { buildCsp, platformOrigin } from './csp'

function directive(csp: string, name: string): string | undefined {
  return csp.split('; ').find((d) => d.startsWith(`${name} `))
}

describe('buildCsp', () => {
  it('locks scripts, objects, base and framing to the app itself', () => {
    const csp = buildCsp(['https://platform.zj.gov.cn'])
    expect(directive(csp, 'default-src')).toBe("default-src 'self'")
    expect(directive(csp, 'script-src')).toBe("script-src 'self'")
    expect(directive(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'")
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data:")
    expect(directive(csp, 'object-src')).toBe("object-src 'none'")
    expect(directive(csp, 'base-uri')).toBe("base-uri 'none'")
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(directive(csp, 'form-action')).toBe("form-action 'none'")
    expect(csp).not.toContain('unsafe-eval')
  })

  it('lets the renderer connect only to the platform origin, not its path', () => {
    const csp = buildCsp(['https://platform.zj.gov.cn:8443/api/v1?x=1', undefined])
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://platform.zj.gov.cn:8443")
  })

  it('lists enrollment and provisioning origins once each', () => {
    const csp = buildCsp(['https://a.example/', 'https://a.example/x', 'https://b.example'])
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://a.example https://b.example")
  })

  it('never lets a crafted URL inject a directive', () => {
    const csp = buildCsp(["https://a.example/; script-src 'unsafe-inline'", 'javascript:alert(1)'])
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://a.example")
    expect(csp.match(/script-src/g)).toHaveLength(1)
  })

  it('is open to http(s) only while no platform is known', () => {
    expect(directive(buildCsp([]), 'connect-src')).toBe("connect-src 'self' https: http:")
    expect(directive(buildCsp(['file:///etc/passwd']), 'connect-src')).toBe("connect-src 'self' https: http:")
  })
})

describe('platformOrigin', () => {
  it('accepts http(s) only', () => {
    expect(platformOrigin('http://10.0.0.5:8080/api')).toBe('http://10.0.0.5:8080')
    expect(platformOrigin('ftp://a.example')).toBeNull()
    expect(platformOrigin('nonsense')).toBeNull()
  })
})
