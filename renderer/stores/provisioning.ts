import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { KioskSettings, ProvisioningState } from '../../shared/index'
import { getHost } from '../host/index'

/**
 * IT's provisioning as the host read it at start: the settings to run with, or what the setup
 * screen must show. Read once; the kiosk shell reads its files once per start too.
 */
export const useProvisioningStore = defineStore('provisioning', () => {
  const state = shallowRef<ProvisioningState | null>(null)
  let loading: Promise<ProvisioningState> | undefined

  const settings = computed<KioskSettings | null>(() => (state.value?.status === 'ok' ? state.value.settings : null))
  /** No provisioning, or a broken one: the setup screen shows instead of the visitor flow. */
  const needsSetup = computed(() => state.value !== null && state.value.status !== 'ok')

  function load(): Promise<ProvisioningState> {
    loading ??= getHost()
      .getProvisioning()
      .then((read) => (state.value = read))
    return loading
  }

  return { state, settings, needsSetup, load }
})
