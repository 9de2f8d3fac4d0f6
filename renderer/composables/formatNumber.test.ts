import { describe, expect, it } from 'vitest'
import { groupDigits } from './formatNumber'

describe('amounts with digit grouping', () => {
  it('groups thousands and keeps decimals and what is not a number', () => {
    expect(groupDigits('1250000.5')).toBe('1,250,000.5')
    expect(groupDigits(1200)).toBe('1,200')
    expect(groupDigits('999')).toBe('999')
    expect(groupDigits('1,2345')).toBe('12,345')
    expect(groupDigits('12.')).toBe('12.')
    expect(groupDigits('12a')).toBe('12a')
    expect(groupDigits('')).toBe('')
  })
})
