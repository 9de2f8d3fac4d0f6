// `npm start` / `npm run start:web`: the reference platform on its embedded database, seeded with a
// demo center, and the kiosk provisioned to it — in Electron where its runtime exists, else in web mode.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { serveWeb } from './serve-web'

const webOnly = process.argv.includes('--web')
const port = Number(process.env.PORT ?? 8787)
const webPort = Number(process.env.WEB_PORT ?? 5174)
const platformUrl = `http://127.0.0.1:${port}`
const enrollCode = process.env.DEMO_ENROLL_CODE ?? 'DEMO2026'
// The demo kiosk's IT admin PIN is 246810 (staff panel: Ctrl+Alt+S). A real kiosk gets its own hash
// from `npm run pin-hash`; ADMIN_PIN_HASH replaces the demo one here.
const DEMO_ADMIN_PIN_HASH = 'pbkdf2-sha256$200000$C4RO6eOTG2LhxxXc1jbCCw==$PK1EgfV9fNnzKhky2NeyJ+sJogiRIdHgeIADbCpkihg='
const adminPinHash = process.env.ADMIN_PIN_HASH ?? DEMO_ADMIN_PIN_HASH
const children: ChildProcess[] = []

/** The Electron binary's path, if it was downloaded already. */
function installedElectron(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/**
 * Electron's binary comes from GitHub on first use. Try that once, quietly; on a network without
 * GitHub access the caller says so in one line and falls back to web mode.
 */
function electronBinary(): string | null {
  const found = installedElectron()
  if (found) return found
  console.log('Fetching the Electron runtime (first start only)…')
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
  return result.status === 0 ? installedElectron() : null
}

async function waitForHealth(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`the platform did not answer at ${url}/healthz within ${ms / 1000} s`)
}

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', () => (stopAll(), process.exit(0)))
process.on('SIGTERM', () => (stopAll(), process.exit(0)))

try {
  await fetch(`${platformUrl}/healthz`)
  console.error(`Something already answers at ${platformUrl} (a platform started earlier?). Stop it, or set PORT to another port.`)
  process.exit(1)
} catch {
  // Nothing listens there: the way is clear.
}

const platform = spawn(process.execPath, ['--import', 'tsx', 'platform/main.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  // The demo center and its public codes exist only here: `npm run platform` alone seeds nothing.
  env: { ...process.env, PORT: String(port), DATA_DIR: process.env.DATA_DIR ?? '.data/platform', SEED_DEMO: '1' },
})
children.push(platform)
platform.on('exit', (code) => {
  if (code) console.error(`platform stopped (exit ${code}); see the log above`)
  process.exit(code ?? 0)
})
await waitForHealth(platformUrl, 60_000)
console.log(`platform: ${platformUrl} (embedded PostgreSQL in .data/platform; demo enrollment code ${enrollCode})`)
console.log('kiosk: staff sign in with Ctrl+Alt+S or a 2 s press in the top right corner (demo staff HZ1001 / PIN 135790; all in the README)')
if (!process.env.ADMIN_PIN_HASH) console.log('kiosk: IT diagnostics Ctrl+Alt+D, demo IT admin PIN 246810')

const electron = webOnly ? null : electronBinary()
if (electron) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const app = spawn(electron, ['.', `--platform-url=${platformUrl}`, `--enroll-code=${enrollCode}`, `--admin-pin-hash=${adminPinHash}`], { stdio: 'inherit' })
  children.push(app)
  app.on('exit', () => (stopAll(), process.exit(0)))
} else {
  if (!webOnly) console.log('Electron runtime not available (its binary could not be downloaded); serving the kiosk in web mode instead.')
  const web = await serveWeb({ dir: 'out/web', port: webPort, provisioning: { platformUrl, enrollCode, adminPinHash } }).catch((error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE' ? `Port ${webPort} is in use; set WEB_PORT to another port.` : `The kiosk could not be served: ${error.message}`,
    )
    stopAll()
    process.exit(1)
  })
  console.log(`kiosk (web mode): ${web.url}  — open it in Chrome/Chromium; Ctrl+C stops both`)
}
