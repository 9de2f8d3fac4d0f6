import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PinCheck } from '../../shared/index'
import { getHost } from '../host/index'

export type AdminScreen = 'staff' | 'it'

function screenOf(hash: string): AdminScreen | null {
  return hash === '#staff' ? 'staff' : hash === '#it' ? 'it' : null
}

/**
 * The screens outside the visitor flow, by address (`#staff`, `#it`) or shortcut: the staff area
 * (behind the staff sign-in, useStaffStore) and IT's diagnostics (behind the IT admin PIN:
 * `unlocked` says whether it was given). Leaving them locks them again.
 */
export const useAdminStore = defineStore('admin', () => {
  const screen = ref<AdminScreen | null>(typeof location === 'undefined' ? null : screenOf(location.hash))
  const unlocked = ref(false)

  if (typeof window !== 'undefined') {
    window.addEventListener('hashchange', () => {
      screen.value = screenOf(location.hash)
      if (!screen.value) unlocked.value = false
    })
  }

  async function unlock(pin: string): Promise<PinCheck> {
    const result = await getHost().checkAdminPin(pin)
    if (result.ok) unlocked.value = true
    return result
  }

  /** The kiosk shell has no address bar: staff reach these screens by shortcut or button. */
  function open(next: AdminScreen): void {
    location.hash = `#${next}`
    screen.value = next
  }

  function leave(): void {
    unlocked.value = false
    screen.value = null
    location.hash = ''
  }

  return { screen, unlocked, unlock, open, leave }
})
