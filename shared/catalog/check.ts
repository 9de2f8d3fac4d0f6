import type { z } from 'zod'
import { Catalog, type Question, type ServiceItem } from './schema'

export type CatalogCheck = { ok: true; catalog: Catalog } | { ok: false; errors: string[] }

const OWNER_NAMES: Record<string, string> = {
  items: 'item',
  bundles: 'bundle',
  appealCategories: 'appeal category',
  departments: 'department',
  domains: 'domain',
}

/** JSON with sorted keys, so two definitions compare equal whatever order their fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('')
}

/** Names the item (or bundle…) a schema problem sits in by its id, so an author can find it. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const [list, index, ...rest] = issue.path
  const owner = typeof list === 'string' ? OWNER_NAMES[list] : undefined
  if (owner && typeof index === 'number') {
    const entry = (data as Record<string, unknown[]>)[list as string]?.[index] as { id?: unknown } | undefined
    const who = typeof entry?.id === 'string' ? `${owner} "${entry.id}"` : `${list as string}[${index}]`
    return rest.length ? `${who}: ${formatPath(rest)} ${issue.message}` : `${who}: ${issue.message}`
  }
  return issue.path.length ? `catalog: ${formatPath(issue.path)} ${issue.message}` : `catalog: ${issue.message}`
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id)
  return [...repeated]
}

function checkQuestions(item: ServiceItem, errors: string[]): void {
  const at = (i: number) => `item "${item.id}": questions[${i}]`
  const earlier = new Map<string, Question>()
  item.questions.forEach((q, i) => {
    if (earlier.has(q.key)) errors.push(`${at(i)}.key "${q.key}" is asked twice`)
    const choices = q.type === 'single' || q.type === 'multi'
    if (choices && (q.options?.length ?? 0) < 2) errors.push(`${at(i)}.options: a ${q.type} question needs at least two options`)
    if (!choices && q.options) errors.push(`${at(i)}.options: a ${q.type} question has no options`)
    const values = q.options?.map((o) => o.value) ?? []
    for (const v of duplicates(values)) errors.push(`${at(i)}.options value "${v}" is listed twice`)
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) errors.push(`${at(i)}.min ${q.min} is above max ${q.max}`)
    if (q.showIf) {
      const { key, equals, includes } = q.showIf
      const target = earlier.get(key)
      if (!target) {
        errors.push(`${at(i)}.showIf.key "${key}" is not an earlier question`)
      } else {
        const targetValues = target.options?.map((o) => o.value) ?? []
        if (typeof equals === 'boolean' && target.type !== 'yesNo') {
          errors.push(`${at(i)}.showIf.equals is true/false but "${key}" is a ${target.type} question`)
        }
        if (typeof equals === 'string' && (target.type !== 'single' || !targetValues.includes(equals))) {
          errors.push(`${at(i)}.showIf.equals "${equals}" is not an option of single question "${key}"`)
        }
        if (includes !== undefined && (target.type !== 'multi' || !targetValues.includes(includes))) {
          errors.push(`${at(i)}.showIf.includes "${includes}" is not an option of multi question "${key}"`)
        }
      }
    }
    earlier.set(q.key, q)
  })
}

function crossCheck(c: Catalog): string[] {
  const errors: string[] = []
  for (const id of duplicates(c.domains.map((d) => d.id))) errors.push(`domain "${id}": id is listed twice`)
  for (const id of duplicates(c.departments.map((d) => d.id))) errors.push(`department "${id}": id is listed twice`)
  for (const id of duplicates([...c.items.map((i) => i.id), ...c.bundles.map((b) => b.id)])) {
    errors.push(`item or bundle "${id}": id is used twice`)
  }
  for (const id of duplicates(c.appealCategories.map((a) => a.id))) errors.push(`appeal category "${id}": id is listed twice`)

  const departments = new Set(c.departments.map((d) => d.id))
  const questionOwner = new Map<string, { itemId: string; text: string }>()
  const materialOwner = new Map<string, { itemId: string; text: string }>()
  for (const item of c.items) {
    if (!departments.has(item.departmentId)) {
      errors.push(`item "${item.id}": departmentId "${item.departmentId}" is not a listed department`)
    }
    checkQuestions(item, errors)
    item.questions.forEach((q, i) => {
      const text = canonical(q)
      const first = questionOwner.get(q.key)
      if (!first) questionOwner.set(q.key, { itemId: item.id, text })
      else if (first.text !== text && first.itemId !== item.id) {
        errors.push(`item "${item.id}": questions[${i}] "${q.key}" differs from the question with that key in item "${first.itemId}"`)
      }
    })
    for (const id of duplicates(item.materials.map((m) => m.id))) {
      errors.push(`item "${item.id}": materials id "${id}" is listed twice`)
    }
    item.materials.forEach((m, i) => {
      // Whether a document is required, and in which form, may differ per item; what it is may not.
      const text = canonical({ name: m.name, note: m.note })
      const first = materialOwner.get(m.id)
      if (!first) materialOwner.set(m.id, { itemId: item.id, text })
      else if (first.text !== text && first.itemId !== item.id) {
        errors.push(`item "${item.id}": materials[${i}] "${m.id}" differs in name or note from item "${first.itemId}"`)
      }
    })
  }

  const items = new Set(c.items.map((i) => i.id))
  for (const b of c.bundles) {
    b.itemIds.forEach((id, i) => {
      if (!items.has(id)) errors.push(`bundle "${b.id}": itemIds[${i}] "${id}" is not an item`)
    })
    for (const id of duplicates(b.itemIds)) errors.push(`bundle "${b.id}": itemIds "${id}" is listed twice`)
  }
  for (const a of c.appealCategories) {
    if (!departments.has(a.departmentId)) {
      errors.push(`appeal category "${a.id}": departmentId "${a.departmentId}" is not a listed department`)
    }
  }
  return errors
}

/** The schema plus the rules a schema cannot say (references, shared keys); run before every build and on sync. */
export function checkCatalog(data: unknown): CatalogCheck {
  const parsed = Catalog.safeParse(data)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => describeIssue(data, issue)) }
  const errors = crossCheck(parsed.data)
  return errors.length ? { ok: false, errors } : { ok: true, catalog: parsed.data }
}
