import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from './catalog/builtin'
import type { Question } from './catalog/schema'
import { requestTerms, validateAnswer, validateIntake } from './intake'
import type { ServiceRequest } from './request'
import { usccCheckChar } from './validators/uscc'

const label = { zh: '员工人数', en: 'Employees' }
const q = (type: Question['type'], extra: Partial<Question> = {}): Question => ({ key: 'k', type, label, required: true, ...extra })
const options = ['a', 'b', 'c'].map((value) => ({ value, label: { zh: value, en: value } }))
const ok = (check: ReturnType<typeof validateAnswer>) => (check.ok ? check.value : `fail:${check.code}`)

describe('validateAnswer', () => {
  it('requires an answer to a required question and lets an optional one be empty', () => {
    expect(validateAnswer(q('text'), undefined)).toMatchObject({ ok: false, code: 'answer.required', message: '请填写“员工人数”' })
    expect(validateAnswer(q('single', { options }), '')).toMatchObject({ ok: false, message: '请选择“员工人数”' })
    expect(ok(validateAnswer(q('multi', { options }), []))).toBe('fail:answer.required')
    expect(ok(validateAnswer(q('text', { required: false }), '  '))).toBeUndefined()
    expect(ok(validateAnswer(q('yesNo'), false))).toBe(false)
  })

  it('trims text and limits its length', () => {
    expect(ok(validateAnswer(q('text'), '  杭州  '))).toBe('杭州')
    expect(ok(validateAnswer(q('text'), 'x'.repeat(201)))).toBe('fail:answer.tooLong')
    expect(ok(validateAnswer(q('longText'), 'x'.repeat(2000)))).toHaveLength(2000)
    expect(ok(validateAnswer(q('text'), 5))).toBe('fail:answer.wrongType')
  })

  it('reads numbers, including typed text with separators, within min and max', () => {
    const n = q('number', { min: 0, max: 1000 })
    expect(ok(validateAnswer(n, 12))).toBe(12)
    expect(ok(validateAnswer(n, ' 1,000 '))).toBe(1000)
    expect(ok(validateAnswer(n, '12人'))).toBe('fail:answer.notNumber')
    expect(validateAnswer(n, 1001)).toMatchObject({ code: 'answer.aboveMax', message: '“员工人数”不能大于1000' })
    expect(ok(validateAnswer(n, -1))).toBe('fail:answer.belowMin')
    expect(ok(validateAnswer(n, Number.NaN))).toBe('fail:answer.notNumber')
  })

  it('takes amounts in yuan, non-negative, to the fen', () => {
    const a = q('amount')
    expect(ok(validateAnswer(a, '1,200.50'))).toBe(1200.5)
    expect(ok(validateAnswer(a, 0.07))).toBe(0.07)
    expect(ok(validateAnswer(a, 1.234))).toBe('fail:answer.amountDecimals')
    expect(ok(validateAnswer(a, -5))).toBe('fail:answer.negativeAmount')
    expect(ok(validateAnswer(q('amount', { min: 1 }), 0))).toBe('fail:answer.belowMin')
  })

  it('accepts only real dates', () => {
    expect(ok(validateAnswer(q('date'), '2026-02-28'))).toBe('2026-02-28')
    expect(ok(validateAnswer(q('date'), '2026-02-29'))).toBe('fail:answer.date')
    expect(ok(validateAnswer(q('date'), '2026/02/28'))).toBe('fail:answer.date')
  })

  it('keeps choices within the options, multi in option order without repeats', () => {
    expect(ok(validateAnswer(q('single', { options }), 'b'))).toBe('b')
    expect(ok(validateAnswer(q('single', { options }), 'z'))).toBe('fail:answer.notAnOption')
    expect(ok(validateAnswer(q('multi', { options }), ['c', 'a', 'c']))).toEqual(['a', 'c'])
    expect(ok(validateAnswer(q('multi', { options }), ['a', 'z']))).toBe('fail:answer.notAnOption')
    expect(ok(validateAnswer(q('multi', { options, max: 1 }), ['a', 'b']))).toBe('fail:answer.tooMany')
    expect(ok(validateAnswer(q('multi', { options }), 'a'))).toBe('fail:answer.wrongType')
    expect(ok(validateAnswer(q('yesNo'), 'yes'))).toBe('fail:answer.notYesNo')
  })

  it('normalises mobile numbers, credit codes and ID numbers with the shared validators', () => {
    expect(ok(validateAnswer(q('mobile'), '+86 138-0013-8000'))).toBe('13800138000')
    expect(ok(validateAnswer(q('mobile'), '1380013800'))).toBe('fail:mobile.length')
    const code = '91330106MA2H1234Y'
    expect(ok(validateAnswer(q('uscc'), (code + usccCheckChar(code)).toLowerCase()))).toBe(code + usccCheckChar(code))
    expect(ok(validateAnswer(q('residentId'), '11010519491231002x'))).toBe('11010519491231002X')
    expect(ok(validateAnswer(q('residentId'), '110105194912310021'))).toBe('fail:residentId.checkChar')
  })
})

