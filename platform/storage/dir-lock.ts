import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'

const LOCK_FILE = 'platform.lock'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite is one process's database: a second process on the same directory would corrupt it. The
 * lock file holds the owner's pid; a lock left by a process that no longer runs is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string, pid = process.pid): () => void {
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(pid))
      closeSync(fd)
      return () => {
        try {
          unlinkSync(path)
        } catch {
          // already gone
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const owner = Number(readFileSync(path, 'utf8').trim())
      if (Number.isInteger(owner) && owner > 0 && owner !== pid && alive(owner)) {
        throw new Error(`the data directory ${dataDir} is in use by another platform process (pid ${owner})`, { cause: e })
      }
      unlinkSync(path)
    }
  }
  throw new Error(`could not lock the data directory ${dataDir}`)
}
