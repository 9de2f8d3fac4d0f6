import type { LocalizedText } from '../../i18n-text'
import type { Choice, DateRange, Material, MaterialForm, Question, QuestionType } from '../schema'

export function t(zh: string, en: string): LocalizedText {
  return { zh, en }
}

export function choice(value: string, zh: string, en: string): Choice {
  return { value, label: t(zh, en) }
}

/** A question, required unless `extra` says otherwise. */
export function ask(
  key: string,
  type: QuestionType,
  label: LocalizedText,
  extra: Partial<Omit<Question, 'key' | 'type' | 'label'>> = {},
): Question {
  return { key, type, label, required: true, ...extra }
}

const YEAR = 365

/** A date that has already happened: up to `years` back, never after the day of intake. */
export function past(years: number): DateRange {
  return { pastDays: Math.round(years * YEAR), futureDays: 0 }
}

/** A date still to come: from the day of intake up to `years` ahead. */
export function ahead(years: number): DateRange {
  return { pastDays: 0, futureDays: Math.round(years * YEAR) }
}

/** A document as several items know it; each item decides whether it needs it and in which form. */
export interface MaterialDef {
  id: string
  name: LocalizedText
  form: MaterialForm
  note?: LocalizedText
}

export function doc(id: string, name: LocalizedText, form: MaterialForm, note?: LocalizedText): MaterialDef {
  return note ? { id, name, form, note } : { id, name, form }
}

export function req(m: MaterialDef, form: MaterialForm = m.form): Material {
  return { ...m, required: true, form }
}

export function opt(m: MaterialDef, form: MaterialForm = m.form): Material {
  return { ...m, required: false, form }
}
