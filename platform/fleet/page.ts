import { createHash } from 'node:crypto'
import { LOW_DISK_BYTES, type PrinterState, type UpdateState } from '../../shared/fleet'
import { escapeHtml } from '../../shared/html'
import { CLOCK_SKEW_WARNING_MS, type FleetEntry, type FleetOverview } from './overview'

const STYLE = `body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#1d2129;line-height:1.45}
main{max-width:110rem;margin:0 auto;padding:1rem 1.25rem 3rem}h1{font-size:1.5rem;margin:.25rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.en{color:#4e5969;font-size:.8rem;font-weight:400}.meta{color:#4e5969;font-size:.875rem}
.totals{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.totals li{background:#fff;border-radius:.6rem;padding:.6rem 1rem;min-width:9rem}.totals b{display:block;font-size:1.6rem}
.totals .bad b{color:#c8161d}.totals .warn b{color:#b35c00}
table{border-collapse:collapse;width:100%;background:#fff;border-radius:.6rem;overflow:hidden;font-size:.9rem}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e5e6eb;vertical-align:top}th{background:#eef2f8;font-weight:600;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums}.code{font-family:ui-monospace,monospace;white-space:nowrap}
.tag{display:inline-block;border-radius:.3rem;padding:0 .35rem;margin:.1rem .2rem .1rem 0;font-size:.8rem;white-space:nowrap}
.stale{background:#fdecec;color:#a1151b}.refused{background:#fff1e0;color:#8a4b00}.old{background:#eef0ff;color:#2f3fa8}.ok{background:#e8f6ee;color:#11703b}.revoked{background:#eceef2;color:#4e5969}
.bad{color:#c8161d}.err{max-width:18rem;overflow-wrap:anywhere;color:#4e5969}.empty{background:#fff;border-radius:.6rem;padding:1rem}
.scroll{overflow-x:auto;border-radius:.6rem}`

/** Sent with the page: no script at all, this one style sheet (by its hash), nothing from elsewhere, no framing. */
export const FLEET_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

function both(zh: string, en: string): string {
  return `${escapeHtml(zh)} <span class="en" lang="en">${escapeHtml(en)}</span>`
}

function ago(iso: string | null | undefined, now: number): string {
  if (!iso) return both('从未', 'never')
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000))
  const span = minutes < 1 ? both('刚刚', 'just now') : minutes < 60 ? both(`${minutes} 分钟前`, `${minutes} min ago`) : minutes < 2880 ? both(`${Math.round(minutes / 60)} 小时前`, `${Math.round(minutes / 60)} h ago`) : both(`${Math.round(minutes / 1440)} 天前`, `${Math.round(minutes / 1440)} d ago`)
  return `${escapeHtml(chinaTime.format(new Date(iso)))}<br>${span}`
}

function gigabytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–'
  const gb = bytes / 1e9
  return `<span${bytes < LOW_DISK_BYTES ? ' class="bad"' : ''}>${gb.toFixed(1)} GB</span>`
}

const PRINTER: Record<PrinterState, [string, string]> = {
  ready: ['就绪', 'ready'],
  missing: ['未找到', 'missing'],
  error: ['故障', 'failing'],
  unknown: ['未知', 'unknown'],
}

const UPDATE: Record<UpdateState, [string, string]> = {
  disabled: ['未启用', 'off'],
  idle: ['最新', 'up to date'],
  checking: ['检查中', 'checking'],
  downloading: ['下载中', 'downloading'],
  downloaded: ['待安装', 'to install'],
  error: ['失败', 'failed'],
}

function tags(e: FleetEntry): string {
  const out: string[] = []
  if (e.revoked) out.push(`<span class="tag revoked">${both('已吊销', 'revoked')}</span>`)
  if (e.stale) out.push(`<span class="tag stale">${e.heartbeat ? both('失联', 'stale') : both('从未上报', 'never reported')}</span>`)
  if (e.refused) out.push(`<span class="tag refused">${both('有被拒收事件', 'refused events')}</span>`)
  if (e.oldVersion) out.push(`<span class="tag old">${both('旧版本', 'old version')}</span>`)
  if (e.printerFault) out.push(`<span class="tag refused">${both('打印机故障', 'printer')}</span>`)
  if (e.lowDisk) out.push(`<span class="tag refused">${both('磁盘将满', 'disk low')}</span>`)
  if (e.clockSkewMs !== null && Math.abs(e.clockSkewMs) > CLOCK_SKEW_WARNING_MS) {
    const minutes = Math.round(Math.abs(e.clockSkewMs) / 60_000)
    out.push(`<span class="tag refused">${e.clockSkewMs > 0 ? both(`时钟快 ${minutes} 分`, `clock ${minutes} min fast`) : both(`时钟慢 ${minutes} 分`, `clock ${minutes} min slow`)}</span>`)
  }
  if (out.length === 0) out.push(`<span class="tag ok">${both('正常', 'OK')}</span>`)
  return out.join('')
}

