import { z } from 'zod'
import { isPinHashStrong, PIN_HASH_PATTERN } from './pin'
import { minutesOf, TIME_OF_DAY, WEEKDAYS, type OpeningPeriod } from './opening-hours'
import { ENROLL_CODE_PATTERN, DeviceMode } from './sync'
import { isPlainLine } from './text'

/**
 * What IT sets per machine (provisioning.json, the command line or the environment), as one schema
 * for the Electron main process, the web host and the setup screen. Every check carries a problem
 * code, so each bad field is named with its own message in the log and on the setup screen.
 */

/** Personal data of a finished, synced request is kept this long unless IT provisions otherwise (PIPL). */
export const DEFAULT_RETENTION_DAYS = 180
/** Seconds without a touch before the visitor is asked "are you still there?". */
export const DEFAULT_VISITOR_IDLE_SECONDS = 60
/**
 * Seconds without a touch before staff mode signs out and the IT diagnostics lock again. Ten minutes:
 * a clerk on the phone with an enterprise pauses longer than a visitor; what a counter PC did before
 * this was provisioned.
 */
export const DEFAULT_STAFF_IDLE_SECONDS = 600

/** A visitor kiosk or a counter PC: the same modes the platform enrolls devices in. */
export const KIOSK_MODES = DeviceMode.options
export type KioskMode = DeviceMode

/** English text of each problem, for the log; the setup screen shows the same code in its own language. */
export const PROVISIONING_PROBLEMS = {
  required: 'is required',
  unknownField: 'is not a provisioning setting (misspelt?)',
  url: 'must be a full address such as https://platform.example.gov.cn',
  https: 'must start with https:// (http:// is allowed only for 127.0.0.1 or localhost)',
  enrollCode: 'must be 6-16 capital letters and digits',
  boolean: 'must be true or false',
  retentionDays: 'must be a whole number of days from 1 to 3650',
  centerName: 'must be 1-60 characters, without control characters',
  mode: 'must be "visitor" or "counter"',
  printerName: "must be the printer's name as the operating system shows it (1-200 characters)",
  openingHours: 'must be a list of periods like {"days": "workdays", "from": "08:30", "to": "17:30"}',
  days: 'must be "workdays" or a list of mon, tue, wed, thu, fri, sat, sun',
  time: 'must be a time of day written HH:MM (00:00-24:00)',
  timeOrder: '"from" must be earlier than "to"',
  idleTimeouts: 'must be an object like {"visitor": 60, "staff": 300}',
  visitorIdle: 'must be a whole number of seconds from 30 to 900',
  staffIdle: 'must be a whole number of seconds from 60 to 3600',
  pinHash: 'must be a PIN hash made by `npm run pin-hash` (it starts with pbkdf2-sha256$)',
  pinHashWeak: 'is too weak (fewer than 200000 PBKDF2 iterations or a salt under 16 bytes); make it again with `npm run pin-hash`',
  notObject: 'must be a JSON object {...}',
  notJson: 'is not valid JSON',
  unreadable: 'cannot be read',
} as const
export type ProvisioningProblemCode = keyof typeof PROVISIONING_PROBLEMS

export interface ProvisioningProblem {
  /** The setting, as IT writes it: `platformUrl`, `openingHours[0].from`; `(file)` for the file itself. */
  field: string
  code: ProvisioningProblemCode
  /** `field: what is wrong`, in English, for the log. */
  message: string
  /** Where the bad value came from: a file path, "command line" or "environment". */
  source?: string
  /** For a misspelt key: the setting it probably meant. */
  suggestion?: string
}


/** A zod error callback that names the problem by code, and "required" for a missing value. */
function code(name: ProvisioningProblemCode) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : name)
}

/** WHATWG URL: in every runtime this module runs in, outside ES2023 (see shared/csp.ts). */
declare const URL: new (url: string) => { protocol: string; hostname: string; username: string; password: string }

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/** Why `value` is not a platform or update address, or null when it is one. */
export function addressProblem(value: string): 'url' | 'https' | null {
  let url: InstanceType<typeof URL>
  try {
    url = new URL(value)
  } catch {
    return 'url'
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '' || url.username || url.password) return 'url'
  // A device token travels with every request: only a connection that cannot leave the machine may skip TLS.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname)) return 'https'
  return null
}

