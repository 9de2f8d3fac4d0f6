import { describe, expect, it } from 'vitest'
import { luhnValid, validateBankCard } from './bankCard'

describe('bank card numbers', () => {
  it('accepts 16 to 19 digits with a Luhn check digit, spaces removed', () => {
    expect(validateBankCard('6222 0212 3456 7890 128')).toEqual({ ok: true, value: '6222021234567890128' })
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(validateBankCard('4111111111111111').ok).toBe(true)
  })

  it('refuses names, wrong lengths and a wrong check digit with a plain reason', () => {
    expect(validateBankCard('张三')).toMatchObject({ ok: false, code: 'bankCard.format', message: '银行卡号只能包含数字' })
    expect(validateBankCard('')).toMatchObject({ ok: false, code: 'bankCard.empty' })
    expect(validateBankCard('411111111111111')).toMatchObject({ ok: false, code: 'bankCard.length', message: '银行卡号应为16至19位，当前为15位' })
    expect(validateBankCard('4111111111111112')).toMatchObject({ ok: false, code: 'bankCard.checkDigit' })
  })
})