/** Column heads in two lines, Chinese over English, so twelve columns fit a 1366-pixel screen. */
const HEAD = `<tr>${(
  [
    ['终端', 'Kiosk'],
    ['状态', 'State'],
    ['版本', 'Version'],
    ['类型', 'Mode'],
    ['上次心跳', 'Last heartbeat'],
    ['上次同步', 'Last sync'],
    ['待上传', 'Pending'],
    ['被拒收', 'Refused'],
    ['磁盘剩余', 'Free disk'],
    ['打印机', 'Printer'],
    ['更新', 'Update'],
    ['最近错误', 'Last error'],
  ] as const
)
  .map(([zh, en]) => `<th>${escapeHtml(zh)}<br><span class="en" lang="en">${escapeHtml(en)}</span></th>`)
  .join('')}</tr>`

function row(e: FleetEntry, now: number): string {
  const h = e.heartbeat
  const cells = [
    `<td><span class="code">${escapeHtml(`${e.centerCode}-${e.kioskCode}`)}</span><br><span class="en">${escapeHtml(e.name)}</span></td>`,
    `<td>${tags(e)}</td>`,
    `<td class="code">${h ? escapeHtml(h.appVersion) : '–'}</td>`,
    `<td>${h ? (h.mode === 'counter' ? both('柜台', 'counter') : both('大厅', 'lobby')) : '–'}</td>`,
    `<td>${ago(e.receivedAt, now)}</td>`,
    `<td>${h ? ago(h.lastSyncAt, now) : '–'}${h && !h.online ? `<br><span class="bad">${both('离线', 'offline')}</span>` : ''}</td>`,
    `<td class="num">${h ? h.pendingEvents : '–'}</td>`,
    `<td class="num${h && h.rejectedEvents > 0 ? ' bad' : ''}">${h ? h.rejectedEvents : '–'}</td>`,
    `<td class="num">${h ? gigabytes(h.freeDiskBytes) : '–'}</td>`,
    `<td>${h ? `<span${h.printer.state === 'missing' || h.printer.state === 'error' ? ' class="bad"' : ''}>${both(...PRINTER[h.printer.state])}</span>` : '–'}</td>`,
    `<td>${h ? both(...UPDATE[h.update.state]) + (h.update.version ? ` <span class="code">${escapeHtml(h.update.version)}</span>` : '') : '–'}</td>`,
    `<td class="err">${h?.lastError ? escapeHtml(h.lastError.message) : ''}</td>`,
  ]
  return `<tr data-device="${escapeHtml(e.deviceId)}">${cells.join('')}</tr>`
}

function table(entries: readonly FleetEntry[], now: number): string {
  return `<div class="scroll"><table><thead>${HEAD}</thead><tbody>${entries.map((e) => row(e, now)).join('')}</tbody></table></div>`
}

/** The fleet at a glance for IT: server-rendered, refreshed every minute by the browser, no script. */
export function fleetPage(overview: FleetOverview): string {
  const now = Date.parse(overview.generatedAt)
  const t = overview.totals
  const totals = `<ul class="totals">
<li><b>${t.devices}</b>${both('台终端', 'devices')}</li>
<li class="${t.stale ? 'bad' : ''}"><b>${t.stale}</b>${both('失联', 'stale')}</li>
<li class="${t.refused ? 'warn' : ''}"><b>${t.refused}</b>${both('有被拒收事件', 'with refused events')}</li>
<li class="${t.oldVersion ? 'warn' : ''}"><b>${t.oldVersion}</b>${both('旧版本', 'on an old version')}</li>
<li class="${t.printerFault ? 'warn' : ''}"><b>${t.printerFault}</b>${both('打印机故障', 'printer faults')}</li>
<li class="${t.lowDisk ? 'warn' : ''}"><b>${t.lowDisk}</b>${both('磁盘将满', 'disk nearly full')}</li>
</ul>`
  const attention =
    overview.attention.length > 0 ? table(overview.attention, now) : `<p class="empty">${both('所有终端运行正常。', 'Every device is healthy.')}</p>`
  const centers = overview.centers
    .map((c) => `<h2>${escapeHtml(c.code)} · ${both(c.name.zh, c.name.en)}</h2>${table(c.devices, now)}`)
    .join('')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><meta http-equiv="refresh" content="60"><title>终端运行状态 Fleet</title><style>${STYLE}</style></head>
<body><main>
<h1>${both('终端运行状态', 'Kiosk fleet')}</h1>
<p class="meta">${both(`生成于 ${chinaTime.format(new Date(overview.generatedAt))}，每分钟自动刷新`, 'refreshed every minute')}${overview.latestVersion ? ` · ${both('最新版本', 'newest version')} <span class="code">${escapeHtml(overview.latestVersion)}</span>` : ''}</p>
${totals}
<h2>${both('需要处理', 'Needs attention')}</h2>
${attention}
${centers || `<p class="empty">${both('还没有注册的终端。', 'No device enrolled yet.')}</p>`}
</main></body></html>`
}
