import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CALENDAR, dueBounds, rectificationDue, toCsv, type RequestEvent } from '../../../shared/index'
import { requestRow } from '../../../renderer/db/summary'
import { WORKLIST_COLUMNS, worklistCsvRows, type WorklistCsvLabels } from '../../../renderer/screens/staff/worklist/export'
import zh from '../../../renderer/i18n/staff/worklist-zh-CN'
import { sampleRequest, submittedEvent } from './helpers'

const staff = { kind: 'staff' as const, id: 'HZ2002', name: '周建华' }
const bounds = dueBounds(new Date('2026-12-15T02:00:00Z'), BUILTIN_CALENDAR)

const labels: WorklistCsvLabels = {
  header: Object.fromEntries(WORKLIST_COLUMNS.map((c) => [c, zh.export.column[c]])) as WorklistCsvLabels['header'],
  status: (s) => `status:${s}`,
  department: (id) => `dept:${id}`,
  item: (id) => `item:${id}`,
  category: (id) => `cat:${id}`,
  channel: (c) => zh.channel[c],
  due: (d) => zh.due[d],
  rectification: (r) => zh.rectification[r],
}

function events(requestId: string, ...steps: Array<[string, string, object?]>): RequestEvent[] {
  return steps.map(([type, at, extra]) => ({ id: uuidv7(), requestId, at, author: staff, type, ...extra }) as RequestEvent)
}

describe('the worklist as CSV', () => {
  it('writes one line per request with the screen words, dates Excel sorts, and no contact details', () => {
    const open = sampleRequest({ createdAt: '2026-11-28T09:01:00.000Z', dueDate: '2026-12-10', enterprise: { uscc: '91330100MA27XL0Q3X', name: '=HYPERLINK("http://x")有限公司' } })
    const appeal = sampleRequest({
      kind: 'appeal',
      itemIds: [],
      channel: 'counter',
      dueDate: '2026-12-31',
      appeal: { categoryId: 'policy-fulfilment', description: '补贴没有兑现', desiredOutcome: '尽快拨付' },
    })
    const ratedAt = '2026-12-01T02:00:00.000Z'
    const rows = [
      requestRow(open, [submittedEvent(open), ...events(open.id, ['accepted', '2026-11-28T10:00:00.000Z'], ['material_requested', '2026-11-29T10:00:00.000Z', { materials: ['营业执照副本'] }])]),
      requestRow(appeal, [
        submittedEvent(appeal),
        ...events(
          appeal.id,
          ['accepted', '2026-11-28T10:00:00.000Z'],
          ['assigned', '2026-11-28T10:05:00.000Z', { departmentId: 'hrss', assigneeName: '李志强' }],
          ['resolved', '2026-11-30T10:00:00.000Z', { resolution: '已拨付' }],
        ),
        { id: uuidv7(), requestId: appeal.id, at: ratedAt, author: { kind: 'visitor', id: 'device-1', name: '' }, type: 'rated', level: 2, rectificationDue: rectificationDue(ratedAt, BUILTIN_CALENDAR) } as RequestEvent,
      ]),
    ]
    const table = worklistCsvRows(rows, bounds, labels)
    expect(table[0]).toEqual([
      '受理号',
      '企业名称',
      '统一社会信用代码',
      '办理事项或反映问题',
      '状态',
      '责任部门',
      '责任人',
      '渠道',
      '提交时间',
      '限时办结',
      '时限',
      '待补正材料',
      '整改答复期限',
      '差评整改',
    ])
    expect(table[1]).toEqual([
      open.ticketNo,
      '=HYPERLINK("http://x")有限公司',
      '91330100MA27XL0Q3X',
      'item:talent-recognition',
      'status:accepted',
      'dept:hr-bureau',
      '',
      '自助终端',
      '2026-11-28 17:01',
      '2026-12-10',
      '已超期',
      '营业执照副本',
      '',
      '',
    ])
    const due = rectificationDue(ratedAt, BUILTIN_CALENDAR).dueDate
    expect(table[2]).toEqual([appeal.ticketNo, '杭州示例科技有限公司', '91330100MA27XL0Q3X', 'cat:policy-fulfilment：补贴没有兑现', 'status:resolved', 'dept:hrss', '李志强', '窗口', '2026-11-28 17:01', '2026-12-31', '已办结', '', due, '待答复'])
    // No contact person or mobile leaves the device with an export.
    expect(JSON.stringify(table)).not.toContain('王小明')
    expect(JSON.stringify(table)).not.toContain('13800138000')
    const csv = toCsv(table)
    expect(csv.startsWith('\uFEFF受理号,企业名称,')).toBe(true)
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")有限公司",`)
  })

  it('says when a task is past its answer date, and when it was answered', () => {
    const ratedAt = '2026-11-01T02:00:00.000Z'
    const request = sampleRequest({ createdAt: '2026-10-20T02:00:00.000Z' })
    const base = [
      submittedEvent(request),
      ...events(request.id, ['accepted', '2026-10-20T03:00:00.000Z'], ['resolved', '2026-10-25T03:00:00.000Z', { resolution: '已办结' }]),
      { id: uuidv7(), requestId: request.id, at: ratedAt, author: { kind: 'visitor', id: 'device-1', name: '' }, type: 'rated', level: 1, rectificationDue: rectificationDue(ratedAt, BUILTIN_CALENDAR) } as RequestEvent,
    ]
    const late = worklistCsvRows([requestRow(request, base)], bounds, labels)[1]!
    expect(late.at(-1)).toBe('答复逾期')
    const answered = worklistCsvRows([requestRow(request, [...base, ...events(request.id, ['rectified', '2026-11-10T02:00:00.000Z', { response: '已整改' }])])], bounds, labels)[1]!
    expect(answered.at(-1)).toBe('已答复')
  })
})
