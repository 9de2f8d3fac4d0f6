// The pinyin keyboard's word list: its size as shipped, how long it takes to parse when the keyboard
// first opens, and how long candidates take per key. Run by `npm run bench`, or alone with
// `node --import tsx test/bench/ime.ts`.
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { buildImeDictionary } from '../../scripts/ime-dict'
import { PinyinDictionary } from '../../renderer/ime/pinyin'

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
}

export async function imeFigures(): Promise<void> {
  const text = buildImeDictionary()
  const chunk = `export default ${JSON.stringify(text)}`
  console.log(
    `${'pinyin word list (the keyboard chunk)'.padEnd(66)} ${(Buffer.byteLength(chunk) / 1024).toFixed(0)} KB, gzip ${(gzipSync(chunk).length / 1024).toFixed(0)} KB, ${text.split('\n').length} readings`,
  )
  const parse: number[] = []
  let dict: PinyinDictionary | undefined
  for (let i = 0; i < 15; i++) {
    const t = performance.now()
    dict = new PinyinDictionary(text)
    parse.push(performance.now() - t)
  }
  console.log(`${'pinyin word list: parse when the keyboard first opens'.padEnd(66)} median ${median(parse).toFixed(1)} ms`)
  const inputs = ['h', 'hang', 'hangzh', 'hangzhou', 'youxiangongsi', 'hangzhouyouxiangongsi', 'shi', 'women', 'daikuan', 'zhuanli']
  const keys: number[] = []
  for (let i = 0; i < 2000; i++) {
    const t = performance.now()
    dict!.candidates(inputs[i % inputs.length]!)
    keys.push(performance.now() - t)
  }
  console.log(`${'pinyin candidates per key press'.padEnd(66)} median ${median(keys).toFixed(3)} ms, max ${Math.max(...keys).toFixed(2)} ms`)
}

if (import.meta.url === `file://${process.argv[1]}`) await imeFigures()
