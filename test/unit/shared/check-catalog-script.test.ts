import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin'

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-catalog.ts', ...args], { encoding: 'utf8' })

describe('scripts/check-catalog.ts', () => {
  it('passes the built-in catalog', () => {
    const r = run()
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^catalog \d{4}\.\d{2}\.\d{2} ok: \d+ items/)
  })

  it('fails a broken catalog file, naming the item and the field', () => {
    const broken = structuredClone(BUILTIN_CATALOG)
    broken.items.find((i) => i.id === 'talent-school')!.departmentId = 'school-board'
    const file = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'catalog.json')
    writeFileSync(file, JSON.stringify(broken))
    const r = run(file)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('item "talent-school": departmentId "school-board" is not a listed department')
  })
})
