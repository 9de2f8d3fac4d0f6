import { describe, expect, it } from 'vitest'
import { validateMobile } from './mobile'

describe('validateMobile', () => {
  it('removes spaces, dashes and the country code', () => {
    for (const input of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '008613800138000', '8613800138000']) {
      expect(validateMobile(input), input).toEqual({ ok: true, value: '13800138000' })
    }
  })

  it('accepts every mainland prefix from 13 to 19', () => {
    for (const p of ['13', '14', '15', '16', '17', '18', '19']) expect(validateMobile(`${p}912345678`).ok, p).toBe(true)
  })

  it('explains what is wrong', () => {
    expect(validateMobile('  ')).toMatchObject({ ok: false, code: 'mobile.empty', message: '请输入手机号码' })
    expect(validateMobile('1380013800a')).toMatchObject({ ok: false, code: 'mobile.format' })
    expect(validateMobile('1380013800')).toMatchObject({ ok: false, code: 'mobile.length', message: '手机号码应为11位，当前为10位' })
    expect(validateMobile('12800138000')).toMatchObject({ ok: false, code: 'mobile.prefix' })
    expect(validateMobile('057187654321')).toMatchObject({ ok: false, code: 'mobile.length' })
  })
})
