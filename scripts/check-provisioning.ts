// `npm run check-provisioning -- <provisioning.json>...`: checks files before they go to 200 machines,
// with the kiosk's own rules. Prints each bad field with its reason; exits 1 if any file is wrong.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { readProvisioning } from '../electron/main/provisioning'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: npm run check-provisioning -- <provisioning.json> [more files]')
  process.exit(2)
}

const quiet = { info: () => undefined, warn: () => undefined }
let failed = false
for (const file of files) {
  const path = resolve(file)
  const read = readProvisioning({ argv: [], env: {}, files: [path], readFile: (p) => readFileSync(p, 'utf8'), log: quiet })
  if (read.status === 'ok') {
    const p = read.provisioning
    console.log(`${file}: OK  platform ${p.platformUrl}, mode ${p.mode ?? 'visitor'}, printer ${p.receiptPrinter ?? '(default)'}, updates ${p.updateUrl ?? 'off'}`)
    continue
  }
  failed = true
  if (read.status === 'missing') {
    console.log(`${file}: not found (or empty)`)
    continue
  }
  console.log(`${file}: ${read.problems.length} problem(s)`)
  for (const problem of read.problems) console.log(`  - ${problem.message}`)
}
process.exit(failed ? 1 : 0)
