import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

/** The logger main uses: it also remembers the latest error, for the IT screen and the heartbeat. */
export interface MainLogger extends Logger {
  lastError(): { at: string; message: string } | null
  /** The log files, oldest first, as they are now. */
  files(): string[]
}

export interface LoggerOptions {
  /** userData/logs */
  dir: string
  /** The live file is rotated once the next line would take it past this size. */
  maxBytes?: number
  /** Rotated files kept: main.1.log (newest) ... main.<keep>.log. */
  keep?: number
  now?: () => Date
  /** Also print to the console (development). */
  echo?: boolean
}

function errorFields(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
}

/**
 * JSON lines in userData/logs/main.log, rotated by size so 200 unattended machines never fill a
 * disk. Writes are synchronous: the main process logs little, and a crash must not lose the line
 * that explains it. A failing disk never takes the app down with it.
 */
export function createLogger(options: LoggerOptions): MainLogger {
  const maxBytes = options.maxBytes ?? 1_000_000
  const keep = options.keep ?? 3
  const now = options.now ?? (() => new Date())
  const file = join(options.dir, 'main.log')
  const rotated = (n: number) => join(options.dir, `main.${n}.log`)

  function rotate(): void {
    rmSync(rotated(keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) {
      if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1))
    }
    renameSync(file, rotated(1))
  }

  let latestError: { at: string; message: string } | null = null

  function write(level: LogLevel, msg: string, fields?: LogFields): void {
    const entry: LogFields = { at: now().toISOString(), level, msg }
    if (level === 'error') {
      const cause = fields?.error instanceof Error ? fields.error.message : undefined
      const text = typeof fields?.message === 'string' ? fields.message : cause
      const detail = text ? `: ${text}` : ''
      latestError = { at: entry.at as string, message: `${msg}${detail}` }
    }
    for (const [key, value] of Object.entries(fields ?? {})) entry[key] = errorFields(value)
    const line = `${JSON.stringify(entry)}\n`
    if (options.echo) console[level](line.trimEnd())
    try {
      mkdirSync(options.dir, { recursive: true })
      const size = existsSync(file) ? statSync(file).size : 0
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate()
      appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 })
    } catch (error) {
      console.error('log write failed', error)
    }
  }

  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    lastError: () => latestError,
    files: () => [...Array.from({ length: keep }, (_, i) => rotated(keep - i)), file].filter((f) => existsSync(f)),
  }
}
