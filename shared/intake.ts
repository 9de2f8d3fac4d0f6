import { BUILTIN_CALENDAR } from './calendar/builtin'
import { chinaDateOf } from './calendar/chinaDate'
import { addWorkingDays } from './calendar/workingDays'
import { mergeItems } from './catalog/bundle'
import { visibleQuestions } from './catalog/conditions'
import type { Catalog, Question } from './catalog/schema'
import { type AnswerValue, ServiceRequest } from './request'
import { type Check, fail, pass } from './result'
import { checkText } from './text'
import type { CalendarYear } from './sync'
import { validateBankCard } from './validators/bankCard'
import { validateDateAnswer } from './validators/date'
import { validateMobile } from './validators/mobile'
import { validatePassport } from './validators/passport'
import { validateResidentId } from './validators/residentId'
import { validateUscc } from './validators/uscc'

export interface IntakeError {
  field: string
  code: string
  message: string
  messageEn: string
}

const TEXT_MAX = { text: 200, longText: 2000 } as const

function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)
}

/** A number typed as text is accepted with thousands separators ("1,200.50"); anything else is not a number. */
function toNumber(value: AnswerValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  const s = value.replace(/[\s,，]/g, '')
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined
}

function withinBounds(q: Question, n: number, zh: string, en: string): Check<number> {
  if (q.min !== undefined && n < q.min) return fail('answer.belowMin', `“${zh}”不能小于${q.min}`, `"${en}" must be at least ${q.min}`)
  if (q.max !== undefined && n > q.max) return fail('answer.aboveMax', `“${zh}”不能大于${q.max}`, `"${en}" must be at most ${q.max}`)
  return pass(n)
}

/** What an answer is checked against besides its question: `today` (YYYY-MM-DD, China time) bounds dates. */
export interface AnswerContext {
  today?: string
}

/**
 * The one rule for an answer, on the kiosk and on the platform alike: the normalised value to store,
 * or why it cannot be accepted. Every message carries both languages. The platform passes the day
 * of intake as `today`, the kiosk the day it asks, so a date is bounded the same way on both.
 */
export function validateAnswer(q: Question, value: AnswerValue | undefined, context: AnswerContext = {}): Check<AnswerValue | undefined> {
  const zh = q.label.zh
  const en = q.label.en
  const choose = q.type === 'single' || q.type === 'multi' || q.type === 'yesNo'
  if (isEmpty(value)) {
    if (!q.required) return pass(undefined)
    return choose
      ? fail('answer.required', `请选择“${zh}”`, `Please choose "${en}"`)
      : fail('answer.required', `请填写“${zh}”`, `Please fill in "${en}"`)
  }
  const v = value as AnswerValue
  const wrongType = () => fail('answer.wrongType', `“${zh}”的答案格式不正确`, `The answer to "${en}" has the wrong form`)
  switch (q.type) {
    case 'text':
    case 'longText': {
      if (typeof v !== 'string') return wrongType()
      const checked = checkText(v.trim(), { max: TEXT_MAX[q.type], multiline: q.type === 'longText', label: q.label })
      return checked.ok ? pass(checked.value) : fail(checked.code === 'text.tooLong' ? 'answer.tooLong' : checked.code, checked.message, checked.messageEn)
    }
    case 'number': {
      const n = toNumber(v)
      if (n === undefined) return fail('answer.notNumber', `“${zh}”应填写数字`, `"${en}" must be a number`)
      return withinBounds(q, n, zh, en)
    }
    case 'amount': {
      const n = toNumber(v)
      if (n === undefined) return fail('answer.notNumber', `“${zh}”应填写金额数字`, `"${en}" must be an amount in figures`)
      if (n < 0) return fail('answer.negativeAmount', `“${zh}”不能为负数`, `"${en}" cannot be negative`)
      if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) {
        return fail('answer.amountDecimals', `“${zh}”最多保留两位小数（精确到分）`, `"${en}" has at most two decimals (fen)`)
      }
      return withinBounds(q, n, zh, en)
    }
    case 'date':
      return typeof v === 'string' ? validateDateAnswer(q, v, context.today) : wrongType()
    case 'single': {
      if (typeof v !== 'string') return wrongType()
      if (!q.options?.some((o) => o.value === v)) {
        return fail('answer.notAnOption', `“${zh}”的选项“${v}”不在可选范围内`, `"${v}" is not one of the choices for "${en}"`)
      }
      return pass(v)
    }
    case 'multi': {
      if (!Array.isArray(v)) return wrongType()
      const unknown = v.find((x) => !q.options?.some((o) => o.value === x))
      if (unknown !== undefined) {
        return fail('answer.notAnOption', `“${zh}”的选项“${unknown}”不在可选范围内`, `"${unknown}" is not one of the choices for "${en}"`)
      }
      const picked = (q.options ?? []).map((o) => o.value).filter((o) => v.includes(o))
      if (q.min !== undefined && picked.length < q.min) {
        return fail('answer.tooFew', `“${zh}”至少选择${q.min}项`, `Choose at least ${q.min} for "${en}"`)
      }
      if (q.max !== undefined && picked.length > q.max) {
        return fail('answer.tooMany', `“${zh}”最多选择${q.max}项`, `Choose at most ${q.max} for "${en}"`)
      }
      return pass(picked)
    }
    case 'yesNo':
      return typeof v === 'boolean' ? pass(v) : fail('answer.notYesNo', `请为“${zh}”选择“是”或“否”`, `Answer "${en}" with yes or no`)
    case 'mobile':
      return typeof v === 'string' ? validateMobile(v) : wrongType()
    case 'uscc':
      return typeof v === 'string' ? validateUscc(v) : wrongType()
    case 'residentId':
      return typeof v === 'string' ? validateResidentId(v) : wrongType()
    case 'passport':
      return typeof v === 'string' ? validatePassport(v) : wrongType()
    case 'bankCard':
      return typeof v === 'string' ? validateBankCard(v) : wrongType()
  }
}

