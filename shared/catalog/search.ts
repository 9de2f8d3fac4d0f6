import { PINYIN_INDEX } from './pinyin-index.generated'
import type { Catalog } from './schema'

export interface SearchHit {
  kind: 'item' | 'bundle'
  id: string
  score: number
}

interface Entry {
  kind: SearchHit['kind']
  id: string
  zh: string
  en: string
  keywords: string[]
  summary: string
  /** Name first, then keywords: space-separated pinyin syllables. */
  pinyin: readonly string[]
}

const HAS_HAN = /\p{Script=Han}/u

/** How well `q` (lower-case) matches pinyin: whole name, from its start, from a later syllable, by initials. */
function pinyinScore(q: string, syllableText: string, isName: boolean): number {
  const syllables = syllableText.split(' ')
  const joined = syllables.join('')
  const initials = syllables.map((s) => s[0]).join('')
  let best = 0
  const take = (name: number, keyword: number) => {
    best = Math.max(best, isName ? name : keyword)
  }
  if (joined === q) take(90, 62)
  else if (joined.startsWith(q)) take(80, 55)
  else if (syllables.some((_, k) => syllables.slice(k).join('').startsWith(q))) take(60, 45)
  if (q.length >= 2) {
    if (initials === q) take(75, 55)
    else if (initials.startsWith(q)) take(60, 45)
    else if (initials.includes(q)) take(40, 35)
  }
  return best
}

/** Spaces and apostrophes are how people split pinyin ("ren cai", "xi'an"); the letters are the query. */
function pinyinMatch(e: Entry, q: string): number {
  const letters = q.replace(/[\s']/g, '')
  if (!/^[a-z]+$/.test(letters)) return 0
  return Math.max(0, ...e.pinyin.map((p, i) => pinyinScore(letters, p, i === 0)))
}

function termScore(e: Entry, q: string): number {
  let best = pinyinMatch(e, q)
  const take = (score: number) => {
    best = Math.max(best, score)
  }
  const en = e.en.toLowerCase()
  if (e.zh === q || en === q) take(100)
  if (e.zh.startsWith(q)) take(85)
  else if (e.zh.includes(q)) take(70)
  for (const k of e.keywords) {
    const kw = k.toLowerCase()
    if (kw === q) take(65)
    else if (kw.includes(q)) take(55)
    // A sentence like "我想申请融资担保" names a keyword; the longer the keyword, the more specific.
    else if (kw.length >= 2 && q.includes(kw)) take(Math.min(40 + 3 * kw.length, 60))
  }
  if (q.length >= 2 && en.split(/[^a-z0-9]+/).some((w) => w.startsWith(q))) take(50)
  else if (q.length >= 3 && en.includes(q)) take(30)
  if (HAS_HAN.test(q) ? q.length >= 2 && e.summary.includes(q) : q.length >= 3 && e.summary.toLowerCase().includes(q)) take(20)
  return best
}

function entriesOf(catalog: Catalog, index: Readonly<Record<string, readonly string[]>>): Entry[] {
  const entry = (kind: Entry['kind'], x: Catalog['items'][number] | Catalog['bundles'][number]): Entry => ({
    kind,
    id: x.id,
    zh: x.name.zh,
    en: x.name.en,
    keywords: x.keywords,
    summary: `${x.summary.zh} ${x.summary.en.toLowerCase()}`,
    pinyin: index[x.id] ?? [],
  })
  return [...catalog.bundles.map((b) => entry('bundle', b)), ...catalog.items.map((i) => entry('item', i))]
}

/**
 * Finds items and bundles by Chinese or English name, keyword, or pinyin (full, spaced, or initials).
 * Best first: an exact name, then a name that starts with the query, then keywords. Items a synced
 * catalog adds are found by their text; pinyin covers what the built-in index knows.
 */
export function searchCatalog(
  catalog: Catalog,
  query: string,
  pinyinIndex: Readonly<Record<string, readonly string[]>> = PINYIN_INDEX,
): SearchHit[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ')
  if (!q) return []
  const terms = q.split(' ')
  const hits: SearchHit[] = []
  for (const e of entriesOf(catalog, pinyinIndex)) {
    let score = termScore(e, q)
    if (terms.length > 1) {
      // Several words must each match, unless together they spell pinyin.
      const each = terms.map((t) => termScore(e, t))
      score = each.every((s) => s > 0) ? Math.max(score, Math.round(Math.min(...each) * 0.9)) : pinyinMatch(e, q)
    }
    if (score > 0) hits.push({ kind: e.kind, id: e.id, score })
  }
  // Array sort is stable: equal scores keep catalog order, bundles first.
  return hits.sort((a, b) => b.score - a.score)
}
