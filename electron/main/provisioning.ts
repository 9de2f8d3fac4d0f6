import {
  checkProvisioning,
  fileProblem,
  salvageAdminPinHash,
  settingsOf,
  type Provisioning,
  type ProvisioningProblem,
  type ProvisioningState,
} from '../../shared/provisioning'
import { dirname, join, win32 } from 'node:path'
import type { Logger } from './log'

/**
 * Where provisioning.json is looked for, highest priority first:
 * 1. the machine-wide folder only administrators can write (C:\ProgramData\one-window-kiosk on
 *    Windows, /etc/one-window-kiosk elsewhere): where IT's deployment tools put it, out of the
 *    kiosk account's reach, and untouched by installs and updates;
 * 2. beside the executable (beside the .AppImage file for an AppImage). On Windows an update
 *    replaces this folder whole, so a file left there is gone after the first update;
 * 3. the app's user data folder.
 */
export function provisioningFiles(where: {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  exePath: string
  userData: string
}): string[] {
  const windows = where.platform === 'win32'
  const machineDir = windows ? win32.join(where.env.ProgramData || 'C:\\ProgramData', 'one-window-kiosk') : '/etc/one-window-kiosk'
  const exeDir = where.env.APPIMAGE ? dirname(where.env.APPIMAGE) : windows ? win32.dirname(where.exePath) : dirname(where.exePath)
  const file = (dir: string) => (windows ? win32.join(dir, 'provisioning.json') : join(dir, 'provisioning.json'))
  return [...new Set([file(machineDir), file(exeDir), file(where.userData)])]
}

/**
 * Where IT's provisioning comes from, highest priority first: the command line, the environment,
 * provisioning.json next to the executable, provisioning.json in userData. A field set in a higher
 * source wins; the merged whole is checked once, against the one schema in shared/provisioning.ts.
 */
export interface ProvisioningSources {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  /** provisioning.json candidates, highest priority first. */
  files: readonly string[]
  readFile: (path: string) => string
  log: Pick<Logger, 'info' | 'warn'>
}

/** What main knows: the whole provisioning (with the PIN hash), or why there is none. */
export type MainProvisioning =
  | { status: 'ok'; provisioning: Provisioning; sources: string[] }
  | {
      status: 'missing' | 'invalid'
      problems: ProvisioningProblem[]
      looked: string[]
      /** A valid hash found in a broken provisioning, so IT can still unlock the setup screen. */
      adminPinHash?: string
      /** --kiosk / --no-kiosk or a boolean `kiosk`, still honoured so a broken kiosk stays locked down. */
      kiosk?: boolean
    }

type Layer = { source: string; values: Record<string, unknown> } | { source: string; problem: ProvisioningProblem }

const COMMAND_LINE = 'command line'
const ENVIRONMENT = 'environment'

/** Names on the command line and in the environment, for the settings that make sense there. */
const SWITCHES = [
  ['platformUrl', 'platform-url', 'KIOSK_PLATFORM_URL'],
  ['enrollCode', 'enroll-code', 'KIOSK_ENROLL_CODE'],
  ['retentionDays', 'retention-days', 'KIOSK_RETENTION_DAYS'],
  ['mode', 'mode', 'KIOSK_MODE'],
  ['adminPinHash', 'admin-pin-hash', 'KIOSK_ADMIN_PIN_HASH'],
] as const

const NUMERIC = new Set(['retentionDays'])

function argValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`
  return argv.findLast((arg) => arg.startsWith(prefix))?.slice(prefix.length)
}

/** A number written as text becomes a number; anything else stays text, for the schema to name. */
function typed(field: string, text: string): unknown {
  return NUMERIC.has(field) && /^\s*-?\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : text
}

function commandLineLayer(argv: readonly string[]): Layer {
  const values: Record<string, unknown> = {}
  for (const [field, name] of SWITCHES) {
    const text = argValue(argv, name)
    if (text !== undefined && text !== '') values[field] = typed(field, text)
  }
  const flag = argv.findLast((arg) => arg === '--kiosk' || arg === '--no-kiosk')
  if (flag) values.kiosk = flag === '--kiosk'
  return { source: COMMAND_LINE, values }
}

function environmentLayer(env: ProvisioningSources['env']): Layer {
  const values: Record<string, unknown> = {}
  for (const [field, , variable] of SWITCHES) {
    const text = env[variable]
    if (text !== undefined && text !== '') values[field] = typed(field, text)
  }
  return { source: ENVIRONMENT, values }
}

function fileLayer(path: string, sources: ProvisioningSources): Layer | null {
  let text: string
  try {
    text = sources.readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    return { source: path, problem: fileProblem('unreadable', path) }
  }
  let json: unknown
  try {
    // Notepad saves UTF-8 with a byte order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const problem = fileProblem('notJson', path)
    return { source: path, problem: { ...problem, message: `${problem.message} (${(error as Error).message})` } }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { source: path, problem: fileProblem('notObject', path) }
  return { source: path, values: json as Record<string, unknown> }
}

export function readProvisioning(sources: ProvisioningSources): MainProvisioning {
  const layers = [commandLineLayer(sources.argv), environmentLayer(sources.env), ...sources.files.map((f) => fileLayer(f, sources))].filter(
    (layer): layer is Layer => layer !== null,
  )
  const looked = [...sources.files]
  const merged: Record<string, unknown> = {}
  const origin = new Map<string, string>()
  const problems: ProvisioningProblem[] = []
  for (const layer of layers) {
    if ('problem' in layer) {
      problems.push(layer.problem)
      continue
    }
    for (const [field, value] of Object.entries(layer.values)) {
      if (origin.has(field)) continue
      merged[field] = value
      origin.set(field, layer.source)
    }
  }
  const kiosk = typeof merged.kiosk === 'boolean' ? merged.kiosk : undefined

  const nothingSet = Object.keys(merged).filter((k) => k !== 'kiosk').length === 0
  if (problems.length === 0 && nothingSet) {
    sources.log.warn('provisioning: none found, the setup screen shows', { looked })
    return { status: 'missing', problems: [], looked, ...(kiosk !== undefined ? { kiosk } : {}) }
  }

  const checked = checkProvisioning(merged, (field) => origin.get(field))
  if (checked.ok && problems.length === 0) {
    const used = [...new Set(origin.values())]
    sources.log.info('provisioning: read', { sources: used, fields: Object.keys(checked.value) })
    return { status: 'ok', provisioning: checked.value, sources: used }
  }
  // A broken file alone is the problem: "platformUrl is required" on top of it would only be noise.
  if (!checked.ok && !nothingSet) problems.push(...checked.problems)
  for (const p of problems) sources.log.warn(`provisioning: ${p.message}`, { field: p.field, code: p.code, source: p.source })
  const adminPinHash = salvageAdminPinHash(merged)
  return {
    status: 'invalid',
    problems,
    looked,
    ...(adminPinHash ? { adminPinHash } : {}),
    ...(kiosk !== undefined ? { kiosk } : {}),
  }
}

/** The renderer's view: settings without the PIN hash, or what the setup screen must show. */
export function hostProvisioning(p: MainProvisioning): ProvisioningState {
  if (p.status === 'ok') return { status: 'ok', settings: settingsOf(p.provisioning) }
  return { status: p.status, problems: p.problems, looked: p.looked, adminPin: p.adminPinHash !== undefined }
}

/** The PIN hash IT can unlock with: the provisioned one, or one saved from a broken provisioning. */
export function adminPinHashOf(p: MainProvisioning): string | undefined {
  return p.status === 'ok' ? p.provisioning.adminPinHash : p.adminPinHash
}
