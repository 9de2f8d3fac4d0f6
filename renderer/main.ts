import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
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
// Mount first, so the lobby sees "starting" rather than a blank screen while the device boots.
app.mount('#app')

async function boot(): Promise<void> {
  await useDeviceStore().boot()
  await useCatalogStore().load()
  useSyncStore().start()
}

boot().catch((error: unknown) => console.error('boot failed', error))
