import { describe, expect, it } from 'vitest'
import { USCC_CHARSET, usccCheckChar, validateUscc } from './uscc'

// The worked example of GB 32100-2015.
const SAMPLE = '91350100M000100Y43'

describe('validateUscc', () => {
  it('accepts the standard example and normalises case and spaces', () => {
    expect(validateUscc(SAMPLE)).toEqual({ ok: true, value: SAMPLE })
    expect(validateUscc(' 9135 0100m000 100y43 ')).toEqual({ ok: true, value: SAMPLE })
  })

  it('computes the check character with weights 3^i mod 31', () => {
    expect(usccCheckChar(SAMPLE.slice(0, 17))).toBe('3')
    expect(USCC_CHARSET).toHaveLength(31)
  })

  it('refuses a wrong check character with the plain reason', () => {
    expect(validateUscc('91350100M000100Y44')).toMatchObject({
      ok: false,
      code: 'uscc.checkChar',
      message: '统一社会信用代码第18位校验码不正确，请核对后重新输入',
    })
  })

  it('catches every single-character typo', () => {
    for (let i = 0; i < 17; i++) {
      for (const ch of USCC_CHARSET) {
        if (ch === SAMPLE[i]) continue
        const typo = SAMPLE.slice(0, i) + ch + SAMPLE.slice(i + 1)
        expect(validateUscc(typo).ok, typo).toBe(false)
      }
    }
  })

  it('says how long the code is when the length is wrong', () => {
    expect(validateUscc('')).toMatchObject({ ok: false, code: 'uscc.empty' })
    expect(validateUscc(SAMPLE.slice(0, 15))).toMatchObject({ ok: false, code: 'uscc.length', message: '统一社会信用代码应为18位，当前为15位' })
  })

  it('names a letter the standard never uses and suggests the digit it resembles', () => {
    const withO = SAMPLE.replace('M000', 'M0O0')
    expect(validateUscc(withO)).toMatchObject({
      ok: false,
      code: 'uscc.forbiddenLetter',
      message: expect.stringContaining('请核对是否为数字0'),
    })
    expect(validateUscc('91350100M000100Y4-')).toMatchObject({ ok: false, code: 'uscc.illegalChar', message: expect.stringContaining('第18位') })
  })
})
