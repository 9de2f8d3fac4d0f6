import { describe, expect, it } from 'vitest'
import { buildImeDictionary } from '../../scripts/ime-dict'
import { PinyinDictionary, pageCandidates } from './pinyin'

const SMALL = [
  'hang\t10\t行 航 杭',
  'hangzhou\t11\t杭州',
  'gongsi\t12\t公司 公私',
  'xi\t12\t西 系',
  'xian\t13\t先 县 西安',
  'youxian\t12\t有限',
  'youxiangongsi\t12\t有限公司',
  'hangzhoushi\t9\t杭州市',
].join('\n')

describe('pinyin dictionary', () => {
  const dict = new PinyinDictionary(SMALL)
  const words = (typed: string) => dict.candidates(typed).map((c) => c.word)

  it('offers words for everything typed first, then longer readings it begins, then its leading parts', () => {
    expect(words('hangzhou')).toEqual(['杭州', '杭州市', '行', '航', '杭'])
    expect(dict.candidates('hangzhougongsi')[0]).toEqual({ word: '杭州', consumed: 8 })
    expect(words('hangzh')[0]).toBe('杭州')
    expect(words('')).toEqual([])
  })

  it('a typed break keeps syllables apart: xi\'an', () => {
    expect(dict.candidates("xi'an")[0]).toEqual({ word: '先', consumed: 5 })
    expect(dict.candidates("xi'an").find((c) => c.word === '西')).toEqual({ word: '西', consumed: 3 })
  })

  it('pages candidates so that each page fits the bar', () => {
    const pages = pageCandidates(dict.candidates('youxiangongsi'), 6)
    expect(pages[0]!.map((c) => c.word)).toEqual(['有限公司'])
    expect(pages.flat().length).toBe(dict.candidates('youxiangongsi').length)
  })
})

describe('the word list built from jieba and pinyin-pro', () => {
  const dict = new PinyinDictionary(buildImeDictionary())
  const first = (typed: string) => dict.candidates(typed)[0]?.word

  it('ranks everyday and catalog words first', { timeout: 60_000 }, () => {
    expect(first('hangzhou')).toBe('杭州')
    expect(first('youxiangongsi')).toBe('有限公司')
    expect(first('rencai')).toBe('人才')
    expect(first('daikuan')).toBe('贷款')
    expect(first('zhuanli')).toBe('专利')
    expect(first('women')).toBe('我们')
    expect(first('de')).toBe('的')
    expect(dict.size).toBeGreaterThan(20_000)
  })
})
