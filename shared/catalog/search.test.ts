import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from './builtin'
import { searchCatalog } from './search'

const TALENT = ['bundle-talent', 'talent-certification', 'talent-housing', 'talent-school', 'talent-residence', 'talent-subsidy']
const ids = (q: string) => searchCatalog(BUILTIN_CATALOG, q).map((h) => h.id)

describe('searchCatalog', () => {
  it('finds the talent items and bundle by Chinese, full pinyin, spaced pinyin and initials', () => {
    for (const q of ['人才', 'rencai', 'ren cai', 'RenCai', 'rc']) {
      expect(ids(q).slice(0, TALENT.length).sort(), q).toEqual([...TALENT].sort())
    }
  })

  it('finds financing by pinyin and Chinese, the bundle first', () => {
    const hits = ids('rongzi')
    expect(hits[0]).toBe('bundle-finance')
    expect(hits).toEqual(expect.arrayContaining(['finance-guarantee', 'finance-equity-listing', 'finance-fund-matching', 'innov-patent-pledge']))
    expect(ids('融资')[0]).toBe('bundle-finance')
  })

  it('ranks an exact name first', () => {
    const hits = searchCatalog(BUILTIN_CATALOG, '政府性融资担保')
    expect(hits[0]).toEqual({ kind: 'item', id: 'finance-guarantee', score: 100 })
    expect(ids('Talent housing support')[0]).toBe('talent-housing')
    expect(ids('上市培育')[0]).toBe('finance-ipo-cultivation')
  })

  it('matches English words, keywords, and keywords inside a sentence', () => {
    expect(ids('housing')[0]).toBe('talent-housing')
    expect(ids('IPO')[0]).toBe('finance-ipo-cultivation')
    expect(ids('环评')[0]).toBe('project-eia')
    expect(ids('我想申请融资担保')[0]).toBe('finance-guarantee')
    expect(ids('lvshi')).toContain('legal-consultation')
    expect(ids('kbqy')[0]).toBe('bundle-start-business')
  })

  it('requires every word of a multi-word query', () => {
    expect(ids('人才 住房')[0]).toBe('talent-housing')
    expect(ids('人才 火星')).toEqual([])
  })

  it('finds nothing for an empty or unrelated query', () => {
    expect(ids('   ')).toEqual([])
    expect(ids('火星移民')).toEqual([])
    expect(ids('zzzz')).toEqual([])
  })

  it('still finds items of a synced catalog the pinyin index does not know, by their text', () => {
    const catalog = structuredClone(BUILTIN_CATALOG)
    catalog.items.push({ ...catalog.items[0]!, id: 'new-item', name: { zh: '首台套保险补偿', en: 'First-of-a-kind equipment insurance' }, keywords: ['首台套'] })
    expect(ids('首台套')).toEqual([])
    expect(searchCatalog(catalog, '首台套')[0]).toEqual({ kind: 'item', id: 'new-item', score: 85 })
  })
})
