import { onMounted, onUnmounted, ref, watch, type Ref } from 'vue'
import type { Locale } from '../../shared/index'

const VOICE_LANG: Record<Locale, string> = { 'zh-CN': 'zh', en: 'en' }

/** The system's voice for a language, if it has one (Windows ships offline zh-CN and English voices). */
export function voiceFor(voices: SpeechSynthesisVoice[], locale: Locale): SpeechSynthesisVoice | undefined {
  const want = VOICE_LANG[locale]
  const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith(want))
  return matching.find((v) => v.localService && v.lang.toLowerCase().replace('_', '-') === locale.toLowerCase()) ??
    matching.find((v) => v.localService) ??
    matching[0]
}

/**
 * Reading a screen aloud through the Web Speech API, in the visitor's language. `available` is false
 * where the machine has no voice for it, and the 🔊 button then hides. Speech stops when the screen goes.
 */
export function useSpeech(locale: Ref<Locale>): { available: Ref<boolean>; speaking: Ref<boolean>; speak: (lines: string[]) => void; stop: () => void } {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined
  const voice = ref<SpeechSynthesisVoice>()
  const available = ref(false)
  const speaking = ref(false)

  function pickVoice(): void {
    voice.value = synth ? voiceFor(synth.getVoices(), locale.value) : undefined
    available.value = voice.value !== undefined
  }

  function stop(): void {
    if (synth && speaking.value) synth.cancel()
    speaking.value = false
  }

  function speak(lines: string[]): void {
    if (!synth || !voice.value) return
    synth.cancel()
    const utterance = new SpeechSynthesisUtterance(lines.filter((l) => l.trim()).join('。\n'))
    utterance.voice = voice.value
    utterance.lang = voice.value.lang
    utterance.rate = 0.9
    utterance.onend = () => (speaking.value = false)
    utterance.onerror = () => (speaking.value = false)
    speaking.value = true
    synth.speak(utterance)
  }

  onMounted(() => {
    pickVoice()
    synth?.addEventListener('voiceschanged', pickVoice)
  })
  onUnmounted(() => {
    synth?.removeEventListener('voiceschanged', pickVoice)
    stop()
  })
  watch(locale, () => {
    stop()
    pickVoice()
  })
  return { available, speaking, speak, stop }
}
