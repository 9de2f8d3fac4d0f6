import { describe, expect, it, vi } from 'vitest'
import { adminPinHashOf, hostProvisioning, provisioningFiles, readProvisioning, type ProvisioningSources } from './provisioning'

const EXE_FILE = 'C:/Program Files/kiosk/provisioning.json'
const USER_FILE = 'C:/Users/kiosk/AppData/Roaming/kiosk/provisioning.json'
// The PIN 246810, 200000 iterations, a salt of sixteen 0x01 bytes.
const PIN_HASH = 'pbkdf2-sha256$200000$AQEBAQEBAQEBAQEBAQEBAQ==$BG3DtZQ8+PXURdVfuMky+5vLv0M6XHs6Z8zNScmtlgk='
const GOOD_FILE = JSON.stringify({ platformUrl: 'https://zlb.zj.gov.cn', adminPinHash: PIN_HASH })

function sources(overrides: Partial<ProvisioningSources> & { fileText?: Record<string, string> } = {}) {
  const log = { info: vi.fn(), warn: vi.fn() }
  const fileText = overrides.fileText ?? {}
  const s: ProvisioningSources = {
    argv: [],
    env: {},
    files: [EXE_FILE, USER_FILE],
    readFile: (path) => {
      const text = fileText[path]
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' })
      return text
    },
    log,
    ...overrides,
  }
  return { s, log }
}

