import { defineAsyncComponent, type Component } from 'vue'
import ChunkLoading from '../components/ChunkLoading.vue'

/**
 * A screen that is a chunk of its own, loaded when first shown. A failed load is tried again until it
 * works: a screen opened while the network is down appears when it returns, instead of staying blank.
 */
export function retryingComponent<T extends Component>(loader: () => Promise<T | { default: T }>) {
  return defineAsyncComponent({
    loader,
    loadingComponent: ChunkLoading,
    errorComponent: ChunkLoading,
    delay: 100,
    onError(_error, retry) {
      setTimeout(retry, 2_000)
    },
  })
}
