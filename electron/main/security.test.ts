import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { denyAllPermissions, hardenContents, installSecurity, type HardenableContents } from './security'
import { isTrustedUrl } from './trusted-url'

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  /** Emits like Electron does and reports whether a listener prevented the default. */
  fire(name: string, url?: string): boolean {
    let prevented = false
    this.emit(name, { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
}

function hardened(): FakeContents {
  const contents = new FakeContents()
  hardenContents(contents as unknown as HardenableContents, (url) => isTrustedUrl(url))
  return contents
}

describe('hardenContents', () => {
  it('lets navigation stay inside the app', () => {
    const contents = hardened()
    expect(contents.fire('will-navigate', 'app://kiosk/index.html#/track')).toBe(false)
    expect(contents.fire('will-redirect', 'app://kiosk/index.html')).toBe(false)
  })

  it.each(['https://evil.example/?next=app://kiosk', 'app://kiosk.evil/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank'])(
    'prevents navigating or redirecting to %s',
    (url) => {
      const contents = hardened()
      expect(contents.fire('will-navigate', url)).toBe(true)
      expect(contents.fire('will-redirect', url)).toBe(true)
    },
  )

  it('denies every new window, even to our own origin', () => {
    const contents = hardened()
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' })
  })

  it('prevents attaching a webview', () => {
    expect(hardened().fire('will-attach-webview')).toBe(true)
  })
})

describe('denyAllPermissions', () => {
  it('answers no to requests, checks and devices', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() }
    denyAllPermissions(session as unknown as Parameters<typeof denyAllPermissions>[0])
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
      const callback = vi.fn()
      session.setPermissionRequestHandler.mock.calls[0]?.[0]({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.setPermissionCheckHandler.mock.calls[0]?.[0]({}, permission, 'app://kiosk', {})).toBe(false)
    }
    expect(session.setDevicePermissionHandler.mock.calls[0]?.[0]({ deviceType: 'usb' })).toBe(false)
  })
})

describe('installSecurity', () => {
  it('hardens every web contents the app creates', () => {
    const app = new EventEmitter()
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() }
    installSecurity(app as unknown as Parameters<typeof installSecurity>[0], session as unknown as Parameters<typeof installSecurity>[1], (url) => isTrustedUrl(url))
    const contents = new FakeContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce()
  })
})
