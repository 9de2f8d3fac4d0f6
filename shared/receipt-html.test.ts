import { describe, expect, it } from 'vitest'
import type { ReceiptDocument } from './host'
import { renderReceiptHtml } from './receipt-html'

const RECEIPT: ReceiptDocument = {
  title: '受理回执',
  lines: [
    { label: '受理号', value: 'HZ01-K03-20261128-0007' },
    { label: '责任部门', value: '市市场监督管理局' },
    { label: '承诺办结', value: '2026-12-10' },
  ],
  trackingUrl: 'https://zlb.zj.gov.cn/track/HZ01-K03-20261128-0007',
  footer: '扫码查询办理进度',
}

const QR = 'data:image/png;base64,iVBORw0KGgo='

describe('renderReceiptHtml', () => {
  it('prints every line, the tracking link and the footer', () => {
    const html = renderReceiptHtml(RECEIPT, QR)
    for (const text of ['受理回执', '受理号', 'HZ01-K03-20261128-0007', '市市场监督管理局', '扫码查询办理进度', RECEIPT.trackingUrl]) {
      expect(html).toContain(text)
    }
    expect(html).toContain(`src="${QR}"`)
  })

  it('escapes script in any field, so nothing a visitor typed can run in main\'s print window', () => {
    const html = renderReceiptHtml(
      {
        title: '<script>alert(1)</script>',
        lines: [{ label: '企业名称', value: '<script>alert("x")</script>' }, { label: '<img src=x onerror=alert(1)>', value: '"\' &' }],
        trackingUrl: 'https://a.example/?q="><script>alert(1)</script>',
        footer: '</footer><script>alert(2)</script>',
      },
      QR,
    )
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('&quot;&#39; &amp;')
  })

  it('prints no QR code block without a tracking link', () => {
    const html = renderReceiptHtml({ ...RECEIPT, trackingUrl: '' }, null)
    expect(html).not.toContain('<img')
    expect(html).toContain('HZ01-K03-20261128-0007')
  })

  it('forbids scripts in the page itself', () => {
    expect(renderReceiptHtml(RECEIPT, QR)).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`)
  })

  it('refuses anything but a PNG data URL for the QR image', () => {
    expect(() => renderReceiptHtml(RECEIPT, 'javascript:alert(1)')).toThrow()
    expect(() => renderReceiptHtml(RECEIPT, 'data:image/png;base64,AAAA" onerror="alert(1)')).toThrow()
  })
})
