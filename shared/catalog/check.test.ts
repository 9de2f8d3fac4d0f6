import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from './builtin'
import { checkCatalog } from './check'
import type { Catalog } from './schema'

/** A deep copy without shared references, as a catalog arriving by sync would be. */
const copyOf = (c: Catalog): Catalog => JSON.parse(JSON.stringify(c)) as Catalog

function broken(edit: (c: Catalog) => void): string[] {
  const copy = copyOf(BUILTIN_CATALOG)
  edit(copy)
  const result = checkCatalog(copy)
  if (result.ok) throw new Error('expected the edited catalog to be refused')
  return result.errors
}

const item = (c: Catalog, id: string) => c.items.find((i) => i.id === id)!

describe('checkCatalog', () => {
  it('accepts the built-in catalog', () => {
    const result = checkCatalog(BUILTIN_CATALOG)
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  it('names the item and field of a condition on a later question', () => {
    const errors = broken((c) => {
      item(c, 'talent-housing').questions[2]!.showIf = { key: 'homePurchaseDate', equals: true }
    })
    expect(errors).toContain('item "talent-housing": questions[2].showIf.key "homePurchaseDate" is not an earlier question')
  })

  it('names the item and field of a schema error', () => {
    const errors = broken((c) => {
      item(c, 'finance-guarantee').timeLimitDays = 0
      ;(item(c, 'project-eia').questions[1] as { type: string }).type = 'colour'
    })
    expect(errors.some((e) => e.startsWith('item "finance-guarantee": timeLimitDays '))).toBe(true)
    expect(errors.some((e) => e.startsWith('item "project-eia": questions[1].type '))).toBe(true)
  })

  it('refuses a department or bundle item that does not exist', () => {
    const errors = broken((c) => {
      item(c, 'policy-vat-refund').departmentId = 'tax-office'
      c.bundles[0]!.itemIds[1] = 'talent-villa'
      c.appealCategories[0]!.departmentId = 'nobody'
    })
    expect(errors).toEqual([
      'item "policy-vat-refund": departmentId "tax-office" is not a listed department',
      'bundle "bundle-talent": itemIds[1] "talent-villa" is not an item',
      'appeal category "policy-fulfilment": departmentId "nobody" is not a listed department',
    ])
  })

  it('refuses a shared question key defined differently in two items', () => {
    const errors = broken((c) => {
      const q = item(c, 'innov-tech-sme').questions.find((x) => x.key === 'employeeCount')!
      q.max = 500
    })
    expect(errors).toEqual([
      'item "innov-tech-sme": questions[1] "employeeCount" differs from the question with that key in item "policy-matching"',
    ])
  })

  it('refuses a shared material id with a different name', () => {
    const errors = broken((c) => {
      item(c, 'project-filing').materials[0]!.name = { zh: '执照', en: 'Licence' }
    })
    expect(errors).toEqual([
      'item "project-filing": materials[0] "business-license" differs in name or note from item "company-seal"',
    ])
  })

  it('allows a shared material to differ only in whether and how it is required', () => {
    const copy = copyOf(BUILTIN_CATALOG)
    item(copy, 'company-seal').materials[0]!.form = 'original'
    item(copy, 'company-seal').materials[0]!.required = false
    expect(checkCatalog(copy).ok).toBe(true)
  })

  it('refuses choice questions without options and conditions on values that do not exist', () => {
    const errors = broken((c) => {
      const housing = item(c, 'talent-housing')
      housing.questions[8]!.showIf = { key: 'housingSupport', equals: 'villa' }
      const seal = item(c, 'company-seal')
      seal.questions[0]!.options = []
      seal.questions[2]!.showIf = { key: 'sealDelivery', includes: 'post' }
    })
    expect(errors).toContain('item "talent-housing": questions[8].showIf.equals "villa" is not an option of single question "housingSupport"')
    expect(errors).toContain('item "company-seal": questions[0].options: a multi question needs at least two options')
    expect(errors).toContain('item "company-seal": questions[2].showIf.includes "post" is not an option of multi question "sealDelivery"')
  })

  it('refuses repeated ids and repeated question keys', () => {
    const errors = broken((c) => {
      c.items.push({ ...item(c, 'company-seal') })
      const filing = item(c, 'project-filing')
      filing.questions.push(filing.questions[0]!)
    })
    expect(errors).toContain('item or bundle "company-seal": id is used twice')
    expect(errors).toContain('item "project-filing": questions[6].key "projectName" is asked twice')
  })

  it('refuses what is not a catalog at all', () => {
    const result = checkCatalog('catalog')
    expect(result.ok).toBe(false)
  })
})
