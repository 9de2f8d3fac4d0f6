/// <reference types="vite/client" />
import type { HostApi } from '../../shared/index'
import { createWebHost } from './web-host'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    kioskHost?: HostApi
  }
}

let host: HostApi | undefined

/** The one way the renderer reaches the machine: the Electron preload's API, or the browser host. */
export function getHost(): HostApi {
  host ??= window.kioskHost ?? createWebHost({ version: import.meta.env.VITE_APP_VERSION })
  return host
}
