import { describe, expect, it } from 'vitest'
import { validateResidentId } from './residentId'

// The worked example of GB 11643-1999.
const SAMPLE = '11010519491231002X'
const today = new Date('2026-11-28T00:00:00Z')

describe('validateResidentId', () => {
  it('accepts the standard example and upper-cases a trailing x', () => {
    expect(validateResidentId(SAMPLE, today)).toEqual({ ok: true, value: SAMPLE })
    expect(validateResidentId(' 110105 19491231 002x', today)).toEqual({ ok: true, value: SAMPLE })
  })

  it('refuses a wrong check character', () => {
    expect(validateResidentId('110105194912310021', today)).toMatchObject({ ok: false, code: 'residentId.checkChar' })
  })

  it('says how long the number is when the length is wrong', () => {
    expect(validateResidentId('', today)).toMatchObject({ ok: false, code: 'residentId.empty' })
    expect(validateResidentId('110105491231002', today)).toMatchObject({ ok: false, code: 'residentId.length', message: '身份证号应为18位，当前为15位' })
  })

  it('refuses letters where digits belong', () => {
    expect(validateResidentId('1101051949123100XX', today)).toMatchObject({ ok: false, code: 'residentId.format' })
  })

  it('refuses birth dates that do not exist, are too early, or are in the future', () => {
    expect(validateResidentId('110105194902300000', today)).toMatchObject({ ok: false, code: 'residentId.birthDate' })
    expect(validateResidentId('110105189912310000', today)).toMatchObject({ ok: false, code: 'residentId.birthDate' })
    expect(validateResidentId('110105202612010000', today)).toMatchObject({ ok: false, code: 'residentId.birthDate', message: expect.stringContaining('20261201') })
  })
})
