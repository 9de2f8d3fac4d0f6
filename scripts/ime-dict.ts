/**
 * Builds the word list of the on-screen pinyin keyboard from maintained npm packages, at build time:
 * words and their frequencies from jieba's dictionary (@node-rs/jieba, MIT), their readings from
 * pinyin-pro (MIT, reads polyphones in context), and the catalog's own words ranked high, because a
 * visitor here types 人才, 贷款 and 专利 more often than a newspaper does.
 *
 * Output: one line per reading, `pinyin<TAB>rank<TAB>word word …`, words best first, `rank` the
 * rounded log2 frequency of the first word (to rank completions across readings); readings sorted. Only
 * simplified characters of GB 2312 (and any the catalog uses) are kept, which drops the traditional
 * and rare forms the general dictionary also lists.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pinyin } from 'pinyin-pro'
import { BUILTIN_CATALOG } from '../shared/catalog/builtin'
import type { Catalog } from '../shared/catalog/schema'

export interface ImeDictOptions {
  /** Words of two or more characters to keep, most frequent first. */
  maxWords: number
  /** Longest word kept, in characters. */
  maxLength: number
  /** Words in the catalog's text get their frequency multiplied by this. */
  catalogBoost: number
}

export const DEFAULT_IME_OPTIONS: ImeDictOptions = { maxWords: 50_000, maxLength: 6, catalogBoost: 50 }

/** The 6,763 characters of GB 2312, the simplified characters in everyday use. */
function gb2312Characters(): Set<string> {
  const gbk = new TextDecoder('gbk')
  const chars = new Set<string>()
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = gbk.decode(new Uint8Array([hi, lo]))
      if (/^\p{Script=Han}$/u.test(c)) chars.add(c)
    }
  }
  return chars
}

function jiebaDictionary(): string {
  const require = createRequire(import.meta.url)
  return readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8')
}

/** All the Chinese text of a catalog a visitor may want to type: names, summaries, keywords, labels. */
function catalogText(catalog: Catalog): string[] {
  const texts: string[] = []
  for (const d of catalog.domains) texts.push(d.name.zh, d.summary.zh)
  for (const d of catalog.departments) texts.push(d.name.zh)
  for (const b of catalog.bundles) texts.push(b.name.zh, b.summary.zh, ...b.keywords)
  for (const a of catalog.appealCategories) texts.push(a.name.zh)
  for (const i of catalog.items) {
    texts.push(i.name.zh, i.summary.zh, ...i.keywords)
    for (const q of i.questions) texts.push(q.label.zh, ...(q.options ?? []).map((o) => o.label.zh))
  }
  return texts
}

const HAN = /^\p{Script=Han}+$/u

/** The toneless reading of a word, syllables joined: 银行 → "yinhang"; ü is typed as v. */
function readingOf(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array', v: true }).join('')
}

/** Every toneless reading of one character, the usual one first: 行 → xing, hang. */
function readingsOfChar(ch: string): string[] {
  const usual = pinyin(ch, { toneType: 'none', v: true })
  return [...new Set([usual, ...pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true })])].filter((r) => /^[a-z]+$/.test(r))
}

/** A rare reading of a character ranks far below its usual one: 见 is typed as jian, seldom as xian. */
const RARE_READING_SHARE = 0.01

export function buildImeDictionary(options: ImeDictOptions = DEFAULT_IME_OPTIONS, catalog: Catalog = BUILTIN_CATALOG): string {
  const allowed = gb2312Characters()
  const texts = catalogText(catalog)
  for (const text of texts) for (const ch of text) if (HAN.test(ch)) allowed.add(ch)

  const freq = new Map<string, number>()
  for (const line of jiebaDictionary().split('\n')) {
    const [word, count] = line.split(' ')
    if (!word || !count || !HAN.test(word) || [...word].length > options.maxLength) continue
    if (![...word].every((ch) => allowed.has(ch))) continue
    freq.set(word, Math.max(freq.get(word) ?? 0, Number(count)))
  }

  // Catalog words: every dictionary word found in its text, and its keywords as whole words.
  const boosted = new Set<string>()
  for (const text of texts) {
    const chars = [...text]
    for (let i = 0; i < chars.length; i++) {
      for (let n = 2; n <= options.maxLength && i + n <= chars.length; n++) {
        const w = chars.slice(i, i + n).join('')
        if (freq.has(w)) boosted.add(w)
      }
    }
  }
  for (const item of [...catalog.items, ...catalog.bundles]) {
    for (const k of item.keywords) if (HAN.test(k) && [...k].length <= options.maxLength) boosted.add(k)
  }
  for (const w of boosted) freq.set(w, Math.max((freq.get(w) ?? 0) * options.catalogBoost, 1000))

  const words = [...freq.entries()].filter(([w]) => [...w].length > 1).sort((a, b) => b[1] - a[1]).slice(0, options.maxWords)
  const byReading = new Map<string, Array<[string, number]>>()
  const add = (reading: string, word: string, count: number): void => {
    const list = byReading.get(reading) ?? []
    list.push([word, count])
    byReading.set(reading, list)
  }
  for (const [w, count] of words) add(readingOf(w), w, count)
  for (const ch of allowed) {
    const count = freq.get(ch) ?? 0
    readingsOfChar(ch).forEach((r, i) => add(r, ch, i === 0 ? count : count * RARE_READING_SHARE))
  }
  return [...byReading.keys()]
    .sort()
    .map((r) => {
      const list = byReading.get(r)!.sort((a, b) => b[1] - a[1])
      const rank = Math.max(0, Math.round(Math.log2(list[0]![1] + 1)))
      return `${r}\t${rank}\t${[...new Set(list.map(([w]) => w))].join(' ')}`
    })
    .join('\n')
}
