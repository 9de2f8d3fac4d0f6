import { describe, expect, it } from 'vitest'
import { validatePassport } from './passport'

describe('passport numbers', () => {
  it('accepts letters and digits as printed, raising lower case', () => {
    expect(validatePassport('e12345678')).toEqual({ ok: true, value: 'E12345678' })
    expect(validatePassport('EA 1234567')).toEqual({ ok: true, value: 'EA1234567' })
    expect(validatePassport('533380006').ok).toBe(true)
  })

  it('refuses a name, punctuation, too short or no digit at all', () => {
    expect(validatePassport('张三')).toMatchObject({ ok: false, code: 'passport.format', message: '护照号码只能包含英文字母和数字' })
    expect(validatePassport('E1234-567')).toMatchObject({ ok: false, code: 'passport.format' })
    expect(validatePassport('E123')).toMatchObject({ ok: false, code: 'passport.length' })
    expect(validatePassport('ZHANGSAN')).toMatchObject({ ok: false, code: 'passport.noDigit' })
    expect(validatePassport('  ')).toMatchObject({ ok: false, code: 'passport.empty' })
  })
})
