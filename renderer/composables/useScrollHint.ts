import { onMounted, onUnmounted, ref, type Ref } from 'vue'

/**
 * Whether a scrolling part of the screen has more below what shows. A touchscreen draws no
 * scrollbar while nothing moves, so the screen says "more below" itself while this is true.
 */
export function useScrollHint(el: Ref<HTMLElement | undefined>): Ref<boolean> {
  const more = ref(false)
  const update = (): void => {
    const e = el.value
    more.value = !!e && e.scrollTop + e.clientHeight < e.scrollHeight - 4
  }
  let observer: ResizeObserver | undefined
  let mutations: MutationObserver | undefined
  onMounted(() => {
    const e = el.value
    if (!e) return
    e.addEventListener('scroll', update, { passive: true })
    observer = new ResizeObserver(update)
    observer.observe(e)
    // Content that grows (results, an error) changes what is below without a resize of the box.
    mutations = new MutationObserver(update)
    mutations.observe(e, { childList: true, subtree: true, characterData: true })
    update()
  })
  onUnmounted(() => {
    el.value?.removeEventListener('scroll', update)
    observer?.disconnect()
    mutations?.disconnect()
  })
  return more
}
