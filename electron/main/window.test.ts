import { describe, expect, it } from 'vitest'
import { entryUrl, mainWindowOptions } from './window'

describe('mainWindowOptions', () => {
  it('isolates the renderer in every mode', () => {
    for (const packaged of [true, false]) {
      const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', kiosk: packaged, packaged })
      expect(options.webPreferences).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        webSecurity: true,
      })
    }
  })

  it('locks the screen and removes devtools when packaged as a kiosk', () => {
    const options = mainWindowOptions({ preload: 'p', kiosk: true, packaged: true })
    expect(options).toMatchObject({ kiosk: true, fullscreen: true })
    expect(options.webPreferences?.devTools).toBe(false)
  })

  it('is a plain window with devtools in development', () => {
    const options = mainWindowOptions({ preload: 'p', kiosk: false, packaged: false })
    expect(options).toMatchObject({ kiosk: false, fullscreen: false })
    expect(options.webPreferences?.devTools).toBe(true)
  })
})

describe('entryUrl', () => {
  it('uses the dev server when electron-vite gives one, app:// otherwise', () => {
    expect(entryUrl('http://localhost:5173')).toBe('http://localhost:5173')
    expect(entryUrl(undefined)).toBe('app://kiosk/index.html')
    expect(entryUrl('')).toBe('app://kiosk/index.html')
  })
})
