import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { reportActivity, startHeartbeat } from './fleet/index'
import { reportRendererErrors } from './fleet/errors'
import { getHost } from './host/index'
import { i18n } from './i18n/index'
import { useCatalogStore } from './stores/catalog'
import { useDeviceStore } from './stores/device'
import { useSyncStore } from './stores/sync'
import 'vant/es/style/base.css'
import './styles/tokens.css'
import './styles/vant-theme.css'
import './styles/base.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
reportRendererErrors(app, getHost())
// Mount first, so the lobby sees "starting" rather than a blank screen while the device boots.
app.mount('#app')

async function boot(): Promise<void> {
  await useDeviceStore().boot()
  await useCatalogStore().load()
  useSyncStore().start()
  startHeartbeat()
}

reportActivity()
boot().catch((error: unknown) => {
  console.error('boot failed', error)
  void getHost()
    .logError({ source: 'error', message: `boot failed: ${error instanceof Error ? error.message : String(error)}`, ...(error instanceof Error && error.stack ? { stack: error.stack.slice(0, 8000) } : {}) })
    .catch(() => undefined)
})
