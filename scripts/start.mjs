// `npm start` / `npm run start:web`: the reference platform on its embedded database, seeded with a
// demo center, and the kiosk provisioned to it — in Electron where its runtime exists, else in web mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { serveWeb } from './serve-web.mjs'

const webOnly = process.argv.includes('--web')
const port = Number(process.env.PORT ?? 8787)
const webPort = Number(process.env.WEB_PORT ?? 5174)
const platformUrl = `http://127.0.0.1:${port}`
const enrollCode = process.env.DEMO_ENROLL_CODE ?? 'DEMO2026'
const children = []

/** The Electron binary's path, or null when it was never downloaded (no access to its host). */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

async function waitForHealth(url, ms) {
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

function stopAll() {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', () => (stopAll(), process.exit(0)))
process.on('SIGTERM', () => (stopAll(), process.exit(0)))

const platform = spawn(process.execPath, ['--import', 'tsx', 'platform/main.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(port), DATA_DIR: process.env.DATA_DIR ?? '.data/platform' },
})
children.push(platform)
platform.on('exit', (code) => {
  if (code) console.error(`platform stopped (exit ${code}); see the log above`)
  process.exit(code ?? 0)
})
await waitForHealth(platformUrl, 60_000)
console.log(`platform: ${platformUrl} (embedded PostgreSQL in .data/platform; demo enrollment code ${enrollCode})`)

const electron = webOnly ? null : electronBinary()
if (electron) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const app = spawn(electron, ['.', `--platform-url=${platformUrl}`, `--enroll-code=${enrollCode}`], { stdio: 'inherit' })
  children.push(app)
  app.on('exit', () => (stopAll(), process.exit(0)))
} else {
  if (!webOnly) console.log('Electron runtime not available (its binary could not be downloaded); serving the kiosk in web mode instead.')
  const web = await serveWeb({ dir: 'out/web', port: webPort, provisioning: { platformUrl, enrollCode } })
  console.log(`kiosk (web mode): ${web.url}  — open it in Chrome/Chromium; Ctrl+C stops both`)
}
