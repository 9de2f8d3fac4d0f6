import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PINYIN_INDEX_FILE, renderPinyinIndex, toPinyin } from '../../../scripts/gen-pinyin-index'
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin'

describe('pinyin index', () => {
  it('is up to date with the built-in catalog (regenerate with `npm run catalog:pinyin`)', () => {
    expect(readFileSync(PINYIN_INDEX_FILE, 'utf8')).toBe(renderPinyinIndex(BUILTIN_CATALOG))
  })

  it('writes toneless syllables, ü as v, and keeps Latin words whole', () => {
    expect(toPinyin('劳动纠纷调解')).toBe('lao dong jiu fen tiao jie')
    expect(toPinyin('律师')).toBe('lv shi')
    expect(toPinyin('上市IPO（Pre-IPO）')).toBe('shang shi ipo pre ipo')
  })
})
