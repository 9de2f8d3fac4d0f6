import { describe, expect, it } from 'vitest'
import { sampleHeartbeat } from '../test/fixtures/heartbeat'
import { compareVersions, Heartbeat, withoutPersonalData } from './fleet'

const HEARTBEAT: Heartbeat = sampleHeartbeat()

describe('heartbeat', () => {
  it('takes a device report', () => {
    expect(Heartbeat.parse(HEARTBEAT)).toEqual(HEARTBEAT)
  })

  it.each([
    ['a visitor name', { contactName: '张三' }],
    ['a ticket number', { ticketNo: 'HZ01-K03-20261128-0007' }],
    ['a nested extra', { printer: { state: 'ready', lastJob: 'HZ01-K03' } }],
  ])('refuses any field it does not name (%s), so nothing personal rides along', (_name, extra) => {
    expect(Heartbeat.safeParse({ ...HEARTBEAT, ...extra }).success).toBe(false)
  })

  it.each([
    ['a negative count', { pendingEvents: -1 }],
    ['a version that is not one', { appVersion: 'latest' }],
    ['a control character in an error', { lastError: { at: HEARTBEAT.sentAt, message: 'bad\u0000' } }],
    ['a lone surrogate', { lastError: { at: HEARTBEAT.sentAt, message: 'bad\ud83d' } }],
    ['an unknown printer state', { printer: { state: 'on fire' } }],
    ['a date that is not one', { sentAt: 'yesterday' }],
  ])('refuses %s', (_name, patch) => {
    expect(Heartbeat.safeParse({ ...HEARTBEAT, ...patch }).success).toBe(false)
  })
})

describe('withoutPersonalData', () => {
  it('cuts out what looks like a mobile, an ID number, a USCC or an e-mail address', () => {
    expect(withoutPersonalData('mobile 13812345678 refused')).toBe('mobile … refused')
    expect(withoutPersonalData('id 33010619900101123X')).toBe('id …')
    expect(withoutPersonalData('uscc 91330106MA2KXXXX1U refused')).toBe('uscc … refused')
    expect(withoutPersonalData('write to zhang.san@example.com')).toBe('write to …')
  })

  it('keeps what an IT admin needs', () => {
    expect(withoutPersonalData('platform unreachable: connect ECONNREFUSED 10.1.2.3:443')).toBe('platform unreachable: connect ECONNREFUSED 10.1.2.3:443')
    expect(withoutPersonalData('HTTP 503')).toBe('HTTP 503')
  })

  it('always gives text the heartbeat schema takes', () => {
    const out = withoutPersonalData(`${'错'.repeat(199)}\ud83d\ude00\u0000\ud800`)
    expect(out.length).toBeLessThanOrEqual(200)
    expect(Heartbeat.safeParse({ ...HEARTBEAT, lastError: { at: HEARTBEAT.sentAt, message: out } }).success).toBe(true)
  })
})

describe('compareVersions', () => {
  it('orders numerically, a pre-release before its release', () => {
    const sorted = ['1.10.0', '1.9.3', '1.9.3-beta.1', '2.0.0', '0.9.0'].sort(compareVersions)
    expect(sorted).toEqual(['0.9.0', '1.9.3-beta.1', '1.9.3', '1.10.0', '2.0.0'])
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0)
  })
})
