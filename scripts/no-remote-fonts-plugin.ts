import type { Plugin } from 'vite'

/** A `url(…)` to another host inside an @font-face src list, with its format hint and the comma before it. */
const REMOTE_SOURCE = /,\s*url\(\s*(['"]?)(?:https?:)?\/\/[^)]*\1\s*\)(\s*format\([^)]*\))?/g

/**
 * Vant's icon font is inlined as WOFF2 but lists a CDN copy (at.alicdn.com) as a fallback. A kiosk
 * loads nothing from outside itself, so the remote sources are cut from every stylesheet at build
 * time; the inlined font remains.
 */
export function noRemoteFonts(): Plugin {
  return {
    name: 'kiosk:no-remote-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css($|\?)/.test(id) || !code.includes('@font-face')) return undefined
      const stripped = code.replace(REMOTE_SOURCE, '')
      return stripped === code ? undefined : { code: stripped, map: null }
    },
  }
}
