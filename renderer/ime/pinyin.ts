/** One word the visitor may pick, and how many letters of what they typed it stands for. */
export interface Candidate {
  word: string
  consumed: number
}

/** At most this many completions of a partly typed reading ("hangzh" → 杭州) are offered. */
const MAX_COMPLETIONS = 24

/**
 * Pinyin to Chinese words, from the word list scripts/ime-dict.ts builds (`reading<TAB>rank<TAB>words`,
 * readings sorted). Candidates come in the order a visitor expects from a phone's keyboard: words for
 * everything typed, then words for a typed beginning of a longer reading, then words for the longest
 * leading part (the rest stays to be typed on), down to single characters. Lines are split into words
 * only when asked for, so the list is ready as soon as it has loaded.
 */
export class PinyinDictionary {
  private readonly readings: string[] = []
  private readonly ranks: number[] = []
  private readonly lines: string[] = []
  private readonly index = new Map<string, number>()

  constructor(text: string) {
    const rows: Array<[string, number, string]> = []
    let sorted = true
    let start = 0
    while (start < text.length) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      const tab = text.indexOf('\t', start)
      const tab2 = tab < 0 || tab > end ? -1 : text.indexOf('\t', tab + 1)
      if (tab2 > 0 && tab2 < end) {
        const reading = text.slice(start, tab)
        if (rows.length > 0 && rows[rows.length - 1]![0] > reading) sorted = false
        rows.push([reading, Number(text.slice(tab + 1, tab2)) || 0, text.slice(tab2 + 1, end)])
      }
      start = end + 1
    }
    // The built list comes sorted; a hand-made one (tests) may not.
    if (!sorted) rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    for (const [reading, rank, line] of rows) {
      this.index.set(reading, this.readings.length)
      this.readings.push(reading)
      this.ranks.push(rank)
      this.lines.push(line)
    }
  }

  get size(): number {
    return this.readings.length
  }

  private words(i: number): string[] {
    return this.lines[i]!.split(' ')
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
    const whole = this.index.get(letters)
    if (whole !== undefined) for (const w of this.words(whole)) push(w, input.length)
    for (const w of this.completions(letters)) push(w, input.length)
    // Leading parts, longest first: "hangzhougongsi" offers 杭州 for its first eight letters.
    for (let end = input.length - 1; end > 0; end--) {
      const head = input.slice(0, end).replace(/'/g, '')
      const at = head ? this.index.get(head) : undefined
      if (at === undefined || input[end - 1] === "'") continue
      // A break the visitor typed goes with the word before it.
      const consumed = input[end] === "'" ? end + 1 : end
      for (const w of this.words(at)) push(w, consumed)
    }
    return out
  }

  /** The best word of each longer reading that starts with `prefix`, most frequent first. */
  private completions(prefix: string): string[] {
    if (prefix.length < 2) return []
    let lo = 0
    let hi = this.readings.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.readings[mid]! <= prefix) lo = mid + 1
      else hi = mid
    }
    // Keep the best few by rank while walking the readings that start with the prefix.
    const best: number[] = []
    for (let i = lo; i < this.readings.length && this.readings[i]!.startsWith(prefix); i++) {
      if (best.length === MAX_COMPLETIONS && this.ranks[i]! <= this.ranks[best[best.length - 1]!]!) continue
      let at = best.length
      while (at > 0 && this.ranks[best[at - 1]!]! < this.ranks[i]!) at--
      best.splice(at, 0, i)
      if (best.length > MAX_COMPLETIONS) best.pop()
    }
    return best.map((i) => {
      const line = this.lines[i]!
      const space = line.indexOf(' ')
      return space < 0 ? line : line.slice(0, space)
    })
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
