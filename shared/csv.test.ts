import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvCell, csvFileName, toCsv } from './csv'

describe('csv', () => {
  it('starts with the BOM and ends lines with CRLF, Chinese kept as it is', () => {
    const csv = toCsv([['受理号', '企业名称'], ['HZ01-K01-20261104-0001', '杭州云栖科技有限公司']])
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv).toBe('\uFEFF受理号,企业名称\r\nHZ01-K01-20261104-0001,杭州云栖科技有限公司\r\n')
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('defuses every cell a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","点我")')).toBe(`"'=HYPERLINK(""http://evil"",""点我"")"`)
    expect(csvCell('+86 138')).toBe("'+86 138")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell('a=1')).toBe('a=1')
  })

  it('quotes commas, quotes and line breaks, and writes numbers and blanks plainly', () => {
    expect(csvCell('甲,乙')).toBe('"甲,乙"')
    expect(csvCell('说"好"')).toBe('"说""好"""')
    expect(csvCell('一\n二')).toBe('"一\n二"')
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(0.875)).toBe('0.875')
    expect(csvCell(Number.NaN)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(null)).toBe('')
    expect(csvCell(true)).toBe('true')
  })

  it('makes a file name without path or reserved characters', () => {
    expect(csvFileName('统计 2026-11')).toBe('统计 2026-11.csv')
    expect(csvFileName('../a:b*c')).toBe('..-a-b-c.csv')
    expect(csvFileName('')).toBe('export.csv')
  })
})
