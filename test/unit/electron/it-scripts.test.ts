import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkProvisioning } from '../../../shared/provisioning'
import { verifyPin } from '../../../shared/pin'

const run = (script: string, args: string[] = [], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], { encoding: 'utf8', input })

describe('npm run pin-hash', () => {
  it('turns a piped PIN into a hash the provisioning schema takes, and prints only the hash', async () => {
    const r = run('pin-hash.ts', ['--iterations=200000'], '24681357\n')
    expect(r.status).toBe(0)
    const hash = r.stdout.trim()
    expect(hash).toMatch(/^pbkdf2-sha256\$200000\$/)
    expect(await verifyPin('24681357', hash)).toBe(true)
    expect(checkProvisioning({ platformUrl: 'https://zlb.zj.gov.cn', adminPinHash: hash }).ok).toBe(true)
  })

  it('refuses a PIN that is too short, and too few iterations', () => {
    expect(run('pin-hash.ts', [], '1234\n')).toMatchObject({ status: 1, stdout: '' })
    expect(run('pin-hash.ts', ['--iterations=1000'], '24681357\n')).toMatchObject({ status: 2, stdout: '' })
  })
})

describe('npm run check-provisioning', () => {
  it('passes a good file and names every problem of a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisioning-'))
    const good = join(dir, 'good.json')
    const bad = join(dir, 'bad.json')
    writeFileSync(good, JSON.stringify({ platformUrl: 'https://zlb.zj.gov.cn', adminPinHash: 'pbkdf2-sha256$200000$AQEBAQEBAQEBAQEBAQEBAQ==$BG3DtZQ8+PXURdVfuMky+5vLv0M6XHs6Z8zNScmtlgk=' }))
    writeFileSync(bad, '{"platformUrl":"http://10.1.2.3","mode":"kiosk"}')
    expect(run('check-provisioning.ts', [good])).toMatchObject({ status: 0 })
    const r = run('check-provisioning.ts', [good, bad])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('good.json: OK')
    expect(r.stdout).toContain('platformUrl: must start with https://')
    expect(r.stdout).toContain('mode: must be "visitor" or "counter"')
    expect(r.stdout).toContain('adminPinHash: is required')
  })
})
