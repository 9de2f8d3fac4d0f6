/**
 * Refuses a broken service catalog before it ships: `node --import tsx scripts/check-catalog.ts`
 * checks the built-in catalog; pass a JSON file to check a catalog about to be published by sync.
 */
import { readFileSync } from 'node:fs'
import { BUILTIN_CATALOG, checkCatalog } from '../shared/catalog/index'

const file = process.argv[2]
let data: unknown = BUILTIN_CATALOG
if (file) {
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    console.error(`catalog: cannot read ${file}: ${(err as Error).message}`)
    process.exit(1)
  }
}
const result = checkCatalog(data)
if (!result.ok) {
  console.error(`catalog${file ? ` ${file}` : ''} has ${result.errors.length} problem(s):`)
  for (const e of result.errors) console.error(`  - ${e}`)
  process.exit(1)
}
const c = result.catalog
console.log(
  `catalog ${c.version} ok: ${c.items.length} items, ${c.bundles.length} bundles, ${c.appealCategories.length} appeal categories`,
)
