import { onMounted, onUnmounted, reactive, readonly } from 'vue'

/**
 * Which keys a text field needs. A field opts in with `data-keyboard="…"`: `pinyin` for Chinese
 * text (with 中/英 switch), `letters` for English text, `code` for upper-case codes (USCC,
 * passport), and number pads for `digits`, `decimal` (amounts) and `idcard` (digits and X).
 */
export type KeyboardLayout = 'pinyin' | 'letters' | 'code' | 'digits' | 'decimal' | 'idcard'
const LAYOUTS: readonly KeyboardLayout[] = ['pinyin', 'letters', 'code', 'digits', 'decimal', 'idcard']

export type TextField = HTMLInputElement | HTMLTextAreaElement

const state = reactive<{ field: TextField | null; layout: KeyboardLayout; height: number }>({
  field: null,
  layout: 'pinyin',
  height: 0,
})

/** The on-screen keyboard: the field it types into (null when closed), its keys, and its height on screen. */
export const keyboard = readonly(state)

export function layoutOf(el: EventTarget | null): KeyboardLayout | undefined {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return undefined
  const wanted = el.dataset.keyboard as KeyboardLayout | undefined
  return wanted && LAYOUTS.includes(wanted) ? wanted : undefined
}

export function setKeyboardHeight(px: number): void {
  state.height = px
}

/** Open the keyboard for a field, as a tap on it does (a screen whose first act is typing calls this). */
export function openKeyboard(field: TextField | undefined | null): void {
  const layout = layoutOf(field ?? null)
  if (!field || !layout) return
  if (document.activeElement !== field) field.focus({ preventScroll: true })
  state.field = field
  state.layout = layout
}

/** Close the keyboard: the field loses focus, so the screen's buttons come back. */
export function closeKeyboard(): void {
  const field = state.field
  state.field = null
  field?.blur()
}

/** The field's value changed from the keyboard: tell v-model and any listener, as typing would. */
function changed(field: TextField): void {
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/** Type `text` at the caret (replacing a selection), as far as the field's maxlength allows. */
export function insertText(text: string): void {
  const field = state.field
  if (!field || !text) return
  const start = field.selectionStart ?? field.value.length
  const end = field.selectionEnd ?? start
  const max = field.maxLength > 0 ? field.maxLength : Infinity
  const room = max - (field.value.length - (end - start))
  const chars = [...text].slice(0, Math.max(0, room)).join('')
  if (!chars) return
  field.setRangeText(chars, start, end, 'end')
  changed(field)
}

/** Delete the selection, or the character before the caret. */
export function deleteBackward(): void {
  const field = state.field
  if (!field) return
  const start = field.selectionStart ?? field.value.length
  const end = field.selectionEnd ?? start
  if (start === end && start === 0) return
  const before = [...field.value.slice(0, start)]
  const from = start === end ? start - (before.at(-1)?.length ?? 1) : start
  field.setRangeText('', from, end, 'end')
  changed(field)
}

/**
 * Opens the keyboard when a visitor taps a field that asks for one (or its label), and closes it when
 * focus leaves for anything that is not such a field. Focus that comes from a hardware keyboard (Tab)
 * or from the screen itself does not open it: a counter PC with a keyboard keeps the screen clear.
 * Keys never take focus, so typing keeps the caret.
 */
export function useKeyboardFocus(): void {
  // The keyboard changes only once a tap has finished: closing it, or switching its keys, at the
  // tap's start would move the screen under the finger, and the tap would land on something else.
  let pointerDown = false
  let tapped: EventTarget | null = null
  let closeAfterTap = false
  const finishTap = (): void => {
    pointerDown = false
    const close = closeAfterTap
    closeAfterTap = false
    const active = document.activeElement
    // The field the tap began on opens, even if a message that appeared on the way moved it.
    if (layoutOf(active)) {
      if (state.field !== active && (state.field || active === tapped)) openKeyboard(active as TextField)
    } else if (close) state.field = null
    tapped = null
  }
  const onPointerDown = (e: PointerEvent): void => {
    pointerDown = true
    tapped = e.target instanceof HTMLLabelElement ? e.target.control : e.target
  }
  const onClick = (e: MouseEvent): void => {
    const target = e.target instanceof HTMLLabelElement ? e.target.control : e.target
    if (layoutOf(target)) openKeyboard(target as TextField)
  }
  const onFocusIn = (e: FocusEvent): void => {
    if (pointerDown) return
    // Moving from one field to the next (Tab) keeps the keyboard up, with that field's keys.
    const layout = layoutOf(e.target)
    if (state.field && layout) {
      state.field = e.target as TextField
      state.layout = layout
    } else if (!layout && !pointerDown) state.field = null
  }
  const onFocusOut = (e: FocusEvent): void => {
    if (e.target !== state.field || layoutOf(e.relatedTarget)) return
    if (pointerDown) closeAfterTap = true
    else state.field = null
  }
  const listeners = [
    ['pointerdown', onPointerDown, true],
    ['click', onClick, true],
    ['click', finishTap, false],
    ['pointercancel', finishTap, false],
    // A tap whose click never comes (its target went away) still ends.
    ['pointerup', () => setTimeout(finishTap, 0), false],
    ['focusin', onFocusIn, false],
    ['focusout', onFocusOut, false],
  ] as const
  onMounted(() => {
    for (const [type, listener, capture] of listeners) document.addEventListener(type, listener as EventListener, capture)
  })
  onUnmounted(() => {
    for (const [type, listener, capture] of listeners) document.removeEventListener(type, listener as EventListener, capture)
    state.field = null
  })
}
