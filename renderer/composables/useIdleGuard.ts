import { onMounted, onUnmounted, ref, watch, type Ref } from 'vue'

/** WCAG 2.2.1: at least 20 seconds to say "I am still here" with one simple action. */
export const WARN_SECONDS = 20
const DEFAULT_IDLE_SECONDS = 60
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel'] as const

/**
 * Seconds of inactivity before the warning. Tests shorten it with `?idle=N`; the kiosk shell loads a
 * fixed address, so a visitor cannot change it, and values outside 3…3600 are ignored.
 */
export function idleSecondsFrom(search: string, provisioned: number = DEFAULT_IDLE_SECONDS): number {
  const raw = new URLSearchParams(search).get('idle')
  const n = raw === null ? NaN : Number(raw)
  return Number.isInteger(n) && n >= 3 && n <= 3600 ? n : provisioned
}

/**
 * The shared-screen guard: while `active`, inactivity opens a warning with a countdown; any touch
 * keeps the visit; when the countdown ends `onExpire` wipes it.
 */
export function useIdleGuard(active: Ref<boolean>, onExpire: () => void, idleSeconds: number | (() => number)) {
  const warning = ref(false)
  const remaining = ref(WARN_SECONDS)
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let tickTimer: ReturnType<typeof setInterval> | undefined

  function clear(): void {
    clearTimeout(idleTimer)
    clearInterval(tickTimer)
    idleTimer = tickTimer = undefined
  }

  function arm(): void {
    clear()
    warning.value = false
    const seconds = typeof idleSeconds === 'function' ? idleSeconds() : idleSeconds
    if (active.value) idleTimer = setTimeout(warn, seconds * 1000)
  }

  function warn(): void {
    warning.value = true
    remaining.value = WARN_SECONDS
    tickTimer = setInterval(() => {
      remaining.value -= 1
      if (remaining.value <= 0) expire()
    }, 1000)
  }

  function expire(): void {
    clear()
    warning.value = false
    onExpire()
  }

  const onActivity = (): void => arm()

  onMounted(() => {
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true })
    arm()
  })
  onUnmounted(() => {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true })
    clear()
  })
  watch(active, arm)

  return { warning, remaining, keep: arm }
}
