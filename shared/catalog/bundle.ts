import type { Catalog, Material, MaterialForm, Question } from './schema'

export interface MergedForm {
  itemIds: string[]
  questions: Question[]
  materials: Array<Material & { itemIds: string[] }>
  departmentIds: string[]
  timeLimitDays: number
}

/** A stricter form wins when two items ask for the same document: original, then copy, then either. */
const FORM_RANK: Record<MaterialForm, number> = { original: 2, copy: 1, either: 0 }

/**
 * One form for several items (一类事): each question and each document once, in item order; the
 * promise is the slowest item's time limit.
 */
export function mergeItems(catalog: Catalog, itemIds: string[]): MergedForm {
  const byId = new Map(catalog.items.map((i) => [i.id, i]))
  const questions = new Map<string, Question>()
  const materials = new Map<string, Material & { itemIds: string[] }>()
  const departmentIds: string[] = []
  let timeLimitDays = 0
  const ids = [...new Set(itemIds)]
  for (const id of ids) {
    const item = byId.get(id)
    if (!item) throw new RangeError(`"${id}" is not an item of catalog ${catalog.version}`)
    for (const q of item.questions) if (!questions.has(q.key)) questions.set(q.key, q)
    for (const m of item.materials) {
      const seen = materials.get(m.id)
      if (!seen) {
        materials.set(m.id, { ...m, itemIds: [id] })
        continue
      }
      seen.itemIds.push(id)
      seen.required ||= m.required
      if (FORM_RANK[m.form] > FORM_RANK[seen.form]) seen.form = m.form
    }
    if (!departmentIds.includes(item.departmentId)) departmentIds.push(item.departmentId)
    timeLimitDays = Math.max(timeLimitDays, item.timeLimitDays)
  }
  return { itemIds: ids, questions: [...questions.values()], materials: [...materials.values()], departmentIds, timeLimitDays }
}