function ok(s: ProvisioningSources) {
  const read = readProvisioning(s)
  if (read.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(read)}`)
  return read.provisioning
}

describe('readProvisioning', () => {
  it('says nothing was provisioned, and where it looked', () => {
    const { s, log } = sources()
    expect(readProvisioning(s)).toEqual({ status: 'missing', problems: [], looked: [EXE_FILE, USER_FILE] })
    expect(log.warn).toHaveBeenCalledWith('provisioning: none found, the setup screen shows', { looked: [EXE_FILE, USER_FILE] })
  })

  it('reads provisioning.json, with or without a BOM (Notepad writes one)', () => {
    const { s } = sources({ fileText: { [USER_FILE]: `\uFEFF${GOOD_FILE}` } })
    expect(ok(s)).toEqual({ platformUrl: 'https://zlb.zj.gov.cn', adminPinHash: PIN_HASH })
  })

  it('reads the command line', () => {
    const { s } = sources({
      argv: ['kiosk.exe', '--platform-url=https://zlb.zj.gov.cn/kiosk', '--enroll-code=HZ01ABCD', '--kiosk', '--mode=counter', `--admin-pin-hash=${PIN_HASH}`, '--retention-days=90'],
    })
    expect(ok(s)).toEqual({ platformUrl: 'https://zlb.zj.gov.cn/kiosk', enrollCode: 'HZ01ABCD', kiosk: true, mode: 'counter', adminPinHash: PIN_HASH, retentionDays: 90 })
  })

  it('lets --no-kiosk make a windowed install', () => {
    const { s } = sources({ argv: ['kiosk.exe', '--kiosk', '--no-kiosk'], fileText: { [EXE_FILE]: GOOD_FILE } })
    expect(ok(s).kiosk).toBe(false)
  })

  it('reads the environment', () => {
    const { s } = sources({ env: { KIOSK_PLATFORM_URL: 'http://127.0.0.1:8787', KIOSK_ENROLL_CODE: 'ABC123', KIOSK_ADMIN_PIN_HASH: PIN_HASH, KIOSK_RETENTION_DAYS: '365' } })
    expect(ok(s)).toEqual({ platformUrl: 'http://127.0.0.1:8787', enrollCode: 'ABC123', adminPinHash: PIN_HASH, retentionDays: 365 })
  })

  it('takes each field from the highest source that sets it', () => {
    const { s } = sources({
      argv: ['kiosk.exe', '--enroll-code=ARGV0001'],
      env: { KIOSK_PLATFORM_URL: 'https://env.example' },
      fileText: {
        [EXE_FILE]: JSON.stringify({ platformUrl: 'https://exe.example', enrollCode: 'EXE00001', adminPinHash: PIN_HASH }),
        [USER_FILE]: JSON.stringify({ platformUrl: 'https://user.example', enrollCode: 'USER0001', kiosk: false, receiptPrinter: 'TM-T82' }),
      },
    })
    expect(ok(s)).toEqual({ platformUrl: 'https://env.example', enrollCode: 'ARGV0001', kiosk: false, adminPinHash: PIN_HASH, receiptPrinter: 'TM-T82' })
  })

  it('names each bad field, where it came from, in the log and for the setup screen', () => {
    const { s, log } = sources({
      argv: ['kiosk.exe', '--enroll-code=abc'],
      fileText: { [EXE_FILE]: JSON.stringify({ platformUrl: 'http://10.1.2.3', mode: 'kiosk', adminPinHash: PIN_HASH }) },
    })
    const read = readProvisioning(s)
    expect(read).toMatchObject({ status: 'invalid', adminPinHash: PIN_HASH, looked: [EXE_FILE, USER_FILE] })
    if (read.status === 'ok') return
    expect(read.problems.map((p) => [p.field, p.code, p.source])).toEqual([
      ['platformUrl', 'https', EXE_FILE],
      ['enrollCode', 'enrollCode', 'command line'],
      ['mode', 'mode', EXE_FILE],
    ])
    expect(log.warn).toHaveBeenCalledWith(
      'provisioning: platformUrl: must start with https:// (http:// is allowed only for 127.0.0.1 or localhost)',
      { field: 'platformUrl', code: 'https', source: EXE_FILE },
    )
    expect(log.warn).toHaveBeenCalledTimes(3)
  })

  it('reports a file that is not JSON, naming the file', () => {
    const { s, log } = sources({ fileText: { [EXE_FILE]: "{platformUrl: 'x'", [USER_FILE]: GOOD_FILE } })
    const read = readProvisioning(s)
    expect(read.status).toBe('invalid')
    if (read.status === 'ok') return
    expect(read.problems).toEqual([expect.objectContaining({ field: '(file)', code: 'notJson', source: EXE_FILE })])
    expect(read.adminPinHash).toBe(PIN_HASH)
    expect(log.warn.mock.calls[0]?.[0]).toMatch(/^provisioning: \(file\): is not valid JSON \(/)
  })

  it('reports a file that cannot be read, other than a missing one', () => {
    const { s } = sources({
      readFile: () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' })
      },
    })
    const read = readProvisioning(s)
    if (read.status === 'ok') throw new Error('expected problems')
    expect(read.problems.map((p) => [p.code, p.source])).toEqual([
      ['unreadable', EXE_FILE],
      ['unreadable', USER_FILE],
    ])
  })

  it('reports a file that holds a list instead of an object', () => {
    const { s } = sources({ fileText: { [EXE_FILE]: `[${GOOD_FILE}]` } })
    const read = readProvisioning(s)
    expect(read.status === 'invalid' && read.problems.map((p) => p.code)).toEqual(['notObject'])
  })

  it('keeps the kiosk locked down when provisioning is broken and --kiosk was given', () => {
    const { s } = sources({ argv: ['kiosk.exe', '--kiosk'], fileText: { [EXE_FILE]: '{"platformUrl":"x"}' } })
    expect(readProvisioning(s)).toMatchObject({ status: 'invalid', kiosk: true })
  })

  it('gives retention days written as text to the schema to name', () => {
    const read = readProvisioning(sources({ env: { KIOSK_RETENTION_DAYS: 'half a year', KIOSK_PLATFORM_URL: 'https://a.example', KIOSK_ADMIN_PIN_HASH: PIN_HASH } }).s)
    expect(read.status === 'invalid' && read.problems.map((p) => [p.field, p.code, p.source])).toEqual([['retentionDays', 'retentionDays', 'environment']])
  })
})

describe('hostProvisioning', () => {
  it('hands the renderer the settings with defaults, never the PIN hash', () => {
    const read = readProvisioning(sources({ fileText: { [EXE_FILE]: GOOD_FILE } }).s)
    const state = hostProvisioning(read)
    expect(state).toEqual({
      status: 'ok',
      settings: { platformUrl: 'https://zlb.zj.gov.cn', retentionDays: 180, mode: 'visitor', idleTimeouts: { visitor: 60, staff: 600 } },
    })
    expect(JSON.stringify(state)).not.toContain('pbkdf2')
    expect(adminPinHashOf(read)).toBe(PIN_HASH)
  })

  it('tells the setup screen what is wrong and whether a PIN guards the details', () => {
    const read = readProvisioning(sources({ fileText: { [EXE_FILE]: JSON.stringify({ platformUrl: 'x', adminPinHash: PIN_HASH }) } }).s)
    const state = hostProvisioning(read)
    expect(state).toMatchObject({ status: 'invalid', adminPin: true, looked: [EXE_FILE, USER_FILE] })
    expect(JSON.stringify(state)).not.toContain('pbkdf2')
    expect(hostProvisioning(readProvisioning(sources().s))).toEqual({ status: 'missing', problems: [], looked: [EXE_FILE, USER_FILE], adminPin: false })
  })
})

describe('provisioningFiles', () => {
  it('looks in ProgramData first on Windows, then beside the program, then in the user data folder', () => {
    expect(
      provisioningFiles({
        platform: 'win32',
        env: { ProgramData: 'C:\\ProgramData' },
        exePath: 'C:\\Users\\kiosk\\AppData\\Local\\Programs\\企业综合服务一窗通\\one-window-kiosk.exe',
        userData: 'C:\\Users\\kiosk\\AppData\\Roaming\\企业综合服务一窗通',
      }),
    ).toEqual([
      'C:\\ProgramData\\one-window-kiosk\\provisioning.json',
      'C:\\Users\\kiosk\\AppData\\Local\\Programs\\企业综合服务一窗通\\provisioning.json',
      'C:\\Users\\kiosk\\AppData\\Roaming\\企业综合服务一窗通\\provisioning.json',
    ])
  })

  it('looks in /etc on Linux, and beside the .AppImage file rather than inside its temporary mount', () => {
    expect(
      provisioningFiles({
        platform: 'linux',
        env: { APPIMAGE: '/home/kiosk/one-window-kiosk.AppImage' },
        exePath: '/tmp/.mount_oneWinXYZ/one-window-kiosk',
        userData: '/home/kiosk/.config/企业综合服务一窗通',
      }),
    ).toEqual(['/etc/one-window-kiosk/provisioning.json', '/home/kiosk/provisioning.json', '/home/kiosk/.config/企业综合服务一窗通/provisioning.json'])
  })
})
