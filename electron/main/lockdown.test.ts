import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { blockedShortcut, guardKioskClose, installLockdown, type KeyInput } from './lockdown'

function key(spec: string, type: KeyInput['type'] = 'keyDown'): KeyInput {
  const parts = spec.split('+')
  const k = parts.pop()!
  return { type, key: k, control: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), meta: parts.includes('Meta') }
}

const kiosk = { kiosk: true }

describe('blockedShortcut in a kiosk', () => {
  it.each([
    ['Alt+F4', 'Alt+F4'],
    ['Ctrl+w', 'Ctrl+W'],
    ['Ctrl+Shift+W', 'Ctrl+Shift+W'],
    ['Ctrl+r', 'Ctrl+R'],
    ['Ctrl+Shift+R', 'Ctrl+Shift+R'],
    ['F5', 'F5'],
    ['Ctrl+F5', 'Ctrl+F5'],
    ['F11', 'F11'],
    ['F12', 'F12'],
    ['Ctrl+Shift+I', 'Ctrl+Shift+I'],
    ['Ctrl+Shift+J', 'Ctrl+Shift+J'],
    ['Ctrl+Shift+C', 'Ctrl+Shift+C'],
    ['Meta+Alt+i', 'Meta+Alt+i'],
    ['Alt', 'Alt'],
    ['Alt+ArrowLeft', 'Alt+ArrowLeft'],
    ['Alt+ ', 'Alt+ '],
    ['Ctrl+q', 'Ctrl+Q'],
    ['Meta+q', 'Meta+Q'],
    ['Ctrl+p', 'Ctrl+P'],
    ['Ctrl+s', 'Ctrl+S'],
    ['Ctrl+u', 'Ctrl+U'],
    ['Ctrl+n', 'Ctrl+N'],
    ['Ctrl+t', 'Ctrl+T'],
    ['Ctrl+=', 'Ctrl+='],
    ['Ctrl+-', 'Ctrl+-'],
    ['Ctrl+0', 'Ctrl+0'],
    ['Ctrl+Tab', 'Ctrl+Tab'],
    ['BrowserBack', 'BrowserBack'],
    ['BrowserRefresh', 'BrowserRefresh'],
  ])('blocks %s', (spec, name) => {
    expect(blockedShortcut(key(spec), kiosk)).toBe(name)
  })

  it('blocks the release of a lone Alt as well, which is what shows a menu bar', () => {
    expect(blockedShortcut(key('Alt', 'keyUp'), kiosk)).toBe('Alt')
  })

  it.each(['a', 'Z', '5', 'Enter', 'Backspace', 'Tab', 'Escape', 'Shift+A', 'ArrowLeft', 'Ctrl+c', 'Ctrl+v', 'Ctrl+x', 'Ctrl+z', 'Ctrl+a', 'Ctrl+Shift+Z', 'Ctrl+Shift+ArrowLeft', 'Ctrl+Alt+s', 'Ctrl+Alt+d'])(
    'lets %s through: typing, editing and the staff shortcuts',
    (spec) => {
      expect(blockedShortcut(key(spec), kiosk)).toBeNull()
    },
  )

  it('ignores what is not a key press', () => {
    expect(blockedShortcut({ ...key('F5'), type: 'char' }, kiosk)).toBeNull()
  })
})

describe('blockedShortcut in a windowed counter install', () => {
  it('lets Alt+F4 close the window, and still blocks reload and devtools', () => {
    const windowed = { kiosk: false }
    expect(blockedShortcut(key('Alt+F4'), windowed)).toBeNull()
    expect(blockedShortcut(key('F5'), windowed)).toBe('F5')
    expect(blockedShortcut(key('Ctrl+Shift+I'), windowed)).toBe('Ctrl+Shift+I')
  })
})

function fakeWindow() {
  const webContents = Object.assign(new EventEmitter(), {
    setVisualZoomLevelLimits: vi.fn(async () => {}),
    setZoomLevel: vi.fn(),
  })
  return { webContents }
}

describe('installLockdown', () => {
  it('prevents each blocked key press, and logs each shortcut once a minute at most', () => {
    const window = fakeWindow()
    const log = { info: vi.fn() }
    let now = 0
    installLockdown(window as never, { kiosk: true, log, now: () => now })
    const press = (spec: string, type: KeyInput['type'] = 'keyDown') => {
      const event = { preventDefault: vi.fn() }
      window.webContents.emit('before-input-event', event, key(spec, type))
      return event.preventDefault.mock.calls.length > 0
    }
    expect(press('Alt+F4')).toBe(true)
    expect(press('Alt+F4', 'keyUp')).toBe(true)
    expect(press('Alt+F4')).toBe(true)
    expect(press('a')).toBe(false)
    expect(log.info).toHaveBeenCalledTimes(1)
    expect(log.info).toHaveBeenCalledWith('lockdown: shortcut blocked', { shortcut: 'Alt+F4' })
    now = 61_000
    press('Alt+F4')
    expect(log.info).toHaveBeenCalledTimes(2)
  })

  it('keeps pinch zoom off on every page load and undoes a wheel zoom', () => {
    const window = fakeWindow()
    installLockdown(window as never, { kiosk: true, log: { info: vi.fn() } })
    window.webContents.emit('did-finish-load')
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1)
    window.webContents.emit('zoom-changed', {}, 'in')
    expect(window.webContents.setZoomLevel).toHaveBeenCalledWith(0)
  })
})

describe('guardKioskClose', () => {
  function setup() {
    const window = new EventEmitter()
    const app = new EventEmitter()
    const log = { info: vi.fn() }
    const guard = guardKioskClose(window as never, app as never, log)
    const close = () => {
      const event = { preventDefault: vi.fn() }
      window.emit('close', event)
      return event.preventDefault.mock.calls.length === 0
    }
    return { app, window, close, log, guard }
  }

  it('refuses a close while the app is not quitting', () => {
    const { close, log } = setup()
    expect(close()).toBe(false)
    expect(log.info).toHaveBeenCalledWith('lockdown: window close refused')
  })

  it('lets the window close when the app quits (update, relaunch, IT stopping it)', () => {
    const { app, close } = setup()
    app.emit('before-quit')
    expect(close()).toBe(true)
  })

  it('lets the updater close the window before it quits the app', () => {
    const { guard, close } = setup()
    guard.allowClose()
    expect(close()).toBe(true)
  })

  it('lets Windows log off or shut down', () => {
    const { window, close } = setup()
    window.emit('session-end')
    expect(close()).toBe(true)
  })
})