const first17 = '91330106MA2H1234Y'
const USCC = first17 + usccCheckChar(first17)

function application(over: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    ticketNo: 'HZ01-K03-20260212-0001',
    centerId: 'hz01',
    deviceId: 'k03',
    channel: 'kiosk',
    kind: 'application',
    catalogVersion: BUILTIN_CATALOG.version,
    itemIds: ['company-seal', 'tax-new-taxpayer'],
    bundleId: 'bundle-start-business',
    enterprise: { uscc: USCC, name: '杭州示例科技有限公司' },
    contact: { name: '张三', mobile: '13800138000' },
    answers: {
      sealKinds: ['official', 'finance'],
      sealDelivery: true,
      deliveryAddress: '杭州市西湖区文三路1号',
      taxpayerType: 'small-scale',
      needsInvoices: false,
      financeContactMobile: '13900139000',
    },
    materials: { 'business-license': 'have', 'legal-rep-id': 'bring' },
    locale: 'zh-CN',
    consentAt: '2026-02-12T01:00:00.000Z',
    createdAt: '2026-02-12T01:05:00.000Z',
    dueDate: '2026-02-13',
    dueDateProvisional: false,
    departmentIds: ['psb-public-order', 'tax'],
    ...over,
  }
}

const fields = (req: ServiceRequest) => validateIntake(BUILTIN_CATALOG, req).map((e) => `${e.field} ${e.code}`)

describe('requestTerms', () => {
  it('counts from the intake day in China time with the slowest item', () => {
    const sel = { kind: 'application' as const, itemIds: ['company-seal', 'project-eia'] }
    // 2026-02-13 17:00 UTC is already Saturday 02-14 (a 调休 working day) in China.
    expect(requestTerms(BUILTIN_CATALOG, sel, '2026-02-13T17:00:00Z')).toEqual({
      dueDate: '2026-03-13',
      provisional: false,
      departmentIds: ['psb-public-order', 'ecology'],
      timeLimitDays: 15,
    })
    expect(requestTerms(BUILTIN_CATALOG, { kind: 'application', itemIds: ['company-seal'] }, '2026-02-13T15:00:00Z').dueDate).toBe('2026-02-14')
    expect(requestTerms(BUILTIN_CATALOG, { kind: 'application', itemIds: ['company-seal'] }, '2026-02-13T17:00:00Z').dueDate).toBe('2026-02-24')
  })

  it('uses the appeal category for a problem report and flags an uncovered year', () => {
    const terms = requestTerms(BUILTIN_CATALOG, { kind: 'appeal', itemIds: [], appealCategoryId: 'overdue-payments' }, '2026-12-20T02:00:00+08:00')
    expect(terms).toMatchObject({ departmentIds: ['economy'], timeLimitDays: 20, provisional: true })
  })

  it('refuses an unknown selection', () => {
    expect(() => requestTerms(BUILTIN_CATALOG, { kind: 'appeal', itemIds: [], appealCategoryId: 'weather' }, '2026-01-05T00:00:00Z')).toThrow(RangeError)
    expect(() => requestTerms(BUILTIN_CATALOG, { kind: 'application', itemIds: [] }, '2026-01-05T00:00:00Z')).toThrow(RangeError)
    expect(() => requestTerms(BUILTIN_CATALOG, { kind: 'application', itemIds: ['company-seal'] }, 'yesterday')).toThrow(RangeError)
  })
})

