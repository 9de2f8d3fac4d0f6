import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from './builtin'
import { DOMAIN_IDS, QUESTION_TYPES } from './schema'

const c = BUILTIN_CATALOG
const bundle = (id: string) => c.bundles.find((b) => b.id === id)!
const names = (ids: string[]) => ids.map((id) => c.items.find((i) => i.id === id)!.name.zh)

describe('BUILTIN_CATALOG', () => {
  it('offers at least 40 items over all eight domains', () => {
    expect(c.items.length).toBeGreaterThanOrEqual(40)
    for (const d of DOMAIN_IDS) expect(c.items.filter((i) => i.domain === d).length, d).toBeGreaterThanOrEqual(4)
  })

  it('uses every question type, conditions and optional materials somewhere', () => {
    const questions = c.items.flatMap((i) => i.questions)
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES))
    expect(questions.some((q) => q.showIf?.includes)).toBe(true)
    expect(questions.some((q) => typeof q.showIf?.equals === 'string')).toBe(true)
    expect(questions.some((q) => q.showIf?.equals === true)).toBe(true)
    const materials = c.items.flatMap((i) => i.materials)
    expect(new Set(materials.map((m) => m.form))).toEqual(new Set(['original', 'copy', 'either']))
    expect(materials.some((m) => !m.required)).toBe(true)
  })

  it('gives each item keywords and at least one question', () => {
    for (const i of c.items) {
      expect(i.keywords.length, i.id).toBeGreaterThan(0)
      expect(i.questions.length, i.id).toBeGreaterThan(0)
    }
  })

  it('has the talent, finance and employment bundles of the reform', () => {
    expect(names(bundle('bundle-talent').itemIds)).toEqual(['高层次人才分类认定', '人才住房安居保障', '人才子女就学', '人才居留落户', '人才资金补助申领'])
    expect(names(bundle('bundle-finance').itemIds)).toEqual(['政府性融资担保', '区域性股权市场挂牌', '产业基金对接', '上市培育'])
    expect(names(bundle('bundle-employment').itemIds)).toEqual([
      '企业招工服务',
      '职业技能培训补贴',
      '单位社保参保登记与增减员',
      '职称评审申报',
      '劳动纠纷调解',
      '职工退休办理',
    ])
    expect(c.bundles.length).toBeGreaterThanOrEqual(6)
  })

  it('routes every kind of enterprise problem, with 其他 as the catch-all', () => {
    const zh = c.appealCategories.map((a) => a.name.zh)
    for (const name of ['政策兑现', '审批堵点', '融资难题', '用工问题', '知识产权保护', '涉企执法', '拖欠账款', '水电气网要素保障', '其他问题']) {
      expect(zh).toContain(name)
    }
  })
})
