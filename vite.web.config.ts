import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type UserConfig } from 'vite'

/** The renderer's build, shared by web mode and by electron-vite. */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [vue()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 800,
  },
}

export default defineConfig(rendererConfig)
