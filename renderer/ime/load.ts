import { PinyinDictionary } from './pinyin'

let loading: Promise<PinyinDictionary> | undefined

/**
 * The pinyin word list, fetched the first time a Chinese keyboard opens (a chunk of its own, so the
 * visitor's first screens never wait for it) and kept for the next visitor. A failed load is tried
 * again on the next call.
 */
export function loadPinyinDictionary(): Promise<PinyinDictionary> {
  loading ??= import('virtual:ime-dict').then(
    (m) => new PinyinDictionary(m.default),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}
