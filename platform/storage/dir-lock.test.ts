import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockDataDir } from './dir-lock'

const dirs: string[] = []
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'dir-lock-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('lockDataDir', () => {
  it('refuses a second owner while the first lives, and frees the directory on release', () => {
    const d = dir()
    const release = lockDataDir(d)
    // Our parent process is alive for certain and is not us.
    expect(() => lockDataDir(d, process.ppid)).toThrow(/in use by another platform process/)
    release()
    lockDataDir(d, process.ppid)()
  })

  it('takes over a lock left by a process that no longer runs', () => {
    const d = dir()
    writeFileSync(join(d, 'platform.lock'), '2147483646')
    const release = lockDataDir(d)
    expect(readFileSync(join(d, 'platform.lock'), 'utf8')).toBe(String(process.pid))
    release()
  })
})
