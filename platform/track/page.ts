import { escapeHtml } from '../../shared/html'
import { AWAITING_MATERIAL_WORDS, EVENT_WORDS, STATUS_WORDS, SUBJECT_WORDS } from '../../shared/public-view'
import { RATING_COMMENT_MAX, RATING_LEVELS, RATING_REASONS, RATING_WORDS, mayRate, type RatingReason } from '../../shared/rating'
import type { TrackResponse } from '../../shared/sync'

/** Sent with the page: no scripts, nothing from elsewhere, no framing; its one form posts back here. */
export const TRACK_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

function when(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : chinaTime.format(date)
}

const STYLE = `body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#1d2129;line-height:1.5}
main{max-width:32rem;margin:0 auto;padding:1rem}h1{font-size:1.25rem;margin:.5rem 0}.en{color:#4e5969;font-size:.875rem}
section{background:#fff;border-radius:.75rem;padding:1rem;margin:.75rem 0}dt{color:#4e5969;font-size:.875rem}dd{margin:0 0 .75rem;font-size:1.05rem}
.status{font-size:1.3rem;font-weight:600;color:#165dff}.warn{color:#d25f00}ol{padding-left:1.2rem;margin:0}li{margin:.35rem 0}
.ticket{font-family:ui-monospace,monospace;letter-spacing:.03em}`

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`
}

function both(zh: string, en: string): string {
  return `${escapeHtml(zh)}<div class="en" lang="en">${escapeHtml(en)}</div>`
}

/** What the rating form shows besides the view: the code to post back, and a message or what was typed. */
export interface RatingPageState {
  checkCode: string
  notice?: { zh: string; en: string; error?: boolean }
  typed?: { level?: number; comment?: string; reasons?: readonly string[] }
}

const REASON_KEYS = Object.keys(RATING_REASONS) as RatingReason[]

/** 好差评 without script: five radio buttons, reason boxes and a comment, posted back to this page. */
function ratingForm(t: TrackResponse, state: RatingPageState): string {
  const typed = state.typed ?? {}
  const levels = RATING_LEVELS.map((l) => {
    const w = RATING_WORDS[l]
    return `<label style="display:block;margin:.3rem 0"><input type="radio" name="level" value="${l}" required${typed.level === l ? ' checked' : ''}> ${escapeHtml(w.zh)} <span class="en" lang="en" style="display:inline">${escapeHtml(w.en)}</span></label>`
  }).join('')
  const reasons = REASON_KEYS.map((r) => {
    const w = RATING_REASONS[r]
    return `<label style="display:inline-block;margin:.2rem .8rem .2rem 0"><input type="checkbox" name="reasons" value="${r}"${typed.reasons?.includes(r) ? ' checked' : ''}> ${escapeHtml(w.zh)}</label>`
  }).join('')
  return `<section><h2 style="font-size:1rem;margin:0 0 .5rem">评价本次服务 <span class="en">Rate this service</span></h2>
<form method="post" action="/t/${encodeURIComponent(t.ticketNo)}">
<input type="hidden" name="c" value="${escapeHtml(state.checkCode)}">
<fieldset style="border:0;padding:0;margin:0 0 .5rem"><legend>满意程度 <span class="en" style="display:inline">How satisfied are you?</span></legend>${levels}</fieldset>
<fieldset style="border:0;padding:0;margin:0 0 .5rem"><legend>主要原因（可多选） <span class="en" style="display:inline">Reasons</span></legend>${reasons}</fieldset>
<label for="comment">意见或建议（选填） <span class="en" style="display:inline">Comments (optional)</span></label>
<p><textarea id="comment" name="comment" maxlength="${RATING_COMMENT_MAX}" rows="4" style="width:100%;box-sizing:border-box;font-size:1rem">${escapeHtml(typed.comment ?? '')}</textarea></p>
<button type="submit" style="font-size:1.1rem;padding:.4rem 1rem">提交评价 Submit</button></form></section>`
}

function ratingSection(t: TrackResponse): string {
  if (!t.rating) return ''
  const w = RATING_WORDS[t.rating.level]
  const r = t.rectification
  const rectification = !r
    ? ''
    : r.response
      ? `<dt>差评整改答复 Reply to your rating</dt><dd style="white-space:pre-wrap">${escapeHtml(r.response)}</dd>`
      : `<dt>差评整改 Follow-up</dt><dd>${both(`整改中，将于${r.dueDate}前答复`, `Being followed up; reply due by ${r.dueDate}`)}</dd>`
  return `<section><dl><dt>您的评价 Your rating</dt><dd>${both(w.zh, w.en)}</dd>${rectification}</dl></section>`
}

export function trackPage(t: TrackResponse, rating?: RatingPageState): string {
  const status = STATUS_WORDS[t.status]
  const departments = t.departments.map((d) => both(d.name.zh, d.name.en)).join('')
  const subject = t.subject
    ? `<dt>${both(SUBJECT_WORDS[t.subject.kind].zh, SUBJECT_WORDS[t.subject.kind].en)}</dt><dd>${t.subject.names.map((n) => both(n.name.zh, n.name.en)).join('')}</dd>`
    : ''
  const timeline = t.timeline
    .map((e) => {
      const label = EVENT_WORDS[e.type]
      return `<li>${escapeHtml(when(e.at))} ${escapeHtml(label.zh)} <span class="en" lang="en">${escapeHtml(label.en)}</span></li>`
    })
    .join('')
  const due = t.dueDateProvisional ? `${t.dueDate}（暂定）` : t.dueDate
  const dueEn = t.dueDateProvisional ? `${t.dueDate} (provisional)` : t.dueDate
  return layout(
    `办件进度 ${t.ticketNo}`,
    `<h1>${both('办件进度查询', 'Request progress')}</h1>
