import { describe, expect, it } from 'vitest'
import { isTrustedUrl } from './trusted-url'

const DEV = 'http://localhost:5173'

describe('isTrustedUrl', () => {
  it.each(['app://kiosk/index.html', 'app://kiosk/', 'app://kiosk', 'app://kiosk/assets/index-abc.js?v=1#top', 'APP://KIOSK/index.html'])(
    'trusts the app page %s',
    (url) => {
      expect(isTrustedUrl(url)).toBe(true)
    },
  )

  it.each([
    'https://evil.example/?next=app://kiosk',
    'https://evil.example/#app://kiosk/index.html',
    'app://kiosk.evil/index.html',
    'app://evil.kiosk/index.html',
    'app://user@kiosk/index.html',
    'app://user:pass@kiosk/index.html',
    'app://kiosk@evil/index.html',
    'app://kiosk:1234/index.html',
    'app://kiosk%2eevil/',
    'app:kiosk/index.html',
    'app:///kiosk/index.html',
    'apps://kiosk/index.html',
    'file:///C:/Windows/System32/cmd.exe',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'http://localhost:5173/',
    '',
    'not a url',
    '://',
    'app://',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false)
  })

  it('trusts the dev server origin only when one is given', () => {
    expect(isTrustedUrl('http://localhost:5173/index.html', DEV)).toBe(true)
    expect(isTrustedUrl('http://localhost:5173/src/main.ts?t=1', DEV)).toBe(true)
    expect(isTrustedUrl('http://localhost:5173/', undefined)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', '')).toBe(false)
  })

  it('does not stretch the dev origin to look-alikes', () => {
    expect(isTrustedUrl('http://localhost:5174/', DEV)).toBe(false)
    expect(isTrustedUrl('https://localhost:5173/', DEV)).toBe(false)
    expect(isTrustedUrl('http://localhost.evil:5173/', DEV)).toBe(false)
    expect(isTrustedUrl('http://user@localhost:5173/', DEV)).toBe(false)
    expect(isTrustedUrl('https://evil.example/?next=http://localhost:5173', DEV)).toBe(false)
  })

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isTrustedUrl('file:///tmp/index.html', 'file:///tmp/')).toBe(false)
    expect(isTrustedUrl('javascript:alert(1)', 'javascript:alert(1)')).toBe(false)
  })
})
