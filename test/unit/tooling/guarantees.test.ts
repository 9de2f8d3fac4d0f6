import { ESLint } from 'eslint'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The rules the tools enforce, proven by breaking them: a file that breaks one must fail the check.
 * Each check compiles or lints one small file in memory, with the project's own configuration.
 */

const ROOT = join(import.meta.dirname, '../../..')

/** The type errors of each file (path → source), compiled together with the compiler options of `tsconfig`. */
function typeErrors(tsconfig: string, files: Record<string, string>): Record<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!
  const sources = new Map(Object.entries(files).map(([path, source]) => [join(ROOT, path), source]))
  const host = ts.createCompilerHost(config.options)
  const readFile = host.readFile
  host.readFile = (name) => sources.get(name) ?? readFile(name)
  const fileExists = host.fileExists
  host.fileExists = (name) => sources.has(name) || fileExists(name)
  const program = ts.createProgram([...sources.keys()], { ...config.options, noEmit: true }, host)
  const errors = Object.fromEntries(Object.keys(files).map((path) => [path, [] as string[]]))
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const path = d.file ? d.file.fileName.slice(ROOT.length + 1) : '(no file)'
    ;(errors[path] ??= []).push(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  }
  return errors
}

async function lintErrors(path: string, source: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(source, { filePath: join(ROOT, path) })
  return result!.messages.map((m) => m.message)
}

const LEAK = 'export const leak = window.location.href + process.cwd()\n'

describe('shared/ is pure ECMAScript', () => {
  it('fails its type-check on a browser or Node global', () => {
    const errors = typeErrors('tsconfig.shared.json', { 'shared/leak.ts': LEAK, 'shared/fine.ts': 'export const fine = [1, 2].at(-1)\n' })
    expect(errors).toEqual({
      'shared/leak.ts': [expect.stringContaining("'window'"), expect.stringContaining("'process'")],
      'shared/fine.ts': [],
    })
  })

  it('fails lint on a browser or Node global', async () => {
    expect(await lintErrors('shared/leak.ts', LEAK)).toEqual(["'window' is not defined.", "'process' is not defined."])
  })
})

describe('lint globals follow where code runs', () => {
  it('gives the renderer the browser, not Node', async () => {
    expect(await lintErrors('renderer/leak.ts', LEAK)).toEqual(["'process' is not defined."])
  })

  it('gives the platform, scripts and Electron main Node, not the browser', async () => {
    for (const path of ['platform/leak.ts', 'scripts/leak.ts', 'electron/main/leak.ts']) {
      expect(await lintErrors(path, LEAK), path).toEqual(["'window' is not defined."])
    }
  })
})

describe('messages are typed', () => {
  // The `t` that renderer/i18n's useI18n returns; the lint rule below keeps every screen on that one.
  const use = (...keys: string[]) =>
    `import type { Translate } from './types'\ndeclare const t: Translate\n${keys.map((k) => `t('${k}')\n`).join('')}`

  it('fails the type-check on a key no message has', () => {
    const errors = typeErrors('tsconfig.web.json', {
      'renderer/i18n/probe-known.ts': use('common.next', 'staff.title', 'idle.message'),
      'renderer/i18n/probe-missing.ts': use('common.nxet', 'common', 'staff.nope'),
    })
    expect(errors).toEqual({
      'renderer/i18n/probe-known.ts': [],
      'renderer/i18n/probe-missing.ts': [
        expect.stringContaining(`'"common.nxet"' is not assignable to parameter of type 'MessageKey'`),
        expect.stringContaining(`'"common"' is not assignable`),
        expect.stringContaining(`'"staff.nope"' is not assignable`),
      ],
    })
  })

  it("refuses vue-i18n's own useI18n, whose t() takes any string", async () => {
    const errors = await lintErrors('renderer/screens/Probe.ts', "import { useI18n } from 'vue-i18n'\nexport const t = () => useI18n().t('x')\n")
    expect(errors).toEqual([expect.stringContaining('renderer/i18n')])
  })
})