/** The provincial platform's (or the update server's) address: https, or http on this machine only. */
export const ServerAddress = z.string({ error: code('url') }).superRefine((value, ctx) => {
  const problem = addressProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

const ProvisionedEnrollCode = z.string({ error: code('enrollCode') }).regex(ENROLL_CODE_PATTERN, { error: 'enrollCode' })

export const RetentionDays = z.number({ error: code('retentionDays') }).int({ error: 'retentionDays' }).min(1, { error: 'retentionDays' }).max(3650, { error: 'retentionDays' })

export const IdleTimeouts = z.strictObject(
  {
    visitor: z.number({ error: code('visitorIdle') }).int({ error: 'visitorIdle' }).min(30, { error: 'visitorIdle' }).max(900, { error: 'visitorIdle' }).optional(),
    staff: z.number({ error: code('staffIdle') }).int({ error: 'staffIdle' }).min(60, { error: 'staffIdle' }).max(3600, { error: 'staffIdle' }).optional(),
  },
  { error: code('idleTimeouts') },
)

const TimeOfDay = z.string({ error: code('time') }).regex(TIME_OF_DAY, { error: 'time' })

export const OpeningHours = z
  .array(
    z
      .strictObject(
        {
          days: z.union([z.literal('workdays'), z.array(z.enum(WEEKDAYS)).min(1)], { error: code('days') }),
          from: TimeOfDay,
          to: TimeOfDay,
        },
        { error: code('openingHours') },
      )
      // Only a pair of good times can be out of order; a bad time has its own problem already.
      .refine((p) => !(TIME_OF_DAY.test(p.from) && TIME_OF_DAY.test(p.to)) || minutesOf(p.from) < minutesOf(p.to), { error: 'timeOrder', path: ['to'] }),
    { error: code('openingHours') },
  )
  .min(1, { error: 'openingHours' })
  .max(14, { error: 'openingHours' }) satisfies z.ZodType<OpeningPeriod[]>

export const AdminPinHash = z
  .string({ error: code('pinHash') })
  .regex(PIN_HASH_PATTERN, { error: 'pinHash' })
  .refine(isPinHashStrong, { error: 'pinHashWeak' })

/** Strict: a misspelt key (`platformURL`) is reported, not silently ignored. */
export const Provisioning = z.strictObject({
  platformUrl: ServerAddress,
  /** The kiosk enrolls itself with this code on first start. */
  enrollCode: ProvisionedEnrollCode.optional(),
  /** Locked-down full screen. Unset: a packaged visitor kiosk is locked down, a counter PC is not. */
  kiosk: z.boolean({ error: code('boolean') }).optional(),
  /** Days a closed and synced request is kept on the kiosk before it is purged. */
  retentionDays: RetentionDays.optional(),
  /** The center as IT knows it; shown before enrollment, and to check the enrollment went to the right one. */
  centerName: z
    .string({ error: code('centerName') })
    .trim()
    .min(1, { error: 'centerName' })
    .max(60, { error: 'centerName' })
    .refine(isPlainLine, { error: 'centerName' })
    .optional(),
  mode: z.enum(KIOSK_MODES, { error: code('mode') }).optional(),
  /** The receipt printer's name as the OS lists it; unset: the default printer. */
  receiptPrinter: z
    .string({ error: code('printerName') })
    .min(1, { error: 'printerName' })
    .max(200, { error: 'printerName' })
    .refine(isPlainLine, { error: 'printerName' })
    .optional(),
  /** When the center is open: the display stays awake then, and updates prefer the hours outside. */
  openingHours: OpeningHours.optional(),
  idleTimeouts: IdleTimeouts.optional(),
  /** PBKDF2 hash of the IT admin PIN (`npm run pin-hash`); the PIN itself is never stored. */
  adminPinHash: AdminPinHash,
  /** electron-updater's generic server, e.g. https://updates.example.gov.cn/kiosk/ */
  updateUrl: ServerAddress.optional(),
})
export type Provisioning = z.infer<typeof Provisioning>

/** What the renderer gets: the settings with defaults filled in, never the PIN hash. */
export interface KioskSettings {
  platformUrl: string
  enrollCode?: string
  kiosk?: boolean
  retentionDays: number
  centerName?: string
  mode: KioskMode
  receiptPrinter?: string
  openingHours?: OpeningPeriod[]
  idleTimeouts: { visitor: number; staff: number }
  updateUrl?: string
}

export function settingsOf(p: Provisioning): KioskSettings {
  const { adminPinHash: _secret, ...rest } = p
  return {
    ...rest,
    retentionDays: p.retentionDays ?? DEFAULT_RETENTION_DAYS,
    mode: p.mode ?? 'visitor',
    idleTimeouts: {
      visitor: p.idleTimeouts?.visitor ?? DEFAULT_VISITOR_IDLE_SECONDS,
      staff: p.idleTimeouts?.staff ?? DEFAULT_STAFF_IDLE_SECONDS,
    },
  }
}

/** The answer of the host's getProvisioning: settings to run with, or why the setup screen shows. */
export type ProvisioningState =
  | { status: 'ok'; settings: KioskSettings }
  | {
      status: 'missing' | 'invalid'
      /** Empty when nothing was provisioned at all. */
      problems: ProvisioningProblem[]
      /** Where the kiosk looked for provisioning, for IT. */
      looked: string[]
      /** A valid admin PIN hash was found, so the details wait behind the PIN. */
      adminPin: boolean
    }

function pathOf(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part)
  return out
}

function problem(field: string, code: ProvisioningProblemCode, source?: string, suggestion?: string): ProvisioningProblem {
  const text = suggestion ? `${PROVISIONING_PROBLEMS[code]}; did you mean ${suggestion}?` : PROVISIONING_PROBLEMS[code]
  return { field, code, message: `${field}: ${text}`, ...(source ? { source } : {}), ...(suggestion ? { suggestion } : {}) }
}

/** Edit distance, for "did you mean": IT's typos are a letter or two, or the wrong case. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}

function suggest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase()
  return known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => distance(k.toLowerCase(), lower) <= 2)
}

const KNOWN_KEYS: Record<string, readonly string[]> = { '': Object.keys(Provisioning.shape), idleTimeouts: ['visitor', 'staff'] }

function isProblemCode(message: string): message is ProvisioningProblemCode {
  return Object.hasOwn(PROVISIONING_PROBLEMS, message)
}

export type ProvisioningCheck = { ok: true; value: Provisioning } | { ok: false; problems: ProvisioningProblem[] }

/**
 * Checks a whole provisioning object. Every problem is reported (not only the first), one per
 * field; `sourceOf` says where each top-level field came from when several sources were merged.
 */
export function checkProvisioning(raw: unknown, sourceOf: (field: string) => string | undefined = () => undefined): ProvisioningCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problems: [problem('(file)', 'notObject')] }
  const parsed = Provisioning.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const problems: ProvisioningProblem[] = []
  const seen = new Set<string>()
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined]
    for (const key of keys) {
      const field = pathOf(key === undefined ? issue.path : [...issue.path, key])
      if (seen.has(field)) continue
      seen.add(field)
      const top = field.split(/[.[]/)[0] ?? field
      if (key !== undefined) {
        problems.push(problem(field, 'unknownField', sourceOf(top), suggest(key, KNOWN_KEYS[pathOf(issue.path)] ?? [])))
      } else {
        problems.push(problem(field, isProblemCode(issue.message) ? issue.message : 'required', sourceOf(top)))
      }
    }
  }
  return { ok: false, problems }
}

/** The admin PIN hash alone, from a provisioning that is otherwise broken: IT can still unlock the setup screen. */
export function salvageAdminPinHash(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const parsed = AdminPinHash.safeParse((raw as Record<string, unknown>).adminPinHash)
  return parsed.success ? parsed.data : undefined
}

/** For a problem found outside the schema (a file that is not JSON, cannot be read). */
export function fileProblem(code: 'notJson' | 'unreadable' | 'notObject', source: string): ProvisioningProblem {
  return problem('(file)', code, source)
}
