import { z } from 'zod'
import { LocalizedText } from '../i18n-text'

export const DOMAIN_IDS = [
  'project',
  'policy',
  'finance',
  'talent',
  'legal',
  'innovation',
  'openness',
  'data',
] as const
export const DomainId = z.enum(DOMAIN_IDS)
export type DomainId = z.infer<typeof DomainId>

export const Domain = z.object({
  id: DomainId,
  name: LocalizedText,
  summary: LocalizedText,
})
export type Domain = z.infer<typeof Domain>

export const Department = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: LocalizedText,
})
export type Department = z.infer<typeof Department>

export const QUESTION_TYPES = [
  'text',
  'longText',
  'number',
  'amount',
  'date',
  'single',
  'multi',
  'yesNo',
  'mobile',
  'uscc',
  'residentId',
  'passport',
  'bankCard',
] as const
export const QuestionType = z.enum(QUESTION_TYPES)
export type QuestionType = z.infer<typeof QuestionType>

export const Choice = z.object({ value: z.string().min(1), label: LocalizedText })
export type Choice = z.infer<typeof Choice>

/**
 * A question is shown only when an earlier answer calls for it. `equals` matches a single choice or
 * yes/no answer; `includes` matches one value of a multiple choice.
 */
export const ShowIf = z.object({
  key: z.string().min(1),
  equals: z.union([z.string(), z.boolean()]).optional(),
  includes: z.string().optional(),
})
export type ShowIf = z.infer<typeof ShowIf>

/**
 * How far before and after the day of intake a date answer may lie, in calendar days: a start date
 * already passed has `futureDays: 0`, a planned date `pastDays: 0`.
 */
export const DateRange = z.object({
  pastDays: z.number().int().min(0).optional(),
  futureDays: z.number().int().min(0).optional(),
})
export type DateRange = z.infer<typeof DateRange>

export const Question = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
  type: QuestionType,
  label: LocalizedText,
  help: LocalizedText.optional(),
  required: z.boolean(),
  options: z.array(Choice).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  showIf: ShowIf.optional(),
  dateRange: DateRange.optional(),
  /** The same fact as the contact's: the kiosk offers 同联系人 and fills it from the contact. */
  sameAs: z.enum(['contactName', 'contactMobile']).optional(),
})
export type Question = z.infer<typeof Question>

export const MaterialForm = z.enum(['original', 'copy', 'either'])
export type MaterialForm = z.infer<typeof MaterialForm>

export const Material = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: LocalizedText,
  required: z.boolean(),
  form: MaterialForm,
  note: LocalizedText.optional(),
})
export type Material = z.infer<typeof Material>

export const ServiceItem = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  domain: DomainId,
  name: LocalizedText,
  summary: LocalizedText,
  departmentId: z.string().min(1),
  /** 限时办结: working days from intake to the promised completion date. */
  timeLimitDays: z.number().int().positive().max(365),
  keywords: z.array(z.string().min(1)).min(1),
  questions: z.array(Question),
  materials: z.array(Material),
})
export type ServiceItem = z.infer<typeof ServiceItem>

export const Bundle = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: LocalizedText,
  summary: LocalizedText,
  itemIds: z.array(z.string().min(1)).min(2),
  keywords: z.array(z.string().min(1)).min(1),
})
export type Bundle = z.infer<typeof Bundle>

export const AppealCategory = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: LocalizedText,
  departmentId: z.string().min(1),
  timeLimitDays: z.number().int().positive().max(365),
})
export type AppealCategory = z.infer<typeof AppealCategory>

export const Catalog = z.object({
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(-\d+)?$/),
  domains: z.array(Domain).length(8),
  departments: z.array(Department).min(1),
  items: z.array(ServiceItem).min(1),
  bundles: z.array(Bundle),
  appealCategories: z.array(AppealCategory).min(1),
})
export type Catalog = z.infer<typeof Catalog>