describe('validateIntake', () => {
  it('accepts a complete, consistent application', () => {
    expect(validateIntake(BUILTIN_CATALOG, application())).toEqual([])
  })

  it('checks the enterprise, the contact and consent', () => {
    const req = application({
      enterprise: { uscc: `${first17}0`.replace(/.$/, usccCheckChar(first17) === '0' ? '1' : '0'), name: '12345' },
      contact: { name: '张三', mobile: '1380013800' },
      consentAt: '2026-02-12T01:06:00.000Z',
    })
    expect(fields(req)).toEqual(['enterprise.uscc uscc.checkChar', 'contact.mobile mobile.length', 'enterprise.name enterprise.name', 'consentAt intake.consentLate'])
  })

  it('requires visible required answers and refuses hidden or unknown ones', () => {
    const req = application({
      answers: { sealKinds: ['official'], sealDelivery: false, deliveryAddress: '文三路', taxpayerType: 'general', needsInvoices: true, stray: 1 },
    })
    expect(fields(req)).toEqual([
      'answers.monthlyInvoiceAmount answer.required',
      'answers.financeContactMobile answer.required',
      'answers.deliveryAddress answer.hidden',
      'answers.stray answer.unknown',
    ])
    const messages = validateIntake(BUILTIN_CATALOG, req).map((e) => e.message)
    expect(messages[0]).toBe('请填写“预计每月开票金额（元）”')
  })

  it('reports invalid answers at their field', () => {
    const req = application({ answers: { ...application().answers, financeContactMobile: '12345678901' } })
    expect(fields(req)).toEqual(['answers.financeContactMobile mobile.prefix'])
  })

  it('requires a status for every required material and refuses unknown ones', () => {
    expect(fields(application({ materials: { 'business-license': 'have', 'birth-certificate': 'bring' } }))).toEqual([
      'materials.legal-rep-id material.noStatus',
      'materials.birth-certificate material.unknown',
    ])
    expect(fields(application({ materials: { 'business-license': 'have', 'legal-rep-id': 'have', 'authorization-letter': 'bring' } }))).toEqual([])
  })

  it('recomputes departments and due date and refuses a mismatch', () => {
    expect(fields(application({ dueDate: '2026-02-14', departmentIds: ['tax'], dueDateProvisional: true }))).toEqual([
      'departmentIds intake.departmentsMismatch',
      'dueDate intake.dueDateMismatch',
      'dueDateProvisional intake.provisionalMismatch',
    ])
    expect(fields(application({ departmentIds: ['tax', 'psb-public-order'] }))).toEqual([])
  })

  it('refuses unknown, repeated or out-of-bundle items, and an empty application', () => {
    expect(fields(application({ itemIds: ['company-seal', 'talent-villa', 'company-seal', 'talent-housing'] }))).toEqual([
      'itemIds[1] intake.unknownItem',
      'itemIds[2] intake.duplicateItem',
      'itemIds[3] intake.itemNotInBundle',
    ])
    expect(fields(application({ bundleId: 'bundle-spa' }))).toEqual(['bundleId intake.unknownBundle'])
    expect(fields(application({ itemIds: [], bundleId: undefined }))).toEqual(['itemIds intake.noItems'])
  })

  it('validates a problem report against its category', () => {
    const appeal = application({
      kind: 'appeal',
      itemIds: [],
      bundleId: undefined,
      answers: {},
      materials: {},
      appeal: { categoryId: 'overdue-payments', description: '某国企拖欠货款120万元已逾期半年', desiredOutcome: '协调尽快支付' },
      dueDate: '2026-03-18',
      departmentIds: ['economy'],
    })
    expect(fields(appeal)).toEqual([])
    expect(fields({ ...appeal, appeal: { ...appeal.appeal!, categoryId: 'weather' }, itemIds: ['company-seal'] })).toEqual([
      'appeal.categoryId intake.unknownAppealCategory',
      'itemIds intake.itemsOnAppeal',
    ])
    expect(fields({ ...appeal, appeal: undefined })).toEqual(['appeal intake.appealMissing'])
  })

  it('reports a malformed record by field instead of throwing', () => {
    const bad = { ...application(), ticketNo: 'nope' } as ServiceRequest
    expect(fields(bad)).toEqual(['ticketNo intake.schema'])
  })
})
