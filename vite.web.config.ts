import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type UserConfig } from 'vite'
import { imeDictionary } from './scripts/ime-dict-plugin'
import { noRemoteFonts } from './scripts/no-remote-fonts-plugin'

/** The renderer's build, shared by web mode and by electron-vite. */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [vue(), imeDictionary(import.meta.dirname), noRemoteFonts()],
  define: {
    // The version a browser kiosk reports (IT screen, fleet heartbeat): the app's own.
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(
      (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }).version,
    ),
    // Composition API only, and no devtools hooks in the lobby: vue-i18n drops that code.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    target: 'chrome120',
    // The pinyin keyboard's word list is one large chunk by design, loaded when the keyboard opens.
    chunkSizeWarningLimit: 1200,
  },
}

export default defineConfig(rendererConfig)