export interface RequestSelection {
  kind: 'application' | 'appeal'
  itemIds: string[]
  appealCategoryId?: string
}

export interface RequestTerms {
  dueDate: string
  provisional: boolean
  departmentIds: string[]
  timeLimitDays: number
}

/**
 * 限时办结 and 责任部门 of a request: counted from the intake day in China time, the slowest item's
 * (or the appeal category's) time limit, on the holiday calendar. Throws RangeError for an unknown selection.
 */
export function requestTerms(
  catalog: Catalog,
  sel: RequestSelection,
  createdAtIso: string,
  calendar: CalendarYear[] = BUILTIN_CALENDAR,
): RequestTerms {
  let departmentIds: string[]
  let timeLimitDays: number
  if (sel.kind === 'appeal') {
    const category = catalog.appealCategories.find((a) => a.id === sel.appealCategoryId)
    if (!category) throw new RangeError(`"${String(sel.appealCategoryId)}" is not an appeal category of catalog ${catalog.version}`)
    departmentIds = [category.departmentId]
    timeLimitDays = category.timeLimitDays
  } else {
    if (sel.itemIds.length === 0) throw new RangeError('an application needs at least one item')
    const form = mergeItems(catalog, sel.itemIds)
    departmentIds = form.departmentIds
    timeLimitDays = form.timeLimitDays
  }
  const { dueDate, provisional } = addWorkingDays(chinaDateOf(createdAtIso), timeLimitDays, calendar)
  return { dueDate, provisional, departmentIds, timeLimitDays }
}

function fromCheck(field: string, check: Check<unknown>): IntakeError[] {
  return check.ok ? [] : [{ field, code: check.code, message: check.message, messageEn: check.messageEn }]
}

function error(field: string, code: string, message: string, messageEn: string): IntakeError {
  return { field, code, message, messageEn }
}

function checkSelection(catalog: Catalog, req: ServiceRequest, errors: IntakeError[]): boolean {
  const before = errors.length
  if (req.kind === 'appeal') {
    if (!req.appeal) {
      errors.push(error('appeal', 'intake.appealMissing', '请描述需要解决的问题', 'Please describe the problem'))
    } else if (!catalog.appealCategories.some((a) => a.id === req.appeal!.categoryId)) {
      errors.push(error('appeal.categoryId', 'intake.unknownAppealCategory', `问题类别“${req.appeal.categoryId}”不在服务目录中`, `"${req.appeal.categoryId}" is not a problem category of the catalog`))
    }
    if (req.itemIds.length > 0) {
      errors.push(error('itemIds', 'intake.itemsOnAppeal', '反映问题时不选择办理事项', 'A problem report carries no service items'))
    }
    if (req.bundleId !== undefined) {
      errors.push(error('bundleId', 'intake.bundleOnAppeal', '反映问题时不选择一类事', 'A problem report carries no bundle'))
    }
    return errors.length === before
  }
  if (req.appeal) {
    errors.push(error('appeal', 'intake.appealOnApplication', '办理事项时不填写问题反映内容', 'An application carries no problem report'))
  }
  if (req.itemIds.length === 0) {
    errors.push(error('itemIds', 'intake.noItems', '请至少选择一个办理事项', 'Please choose at least one service'))
  }
  const bundle = req.bundleId === undefined ? undefined : catalog.bundles.find((b) => b.id === req.bundleId)
  if (req.bundleId !== undefined && !bundle) {
    errors.push(error('bundleId', 'intake.unknownBundle', `一类事“${req.bundleId}”不在服务目录中`, `"${req.bundleId}" is not a bundle of the catalog`))
  }
  req.itemIds.forEach((id, i) => {
    const field = `itemIds[${i}]`
    if (!catalog.items.some((item) => item.id === id)) {
      errors.push(error(field, 'intake.unknownItem', `事项“${id}”不在服务目录（${catalog.version}版）中`, `"${id}" is not a service of catalog ${catalog.version}`))
    } else if (req.itemIds.indexOf(id) !== i) {
      errors.push(error(field, 'intake.duplicateItem', `事项“${id}”重复选择`, `"${id}" is chosen twice`))
    } else if (bundle && !bundle.itemIds.includes(id)) {
      errors.push(error(field, 'intake.itemNotInBundle', `事项“${id}”不属于所选一类事`, `"${id}" is not part of the chosen bundle`))
    }
  })
  return errors.length === before
}

