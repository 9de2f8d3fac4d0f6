import { describe, expect, it, vi } from 'vitest'
import { hostProvisioning, readProvisioning, type ProvisioningSources } from './provisioning'

const EXE_FILE = 'C:/Program Files/kiosk/provisioning.json'
const USER_FILE = 'C:/Users/kiosk/AppData/Roaming/kiosk/provisioning.json'

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

describe('readProvisioning', () => {
  it('is empty, and quiet, when nothing is provisioned', () => {
    const { s, log } = sources()
    expect(readProvisioning(s)).toEqual({})
    expect(log.warn).not.toHaveBeenCalled()
  })

  it('reads the command line', () => {
    const { s } = sources({ argv: ['kiosk.exe', '--platform-url=https://zlb.zj.gov.cn/kiosk', '--enroll-code=HZ01ABCD', '--kiosk'] })
    expect(readProvisioning(s)).toEqual({ platformUrl: 'https://zlb.zj.gov.cn/kiosk', enrollCode: 'HZ01ABCD', kiosk: true })
  })

  it('lets --no-kiosk make a windowed counter install', () => {
    const { s } = sources({ argv: ['kiosk.exe', '--kiosk', '--no-kiosk'] })
    expect(readProvisioning(s).kiosk).toBe(false)
  })

  it('reads the environment', () => {
    const { s } = sources({ env: { KIOSK_PLATFORM_URL: 'http://10.1.2.3:8080', KIOSK_ENROLL_CODE: 'ABC123' } })
    expect(readProvisioning(s)).toEqual({ platformUrl: 'http://10.1.2.3:8080', enrollCode: 'ABC123' })
  })

  it('reads provisioning.json, with or without a BOM (Notepad writes one)', () => {
    const text = '\uFEFF{"platformUrl":"https://zlb.zj.gov.cn","enrollCode":"HZ01ABCD","kiosk":true}'
    const { s } = sources({ fileText: { [USER_FILE]: text } })
    expect(readProvisioning(s)).toEqual({ platformUrl: 'https://zlb.zj.gov.cn', enrollCode: 'HZ01ABCD', kiosk: true })
  })

  it('takes each field from the highest source that sets it', () => {
    const { s } = sources({
      argv: ['kiosk.exe', '--enroll-code=ARGV0001'],
      env: { KIOSK_PLATFORM_URL: 'https://env.example' },
      fileText: {
        [EXE_FILE]: '{"platformUrl":"https://exe.example","enrollCode":"EXE00001"}',
        [USER_FILE]: '{"platformUrl":"https://user.example","enrollCode":"USER0001","kiosk":false}',
      },
    })
    expect(readProvisioning(s)).toEqual({ platformUrl: 'https://env.example', enrollCode: 'ARGV0001', kiosk: false })
  })

  it('prefers the file next to the executable over the one in userData', () => {
    const { s } = sources({
      fileText: { [EXE_FILE]: '{"platformUrl":"https://exe.example"}', [USER_FILE]: '{"platformUrl":"https://user.example"}' },
    })
    expect(readProvisioning(s).platformUrl).toBe('https://exe.example')
  })

  it('ignores a file that is not JSON, with a log line naming the file', () => {
    const { s, log } = sources({ fileText: { [EXE_FILE]: "{platformUrl: 'x'" } })
    expect(readProvisioning(s)).toEqual({})
    expect(log.warn).toHaveBeenCalledWith('provisioning: file is not valid JSON, ignored', expect.objectContaining({ path: EXE_FILE }))
  })

  it('ignores a whole file with a wrong field, and says which', () => {
    const { s, log } = sources({
      fileText: { [EXE_FILE]: '{"platformUrl":"ftp://x.example","enrollCode":"HZ01ABCD"}', [USER_FILE]: '{"enrollCode":"USER0001"}' },
    })
    expect(readProvisioning(s)).toEqual({ enrollCode: 'USER0001' })
    const [, fields] = log.warn.mock.calls[0] as [string, { path: string; problem: string }]
    expect(fields.path).toBe(EXE_FILE)
    expect(fields.problem).toContain('platformUrl')
  })

  it('reports a misspelt key instead of ignoring it', () => {
    const { s, log } = sources({ fileText: { [EXE_FILE]: '{"platformURL":"https://zlb.zj.gov.cn"}' } })
    expect(readProvisioning(s)).toEqual({})
    expect((log.warn.mock.calls[0] as [string, { problem: string }])[1].problem).toContain('platformURL')
  })

  it('rejects an enrollment code that is not 6-16 capitals and digits', () => {
    const { s, log } = sources({ argv: ['--enroll-code=abc'], env: { KIOSK_ENROLL_CODE: 'ENV12345' } })
    expect(readProvisioning(s).enrollCode).toBe('ENV12345')
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('enrollment code ignored'), { origin: 'command line' })
  })

  it('rejects a platform URL that is not http(s)', () => {
    const { s } = sources({ argv: ['--platform-url=javascript:alert(1)'] })
    expect(readProvisioning(s)).toEqual({})
  })

  it('reads the retention period from every source and refuses one out of range', () => {
    expect(readProvisioning(sources({ argv: ['--retention-days=90'] }).s).retentionDays).toBe(90)
    expect(readProvisioning(sources({ env: { KIOSK_RETENTION_DAYS: '365' } }).s).retentionDays).toBe(365)
    expect(readProvisioning(sources({ fileText: { [EXE_FILE]: '{"retentionDays":30}' } }).s).retentionDays).toBe(30)
    const { s, log } = sources({ argv: ['--retention-days=0'], env: { KIOSK_RETENTION_DAYS: 'half a year' } })
    expect(readProvisioning(s)).toEqual({})
    expect(log.warn).toHaveBeenCalledTimes(2)
  })

  it('logs an unreadable file other than a missing one', () => {
    const { s, log } = sources({
      readFile: () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' })
      },
    })
    readProvisioning(s)
    expect(log.warn).toHaveBeenCalledTimes(2)
  })
})

describe('hostProvisioning', () => {
  it('is null without a platform URL', () => {
    expect(hostProvisioning({ enrollCode: 'HZ01ABCD', kiosk: true })).toBeNull()
  })
  it('passes the URL and code, never the kiosk flag', () => {
    expect(hostProvisioning({ platformUrl: 'https://a.example', enrollCode: 'HZ01ABCD', kiosk: true })).toEqual({
      platformUrl: 'https://a.example',
      enrollCode: 'HZ01ABCD',
    })
    expect(hostProvisioning({ platformUrl: 'https://a.example' })).toEqual({ platformUrl: 'https://a.example' })
    expect(hostProvisioning({ platformUrl: 'https://a.example', retentionDays: 90 })).toEqual({ platformUrl: 'https://a.example', retentionDays: 90 })
  })
})