<section><dl>
<dt>受理号 Ticket number</dt><dd class="ticket">${escapeHtml(t.ticketNo)}</dd>
<dt>当前状态 Status</dt><dd class="status">${both(status.zh, status.en)}</dd>
${t.escalated ? `<dd class="warn">${both(EVENT_WORDS.escalated.zh, EVENT_WORDS.escalated.en)}</dd>` : ''}
${subject}
<dt>责任部门 Responsible department</dt><dd>${departments}</dd>
<dt>责任人 Person responsible</dt><dd>${t.assigneeName ? escapeHtml(t.assigneeName) : both('待指派', 'Not yet assigned')}</dd>
<dt>承诺办结日期 Promised completion date</dt><dd>${both(due, dueEn)}</dd>
${t.awaitingMaterials ? `<dt>${both(AWAITING_MATERIAL_WORDS.zh, AWAITING_MATERIAL_WORDS.en)}</dt><dd class="warn">${escapeHtml(t.awaitingMaterials.join('、'))}</dd>` : ''}
</dl></section>
<section><h2 style="font-size:1rem;margin:0 0 .5rem">办理记录 <span class="en">Timeline</span></h2><ol>${timeline}</ol></section>
${rating?.notice ? `<section class="${rating.notice.error ? 'warn' : ''}" role="${rating.notice.error ? 'alert' : 'status'}">${both(rating.notice.zh, rating.notice.en)}</section>` : ''}
${ratingSection(t)}
${rating && mayRate(t.status, t.rating !== undefined) ? ratingForm(t, rating) : ''}`,
  )
}

export function trackNotFoundPage(ticketNo: string): string {
  return layout(
    '未找到办件',
    `<h1>${both('未找到该办件', 'No request found')}</h1>
<section><p class="ticket">${escapeHtml(ticketNo)}</p>
<p>${both('请核对回执上的受理号和查询码。刚提交的办件可能需要几分钟才能查询到。', 'Check the ticket number and the check code on your receipt. A request submitted moments ago may take a few minutes to appear.')}</p></section>
${codeForm(ticketNo)}`,
  )
}

function codeForm(ticketNo: string): string {
  return `<section><form method="get" action="/t/${encodeURIComponent(ticketNo)}">
<label for="c">查询码 <span class="en" lang="en">Check code</span></label>
<p><input id="c" name="c" maxlength="8" autocomplete="off" autocapitalize="characters" required style="font-size:1.2rem;padding:.4rem;width:8rem">
<button type="submit" style="font-size:1.1rem;padding:.4rem 1rem">查询 Look up</button></p></form></section>`
}

/** A link without its check code (a receipt printed before check codes, or typed by hand) asks for it. */
export function checkCodeForm(ticketNo: string): string {
  return layout(
    `办件进度 ${ticketNo}`,
    `<h1>${both('办件进度查询', 'Request progress')}</h1>
<section><dl><dt>受理号 Ticket number</dt><dd class="ticket">${escapeHtml(ticketNo)}</dd></dl>
<p>${both('请输入回执上的6位查询码。', 'Enter the 6-character check code printed on your receipt.')}</p></section>
${codeForm(ticketNo)}`,
  )
}

export function trackTooManyPage(): string {
  return layout('请稍后再试', `<h1>${both('查询过于频繁，请稍后再试', 'Too many lookups; please try again later')}</h1>`)
}
