import { describe, expect, it } from 'vitest'
import { addressProblem, checkProvisioning, PROVISIONING_PROBLEMS, salvageAdminPinHash, settingsOf, type ProvisioningProblemCode } from './provisioning'

// The PIN 246810, 200000 iterations, a salt of sixteen 0x01 bytes.
const PIN_HASH = 'pbkdf2-sha256$200000$AQEBAQEBAQEBAQEBAQEBAQ==$BG3DtZQ8+PXURdVfuMky+5vLv0M6XHs6Z8zNScmtlgk='
const GOOD = { platformUrl: 'https://zlb.zj.gov.cn/kiosk', adminPinHash: PIN_HASH }

function problemsOf(raw: unknown) {
  const checked = checkProvisioning(raw)
  if (checked.ok) throw new Error('expected problems')
  return checked.problems.map((p) => [p.field, p.code])
}

describe('provisioning schema', () => {
  it('takes a complete provisioning', () => {
    const full = {
      ...GOOD,
      enrollCode: 'HZ01ABCD',
      kiosk: true,
      retentionDays: 90,
      centerName: '杭州市企业综合服务中心',
      mode: 'counter',
      receiptPrinter: 'EPSON TM-T82III Receipt',
      openingHours: [{ days: 'workdays', from: '08:30', to: '17:30' }, { days: ['sat'], from: '09:00', to: '12:00' }],
      idleTimeouts: { visitor: 90, staff: 600 },
      updateUrl: 'https://updates.zj.gov.cn/kiosk/',
    }
    expect(checkProvisioning(full)).toEqual({ ok: true, value: full })
  })

  it('needs only the platform address and the admin PIN hash; the rest has defaults', () => {
    const checked = checkProvisioning(GOOD)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(settingsOf(checked.value)).toEqual({
      platformUrl: GOOD.platformUrl,
      retentionDays: 180,
      mode: 'visitor',
      idleTimeouts: { visitor: 60, staff: 600 },
    })
  })

  it('never hands the PIN hash on in the settings', () => {
    const checked = checkProvisioning(GOOD)
    if (!checked.ok) throw new Error('valid')
    expect(JSON.stringify(settingsOf(checked.value))).not.toContain('pbkdf2')
  })

  it.each<[string, Record<string, unknown>, string, ProvisioningProblemCode]>([
    ['no platform address', { platformUrl: undefined }, 'platformUrl', 'required'],
    ['a platform address that is not one', { platformUrl: 'zlb.zj.gov.cn' }, 'platformUrl', 'url'],
    ['an ftp platform address', { platformUrl: 'ftp://zlb.zj.gov.cn' }, 'platformUrl', 'url'],
    ['a platform address with a password in it', { platformUrl: 'https://it:secret@zlb.zj.gov.cn' }, 'platformUrl', 'url'],
    ['plain http to another machine', { platformUrl: 'http://10.1.2.3:8080' }, 'platformUrl', 'https'],
    ['an enrollment code in lower case', { enrollCode: 'hz01abcd' }, 'enrollCode', 'enrollCode'],
    ['a short enrollment code', { enrollCode: 'HZ1' }, 'enrollCode', 'enrollCode'],
    ['kiosk as a word', { kiosk: 'yes' }, 'kiosk', 'boolean'],
    ['zero retention days', { retentionDays: 0 }, 'retentionDays', 'retentionDays'],
    ['fractional retention days', { retentionDays: 1.5 }, 'retentionDays', 'retentionDays'],
    ['retention days as text', { retentionDays: '180' }, 'retentionDays', 'retentionDays'],
    ['an empty center name', { centerName: '  ' }, 'centerName', 'centerName'],
    ['a center name with a line break', { centerName: '杭州\n中心' }, 'centerName', 'centerName'],
    ['an unknown mode', { mode: 'kiosk' }, 'mode', 'mode'],
    ['an empty printer name', { receiptPrinter: '' }, 'receiptPrinter', 'printerName'],
    ['opening hours that are not a list', { openingHours: 'workdays 9-17' }, 'openingHours', 'openingHours'],
    ['an empty list of opening hours', { openingHours: [] }, 'openingHours', 'openingHours'],
    ['an unknown weekday', { openingHours: [{ days: ['monday'], from: '09:00', to: '17:00' }] }, 'openingHours[0].days', 'days'],
    ['a time without its leading zero', { openingHours: [{ days: 'workdays', from: '9:00', to: '17:00' }] }, 'openingHours[0].from', 'time'],
    ['a period that ends before it starts', { openingHours: [{ days: 'workdays', from: '17:00', to: '09:00' }] }, 'openingHours[0].to', 'timeOrder'],
    ['a visitor timeout of five seconds', { idleTimeouts: { visitor: 5 } }, 'idleTimeouts.visitor', 'visitorIdle'],
    ['a staff timeout of a day', { idleTimeouts: { staff: 86_400 } }, 'idleTimeouts.staff', 'staffIdle'],
    ['idle timeouts as a number', { idleTimeouts: 60 }, 'idleTimeouts', 'idleTimeouts'],
    ['no admin PIN hash', { platformUrl: GOOD.platformUrl, adminPinHash: undefined }, 'adminPinHash', 'required'],
    ['the PIN itself instead of its hash', { adminPinHash: '246810' }, 'adminPinHash', 'pinHash'],
    ['a hash with too few iterations', { adminPinHash: PIN_HASH.replace('200000', '10000') }, 'adminPinHash', 'pinHashWeak'],
    ['an update server over plain http', { updateUrl: 'http://updates.zj.gov.cn/' }, 'updateUrl', 'https'],
    ['a misspelt key', { platformURL: 'https://x.example' }, 'platformURL', 'unknownField'],
  ])('names %s with its own message', (_name, patch, field, code) => {
    const raw = Object.fromEntries(Object.entries({ ...GOOD, ...patch }).filter(([, v]) => v !== undefined))
    expect(problemsOf(raw)).toEqual([[field, code]])
  })

  it('has a message of its own for every problem code', () => {
    const texts = Object.values(PROVISIONING_PROBLEMS)
    expect(new Set(texts).size).toBe(texts.length)
  })

  it('reports every bad field at once, not only the first', () => {
    expect(problemsOf({ platformUrl: 'http://10.0.0.1', enrollCode: 'x', mode: 'kiosk', adminPinHash: 'x' })).toEqual([
      ['platformUrl', 'https'],
      ['enrollCode', 'enrollCode'],
      ['mode', 'mode'],
      ['adminPinHash', 'pinHash'],
    ])
  })

  it('suggests the setting a misspelt key meant, and says where it came from', () => {
    const checked = checkProvisioning({ ...GOOD, enrolCode: 'HZ01ABCD', idleTimeouts: { Visitor: 60 } }, (field) => (field === 'enrolCode' ? 'D:/kiosk/provisioning.json' : undefined))
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.problems).toEqual([
      expect.objectContaining({ field: 'idleTimeouts.Visitor', code: 'unknownField', suggestion: 'visitor' }),
      {
        field: 'enrolCode',
        code: 'unknownField',
        suggestion: 'enrollCode',
        source: 'D:/kiosk/provisioning.json',
        message: 'enrolCode: is not a provisioning setting (misspelt?); did you mean enrollCode?',
      },
    ])
  })

  it('refuses what is not an object', () => {
    expect(problemsOf([GOOD])).toEqual([['(file)', 'notObject']])
    expect(problemsOf('https://x.example')).toEqual([['(file)', 'notObject']])
    expect(problemsOf(null)).toEqual([['(file)', 'notObject']])
  })

  it('keeps a good admin PIN hash out of a broken provisioning, so IT can unlock the setup screen', () => {
    expect(salvageAdminPinHash({ platformUrl: 'nonsense', adminPinHash: PIN_HASH })).toBe(PIN_HASH)
    expect(salvageAdminPinHash({ adminPinHash: '1234' })).toBeUndefined()
    expect(salvageAdminPinHash(null)).toBeUndefined()
  })
})

describe('server addresses', () => {
  it.each(['https://zlb.zj.gov.cn', 'https://10.1.2.3:8443/api', 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.8.9.10'])(
    'allows %s',
    (url) => expect(addressProblem(url)).toBeNull(),
  )

  it.each([
    ['http://10.1.2.3', 'https'],
    ['http://localhost.evil.example', 'https'],
    ['http://127.0.0.1.nip.io', 'https'],
    ['http://zlb.zj.gov.cn', 'https'],
    ['file:///C:/platform', 'url'],
    ['javascript:alert(1)', 'url'],
    ['https://', 'url'],
    ['', 'url'],
  ])('refuses %s (%s)', (url, problem) => expect(addressProblem(url)).toBe(problem))
})
