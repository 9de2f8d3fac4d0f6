import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

export const IME_DICT_MODULE = 'virtual:ime-dict'
const RESOLVED = `\0${IME_DICT_MODULE}`

/** What the word list depends on: the builder, the packages it reads, and the catalog it ranks up. */
function inputsHash(root: string): string {
  const require = createRequire(join(root, 'package.json'))
  const hash = createHash('sha256')
  for (const file of [
    join(root, 'scripts/ime-dict.ts'),
    require.resolve('@node-rs/jieba/package.json'),
    require.resolve('pinyin-pro/package.json'),
  ]) {
    hash.update(readFileSync(file))
  }
  hash.update(readFileSync(join(root, 'shared/catalog/builtin.ts')))
  return hash.digest('hex').slice(0, 16)
}

/**
 * `import('virtual:ime-dict')` gives the pinyin keyboard's word list as one string, built at build
 * time by scripts/ime-dict.ts. The dynamic import makes it a chunk of its own, fetched only when a
 * Chinese keyboard first opens. Built lists are cached in node_modules/.cache, keyed by their inputs.
 */
export function imeDictionary(root: string): Plugin {
  return {
    name: 'kiosk:ime-dictionary',
    resolveId(id) {
      return id === IME_DICT_MODULE ? RESOLVED : undefined
    },
    async load(id) {
      if (id !== RESOLVED) return undefined
      const cache = join(root, 'node_modules/.cache/ime-dict', `${inputsHash(root)}.txt`)
      let text: string
      try {
        text = readFileSync(cache, 'utf8')
      } catch {
        const { buildImeDictionary } = await import('./ime-dict')
        text = buildImeDictionary()
        mkdirSync(dirname(cache), { recursive: true })
        writeFileSync(cache, text)
      }
      return `export default ${JSON.stringify(text)}`
    },
  }
}
