import { PGlite } from '@electric-sql/pglite'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate } from '../storage/migrate'
import { openStorage } from '../storage/open'
import { openPglite } from '../storage/pglite'
import { SqlStorage } from '../storage/sql-storage'

/**
 * A migrated PGlite database, made once and reused by every test that needs one: initdb and the
 * migrations take 6 s and more on two cores, a copy a fraction of that. It is kept as a data
 * directory (`data/`, for tests that restart a platform on its files) and as a dump (`dump.tar`,
 * loaded into memory). The test runners' global setups put its folder in this variable for their
 * workers.
 */
export const PGLITE_TEMPLATE_ENV = 'KIOSK_PGLITE_TEMPLATE'

const STORAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../storage')
const NODE_MODULES = join(STORAGE_DIR, '../../node_modules')
const CACHE_DIR = join(NODE_MODULES, '.cache/kiosk-pglite-template')

/** Names the template by what makes it: the migrations, the code applying them, the PGlite package. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256')
  const migrations = join(STORAGE_DIR, 'migrations')
  for (const file of (await readdir(migrations)).sort()) hash.update(file).update(await readFile(join(migrations, file)))
  hash.update(await readFile(join(STORAGE_DIR, 'migrate.ts')))
  hash.update(await readFile(join(NODE_MODULES, '@electric-sql/pglite/package.json')))
  return hash.digest('hex').slice(0, 16)
}

/**
 * The template for the current migrations, from the cache in node_modules/.cache or made now. It
 * is built aside and renamed into place, so a run stopped half-way never leaves half a template.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = join(CACHE_DIR, await templateKey())
  if (existsSync(join(dir, 'dump.tar'))) return dir
  await mkdir(CACHE_DIR, { recursive: true })
  const building = await mkdtemp(join(CACHE_DIR, 'building-'))
  try {
    const data = join(building, 'data')
    await mkdir(data)
    await (await openStorage({ dataDir: data })).close()
    const db = new PGlite(data)
    await db.waitReady
    const dump = await db.dumpDataDir('none')
    await db.close()
    await writeFile(join(building, 'dump.tar'), new Uint8Array(await dump.arrayBuffer()))
    await rename(building, dir)
  } catch (e) {
    await rm(building, { recursive: true, force: true })
    // Another run made it meanwhile: use theirs.
    if (existsSync(join(dir, 'dump.tar'))) return dir
    throw e
  }
  return dir
}

/**
 * Where test databases on disk go: memory-backed /dev/shm where there is one, so that a disk kept
 * busy by other work on the machine does not slow the tests down.
 */
export function testDataRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
}

/**
 * A new temporary data directory holding a migrated database: a copy of the template when a test
 * runner set one up, else empty (the platform then runs initdb and migrates it itself).
 */
export async function freshDataDir(prefix = 'platform-test-'): Promise<string> {
  const dir = await mkdtemp(join(testDataRoot(), prefix))
  const template = process.env[PGLITE_TEMPLATE_ENV]
  if (template) await cp(join(template, 'data'), dir, { recursive: true })
  return dir
}

/** Storage in memory for one test file, loaded from the template's dump when there is one. */
export async function openTestStorage(): Promise<SqlStorage> {
  const template = process.env[PGLITE_TEMPLATE_ENV]
  if (!template) return openStorage({})
  const sql = await openPglite(undefined, { loadDataDir: new Blob([await readFile(join(template, 'dump.tar'))]) })
  // A no-op on the template; keeps a stale one from passing unnoticed.
  await migrate(sql)
  return new SqlStorage(sql)
}
