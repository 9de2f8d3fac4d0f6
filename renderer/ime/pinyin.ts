/** One word the visitor may pick, and how many letters of what they typed it stands for. */
export interface Candidate {
  word: string
  consumed: number
}

interface Entry {
  rank: number
  words: string[]
}

/** At most this many completions of a partly typed reading ("hangzh" → 杭州) are offered. */
const MAX_COMPLETIONS = 24

/**
 * Pinyin to Chinese words, from the word list scripts/ime-dict.ts builds (`reading<TAB>rank<TAB>words`).
 * Candidates come in the order a visitor expects from a phone's keyboard: words for everything typed,
 * then words for a typed beginning of a longer reading, then words for the longest leading part (the
 * rest stays to be typed on), down to single characters.
 */
export class PinyinDictionary {
  private readonly entries = new Map<string, Entry>()
  private readonly readings: string[]

  constructor(text: string) {
    for (const line of text.split('\n')) {
      const [reading, rank, words] = line.split('\t')
      if (!reading || !words) continue
      this.entries.set(reading, { rank: Number(rank) || 0, words: words.split(' ') })
    }
    this.readings = [...this.entries.keys()].sort()
  }

  get size(): number {
    return this.entries.size
  }

  /** Candidates for the letters typed so far (lower case a–z; ü as v); apostrophes mark syllable breaks. */
  candidates(typed: string): Candidate[] {
    const input = typed.toLowerCase().replace(/[^a-z']/g, '')
    const letters = input.replace(/'/g, '')
    if (!letters) return []
    const out: Candidate[] = []
    const seen = new Set<string>()
    const push = (word: string, consumed: number): void => {
      const key = `${word}:${consumed}`
      if (seen.has(key)) return
      seen.add(key)
      out.push({ word, consumed })
    }
    const whole = this.entries.get(letters)
    for (const w of whole?.words ?? []) push(w, input.length)
    for (const w of this.completions(letters)) push(w, input.length)
    // Leading parts, longest first: "hangzhougongsi" offers 杭州 for its first eight letters.
    for (let end = input.length - 1; end > 0; end--) {
      const head = input.slice(0, end).replace(/'/g, '')
      const entry = head ? this.entries.get(head) : undefined
      if (!entry || input[end - 1] === "'") continue
      // A break the visitor typed goes with the word before it.
      const consumed = input[end] === "'" ? end + 1 : end
      for (const w of entry.words) push(w, consumed)
    }
    return out
  }

  /** The best word of each longer reading that starts with `prefix`, by frequency. */
  private completions(prefix: string): string[] {
    let lo = 0
    let hi = this.readings.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.readings[mid]! <= prefix) lo = mid + 1
      else hi = mid
    }
    const found: Entry[] = []
    for (let i = lo; i < this.readings.length && this.readings[i]!.startsWith(prefix); i++) {
      found.push(this.entries.get(this.readings[i]!)!)
    }
    return found
      .sort((a, b) => b.rank - a.rank)
      .slice(0, MAX_COMPLETIONS)
      .map((e) => e.words[0]!)
  }
}

/**
 * Splits candidates into pages that fit a bar `budget` characters wide (a Chinese character counts
 * one, each word one more for the gap), so long words never push a candidate out of sight.
 */
export function pageCandidates(candidates: Candidate[], budget: number): Candidate[][] {
  const pages: Candidate[][] = []
  let page: Candidate[] = []
  let used = 0
  for (const c of candidates) {
    const cost = [...c.word].length + 1
    if (page.length > 0 && used + cost > budget) {
      pages.push(page)
      page = []
      used = 0
    }
    page.push(c)
    used += cost
  }
  if (page.length > 0) pages.push(page)
  return pages
}
