// `npm run pin-hash`: makes the adminPinHash for provisioning.json from an IT admin PIN.
// The PIN is read from the terminal without echo (or from stdin when piped), never from the
// command line, where it would stay in the shell's history. Only the hash goes to stdout.
import { stdin, stderr, stdout } from 'node:process'
import { DEFAULT_PIN_ITERATIONS, hashPin, MIN_PIN_ITERATIONS, PIN_PATTERN, verifyPin } from '../shared/pin'

/** Typed-ahead characters after an Enter belong to the next prompt. */
let typedAhead = ''

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt)
    let value = ''
    const finish = (rest: string) => {
      typedAhead = rest
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr.write('\n')
    }
    const onData = (chunk: string) => {
      const chars = [...chunk]
      for (let i = 0; i < chars.length; i++) {
        const char = chars[i]!
        if (char === '\u0003') {
          finish('')
          reject(new Error('cancelled'))
          return
        }
        if (char === '\r' || char === '\n') {
          finish(chars.slice(i + 1).join('').replace(/^\n/, ''))
          resolve(value)
          return
        }
        if (char === '\u007f' || char === '\b') {
          if (value.length > 0) {
            value = value.slice(0, -1)
            stderr.write('\b \b')
          }
          continue
        }
        value += char
        stderr.write('*')
      }
    }
    stdin.setRawMode(true)
    stdin.setEncoding('utf8')
    stdin.on('data', onData)
    stdin.resume()
    if (typedAhead) {
      const pending = typedAhead
      typedAhead = ''
      onData(pending)
    }
  })
}

async function readPiped(): Promise<string> {
  let text = ''
  for await (const chunk of stdin) text += chunk
  return text.split(/\r?\n/)[0]!.trim()
}

const iterationsArg = process.argv.find((a) => a.startsWith('--iterations='))
const iterations = iterationsArg ? Number(iterationsArg.slice('--iterations='.length)) : DEFAULT_PIN_ITERATIONS
if (!Number.isInteger(iterations) || iterations < MIN_PIN_ITERATIONS) {
  stderr.write(`--iterations must be a whole number of at least ${MIN_PIN_ITERATIONS}\n`)
  process.exit(2)
}

let pin: string
try {
  if (stdin.isTTY) {
    pin = await readHidden('IT admin PIN (6-12 digits): ')
    if (PIN_PATTERN.test(pin) && (await readHidden('The same PIN again: ')) !== pin) {
      stderr.write('The two PINs differ; nothing was made.\n')
      process.exit(1)
    }
  } else {
    pin = await readPiped()
  }
} catch {
  process.exit(130)
}

if (!PIN_PATTERN.test(pin)) {
  stderr.write('The PIN must be 6 to 12 digits; nothing was made.\n')
  process.exit(1)
}
const hash = await hashPin(pin, { iterations })
// A hash that does not verify must never reach a kiosk: it would lock IT out.
if (!(await verifyPin(pin, hash))) throw new Error('the hash does not verify')
stdout.write(`${hash}\n`)
if (stdin.isTTY) stderr.write('Put this line in provisioning.json as "adminPinHash". The PIN itself is stored nowhere.\n')