function checkAnswersAndMaterials(catalog: Catalog, req: ServiceRequest, errors: IntakeError[]): void {
  const form = req.kind === 'application' ? mergeItems(catalog, req.itemIds) : undefined
  const questions = form?.questions ?? []
  const visible = visibleQuestions(questions, req.answers)
  const today = chinaDateOf(req.createdAt)
  for (const q of visible) errors.push(...fromCheck(`answers.${q.key}`, validateAnswer(q, req.answers[q.key], { today })))
  for (const key of Object.keys(req.answers)) {
    if (visible.some((q) => q.key === key)) continue
    const q = questions.find((x) => x.key === key)
    errors.push(
      q
        ? error(`answers.${key}`, 'answer.hidden', `“${q.label.zh}”在当前情况下无需回答`, `"${q.label.en}" does not apply to the answers given`)
        : error(`answers.${key}`, 'answer.unknown', `“${key}”不是所选事项的问题`, `"${key}" is not a question of the chosen services`),
    )
  }
  const materials = form?.materials ?? []
  for (const m of materials) {
    if (m.required && req.materials[m.id] === undefined) {
      errors.push(error(`materials.${m.id}`, 'material.noStatus', `请确认“${m.name.zh}”是已携带还是稍后补交`, `Please say whether "${m.name.en}" is here or will be brought`))
    }
  }
  for (const id of Object.keys(req.materials)) {
    if (!materials.some((m) => m.id === id)) {
      errors.push(error(`materials.${id}`, 'material.unknown', `材料“${id}”不是所选事项需要的材料`, `"${id}" is not a document of the chosen services`))
    }
  }
}

function checkTerms(catalog: Catalog, req: ServiceRequest, calendar: CalendarYear[], errors: IntakeError[]): void {
  const terms = requestTerms(catalog, { kind: req.kind, itemIds: req.itemIds, appealCategoryId: req.appeal?.categoryId }, req.createdAt, calendar)
  const sameDepartments =
    terms.departmentIds.length === req.departmentIds.length && terms.departmentIds.every((d) => req.departmentIds.includes(d))
  if (!sameDepartments) {
    errors.push(error('departmentIds', 'intake.departmentsMismatch', `责任部门应为${terms.departmentIds.join('、')}`, `The responsible departments should be ${terms.departmentIds.join(', ')}`))
  }
  if (terms.dueDate !== req.dueDate) {
    errors.push(error('dueDate', 'intake.dueDateMismatch', `承诺办结日期应为${terms.dueDate}，而不是${req.dueDate}`, `The promised date should be ${terms.dueDate}, not ${req.dueDate}`))
  }
  if (terms.provisional !== req.dueDateProvisional) {
    errors.push(error('dueDateProvisional', 'intake.provisionalMismatch', '承诺办结日期是否为暂定与节假日安排不一致', 'Whether the promised date is provisional does not match the holiday calendar'))
  }
}

/**
 * Everything an intake must satisfy before it is stored (kiosk) or accepted (platform); empty when
 * valid. `calendar` must be the one the deadline was computed with, as synced to both sides.
 */
export function validateIntake(catalog: Catalog, req: ServiceRequest, calendar: CalendarYear[] = BUILTIN_CALENDAR): IntakeError[] {
  const parsed = ServiceRequest.safeParse(req)
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.') || 'request'
      // The shared text rule says what is wrong in both languages, naming the field.
      const text = 'params' in issue ? (issue.params as { code?: string; message?: string } | undefined) : undefined
      if (text?.code && text.message) return error(field, text.code, text.message, issue.message)
      return error(field, 'intake.schema', `“${field}”格式不正确：${issue.message}`, `"${field}" is malformed: ${issue.message}`)
    })
  }
  const errors: IntakeError[] = [
    ...fromCheck('enterprise.uscc', validateUscc(req.enterprise.uscc)),
    ...fromCheck('contact.mobile', validateMobile(req.contact.mobile)),
  ]
  if (!/[\p{Script=Han}A-Za-z]/u.test(req.enterprise.name)) {
    errors.push(error('enterprise.name', 'enterprise.name', '企业名称应包含汉字或字母', 'The enterprise name must contain Chinese characters or letters'))
  }
  if (Date.parse(req.consentAt) > Date.parse(req.createdAt)) {
    errors.push(error('consentAt', 'intake.consentLate', '须在提交前同意个人信息处理规则', 'Consent to personal information processing must come before submitting'))
  }
  if (checkSelection(catalog, req, errors)) {
    checkAnswersAndMaterials(catalog, req, errors)
    checkTerms(catalog, req, calendar, errors)
  }
  return errors
}
