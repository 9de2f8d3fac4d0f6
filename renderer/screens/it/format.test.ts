import { describe, expect, it } from 'vitest'
import { formatBytes } from './format'

describe('formatBytes', () => {
  it('picks the unit that reads best', () => {
    expect(formatBytes(812, 'en')).toBe('812 byte')
    expect(formatBytes(3_400_000, 'en')).toBe('3.4 MB')
    expect(formatBytes(52_345_678_901, 'en')).toBe('52.3 GB')
    expect(formatBytes(52_345_678_901, 'zh-CN')).toMatch(/^52\.3\s?GB$/)
  })

  it('says nothing for what is not known', () => {
    expect(formatBytes(null, 'en')).toBeNull()
    expect(formatBytes(Number.NaN, 'en')).toBeNull()
  })
})
