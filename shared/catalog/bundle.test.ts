import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from './builtin'
import { mergeItems } from './bundle'
import type { Catalog } from './schema'

const talent = BUILTIN_CATALOG.bundles.find((b) => b.id === 'bundle-talent')!

describe('mergeItems', () => {
  it('asks a question shared by several items once, in item order', () => {
    const form = mergeItems(BUILTIN_CATALOG, talent.itemIds)
    const keys = form.questions.map((q) => q.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.slice(0, 5)).toEqual(['applicantName', 'isForeignNational', 'passportNo', 'applicantIdNo', 'applicantMobile'])
    expect(keys.indexOf('housingSupport')).toBeGreaterThan(keys.indexOf('certificationBasis'))
    expect(keys.indexOf('childName')).toBeGreaterThan(keys.indexOf('homePurchaseDate'))
    const asked = BUILTIN_CATALOG.items.filter((i) => talent.itemIds.includes(i.id)).flatMap((i) => i.questions).length
    expect(keys.length).toBeLessThan(asked)
  })

  it('keeps every condition after the question it depends on', () => {
    for (const b of BUILTIN_CATALOG.bundles) {
      const keys = mergeItems(BUILTIN_CATALOG, b.itemIds).questions.map((q) => q.key)
      mergeItems(BUILTIN_CATALOG, b.itemIds).questions.forEach((q, i) => {
        if (q.showIf) expect(keys.indexOf(q.showIf.key), `${b.id} ${q.key}`).toBeLessThan(i)
      })
    }
  })

  it('lists a shared document once, required if any item requires it, the strictest form winning', () => {
    const form = mergeItems(BUILTIN_CATALOG, talent.itemIds)
    const id = form.materials.find((m) => m.id === 'applicant-id')!
    expect(id.itemIds).toEqual(talent.itemIds)
    expect(id.form).toBe('original')
    const register = form.materials.find((m) => m.id === 'household-register')!
    expect(register).toMatchObject({ required: true, form: 'original', itemIds: ['talent-housing', 'talent-school', 'talent-residence'] })
    expect(form.materials.filter((m) => m.id === 'talent-certificate')).toHaveLength(1)
  })

  it('collects departments once and promises the slowest time limit', () => {
    const form = mergeItems(BUILTIN_CATALOG, talent.itemIds)
    expect(form.departmentIds).toEqual(['talent-office', 'housing', 'education', 'psb-household'])
    expect(form.timeLimitDays).toBe(20)
    expect(form.itemIds).toEqual(talent.itemIds)
  })

  it('merges form by strictness in either order', () => {
    const catalog: Catalog = structuredClone(BUILTIN_CATALOG)
    const [a, b] = ['company-seal', 'project-filing'].map((id) => catalog.items.find((i) => i.id === id)!)
    a!.materials = [{ id: 'x-doc', name: { zh: '甲', en: 'A' }, required: false, form: 'copy' }]
    b!.materials = [{ id: 'x-doc', name: { zh: '甲', en: 'A' }, required: false, form: 'either' }]
    expect(mergeItems(catalog, ['company-seal', 'project-filing']).materials).toEqual([
      { id: 'x-doc', name: { zh: '甲', en: 'A' }, required: false, form: 'copy', itemIds: ['company-seal', 'project-filing'] },
    ])
    expect(mergeItems(catalog, ['project-filing', 'company-seal']).materials[0]!.form).toBe('copy')
  })

  it('refuses an item the catalog does not have', () => {
    expect(() => mergeItems(BUILTIN_CATALOG, ['talent-housing', 'talent-villa'])).toThrow(/talent-villa/)
  })
})
