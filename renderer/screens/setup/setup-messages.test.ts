import { describe, expect, it } from 'vitest'
import { PROVISIONING_PROBLEMS, type ProvisioningProblemCode } from '../../../shared/provisioning'
import en from '../../i18n/kiosk/en'
import zhCN from '../../i18n/kiosk/zh-CN'

const CODES = Object.keys(PROVISIONING_PROBLEMS) as ProvisioningProblemCode[]

describe('setup screen messages', () => {
  it.each([
    ['zh-CN', zhCN.setup.problems],
    ['en', en.setup.problems],
  ] as const)('%s has its own message for every provisioning problem', (_locale, messages) => {
    expect(Object.keys(messages).sort()).toEqual([...CODES].sort())
    const texts = CODES.map((code) => messages[code])
    expect(texts.every((t) => t.trim().length > 0)).toBe(true)
    expect(new Set(texts).size).toBe(texts.length)
  })

  it('holds no character vue-i18n would read as syntax (braces, @, |), so each message shows as written', () => {
    for (const messages of [zhCN.setup.problems, en.setup.problems]) {
      for (const text of Object.values(messages)) expect(text).not.toMatch(/[{}@|]/)
    }
  })

  it('names the sources the kiosk reports in the language of the screen', () => {
    expect(zhCN.setup.sources).toEqual({ commandLine: '命令行参数', environment: '环境变量' })
  })
})
