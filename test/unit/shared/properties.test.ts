import fc from 'fast-check'
import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import {
  BUILTIN_CATALOG,
  Line,
  Paragraph,
  TicketNo,
  authorityRefusal,
  canApply,
  checkText,
  normalizeTicketNo,
  parseTrackingInput,
  reduceRequest,
  trackingUrl,
  usccCheckChar,
  USCC_CHARSET,
  validateAnswer,
  validateUscc,
  type AuthorKind,
  type DeviceMode,
  type RequestEvent,
  type RequestState,
} from '../../../shared/index'
import { sampleRequest, submittedEvent } from '../renderer/helpers'

/** Property tests of the shared rules (issue 7): validators and the reducer, on generated input. */

const RUNS = { numRuns: 300 }

/** Any UTF-16 text, lone surrogates and control characters included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 })
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/ // eslint-disable-line no-control-regex
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed()

describe('the text rule', () => {
  it('accepts exactly the well-formed text without control characters within its length', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 50 }), fc.boolean(), (text, max, multiline) => {
        const forbidden = multiline ? CONTROL : /[\u0000-\u001F\u007F-\u009F]/ // eslint-disable-line no-control-regex
        const expected = wellFormed(text) && !forbidden.test(text) && text.length <= max
        expect(checkText(text, { max, multiline }).ok).toBe(expected)
      }),
      RUNS,
    )
  })

  it('the zod schemas agree with it on the trimmed text, and never throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(Line(30).safeParse(text).success).toBe(checkText(text.trim(), { max: 30 }).ok)
        expect(Paragraph(30).safeParse(text).success).toBe(checkText(text.trim(), { max: 30, multiline: true }).ok)
      }),
      RUNS,
    )
  })
})

describe('answers', () => {
  const questions = BUILTIN_CATALOG.items.flatMap((i) => i.questions ?? [])
  const value = fc.oneof(anyText, fc.double(), fc.integer(), fc.boolean(), fc.array(anyText, { maxLength: 4 }), fc.constant(undefined))

  it('never throw for any value of any question, and a value they return validates to itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...questions), value, (q, v) => {
        const first = validateAnswer(q, v)
        if (first.ok && first.value !== undefined) expect(validateAnswer(q, first.value)).toEqual(first)
      }),
      RUNS,
    )
  })
})

describe('统一社会信用代码', () => {
  const body = fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''))

  it('accepts every body with its check character and refuses any single wrong character', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...USCC_CHARSET), (b, at, other) => {
        const code = b + usccCheckChar(b)
        expect(validateUscc(code).ok).toBe(true)
        fc.pre(code[at] !== other)
        expect(validateUscc(code.slice(0, at) + other + code.slice(at + 1)).ok).toBe(false)
      }),
      RUNS,
    )
  })
})

describe('ticket numbers as visitors type or scan them', () => {
  const ticket = fc
    .tuple(
      fc.stringMatching(/^[A-Z]{2}[0-9]{2}$/),
      fc.integer({ min: 1, max: 999 }),
      fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 9999 }),
    )
    .map(([center, kiosk, day, seq]) => `${center}-K${String(kiosk).padStart(2, '0')}-${day.toISOString().slice(0, 10).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`)

  it('reads the printed form back from lower case, without dashes, with spaces, or from the receipt’s link', () => {
    fc.assert(
      fc.property(ticket, fc.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/), (t, code) => {
        expect(TicketNo.safeParse(t).success).toBe(true)
        expect(normalizeTicketNo(t)).toBe(t)
        expect(normalizeTicketNo(t.toLowerCase())).toBe(t)
        expect(normalizeTicketNo(t.replaceAll('-', ''))).toBe(t)
        expect(normalizeTicketNo(` ${t.replaceAll('-', ' ')} `)).toBe(t)
        expect(parseTrackingInput(trackingUrl('https://zwfw.zj.gov.cn/platform/', t, code))).toEqual({ ticketNo: t, checkCode: code })
      }),
      RUNS,
    )
  })
})

// ---- the reducer ----------------------------------------------------------------------------

const staff = { kind: 'staff' as const, id: 'lead-1', name: '周建华' }
const STEPS = ['accepted', 'assigned', 'escalated', 'material_requested', 'noted', 'supplied', 'resolved', 'closed', 'rated', 'withdrawn'] as const

function eventOf(requestId: string, type: (typeof STEPS)[number], at: number): RequestEvent {
  // As a device makes them: ids rise with every event, also within one millisecond.
  const base = { id: uuidv7(), requestId, at: new Date(at).toISOString(), author: staff }
  switch (type) {
    case 'assigned':
      return { ...base, type, departmentId: 'ndrc', assigneeName: '李志强' }
    case 'escalated':
      return { ...base, type, reason: '超期', departmentIds: ['tax'] }
    case 'material_requested':
      return { ...base, type, materials: ['营业执照'] }
    case 'noted':
      return { ...base, type, note: '已联系' }
    case 'supplied':
      return { ...base, type: 'noted', note: '材料已收', materialSupplied: true }
    case 'resolved':
      return { ...base, type, resolution: '已办结' }
    case 'rated':
      return { ...base, type, level: 4, author: { kind: 'visitor', id: 'device-1', name: '' } }
    case 'withdrawn':
      return { ...base, type, author: { kind: 'visitor', id: 'device-1', name: '' } }
    default:
      return { ...base, type }
  }
}

/** A history the reducer accepts step by step: the intake, then only events that may follow, at rising times. */
const history = fc.array(fc.tuple(fc.constantFrom(...STEPS), fc.integer({ min: 0, max: 3 })), { maxLength: 14 }).map((steps) => {
  const submitted = submittedEvent(sampleRequest())
  const events: RequestEvent[] = [submitted]
  let state: RequestState | undefined = reduceRequest(events)
  let at = Date.parse(submitted.at)
  for (const [type, gap] of steps) {
    // Equal instants happen (gap 0): the id decides their order.
    at += gap * 1000
    const event = eventOf(submitted.requestId, type, at)
    if (!canApply(state, event)) continue
    events.push(event)
    state = reduceRequest(events)
  }
  return events
})

const withoutConflicts = (s: RequestState | undefined) => s && { ...s, conflicts: [] }

describe('the reducer', () => {
  it('gives the same state for any order of the same events', () => {
    fc.assert(
      fc.property(history.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))), ([events, shuffled]) => {
        expect(reduceRequest(shuffled)).toEqual(reduceRequest(events))
      }),
      RUNS,
    )
  })

  it('is not changed by duplicates', () => {
    fc.assert(
      fc.property(history.chain((events) => fc.tuple(fc.constant(events), fc.array(fc.constantFrom(...events), { minLength: 1, maxLength: 5 }))), ([events, copies]) => {
        expect(reduceRequest([...copies, ...events, ...copies])).toEqual(reduceRequest(events))
      }),
      RUNS,
    )
  })

  it('is not changed by an event it refuses, beyond listing it as a conflict', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...STEPS), fc.integer({ min: 1, max: 100 }), (events, type, later) => {
        const state = reduceRequest(events)!
        const last = Math.max(...events.map((e) => Date.parse(e.at)))
        const refused = eventOf(state.id, type, last + later * 1000)
        fc.pre(!canApply(state, refused))
        const after = reduceRequest([...events, refused])
        expect(withoutConflicts(after)).toEqual(withoutConflicts(state))
        expect(after?.conflicts).toEqual([refused.id])
      }),
      RUNS,
    )
  })
})

describe('who may author an event', () => {
  it('no device delivers what its mode may not, and nothing delivers the system’s events', () => {
    const kinds: AuthorKind[] = ['visitor', 'staff', 'department', 'system']
    fc.assert(
      fc.property(history, fc.constantFrom<DeviceMode>('visitor', 'counter'), fc.constantFrom(...kinds), (events, mode, kind) => {
        const event = { ...events.at(-1)!, author: { kind, id: 'lead-1', name: '' } } as RequestEvent
        const refusal = authorityRefusal(event, {
          credential: { kind: 'device', centerId: 'center-hz01', deviceId: 'device-1', mode },
          staff: [{ id: 'lead-1', name: '周建华', departmentId: 'service-center', role: 'lead' }],
          departments: BUILTIN_CATALOG.departments.map((d) => d.id),
          state: reduceRequest(events.slice(0, -1)),
        })
        if (kind === 'system' || kind === 'department' || (mode === 'visitor' && kind !== 'visitor')) expect(refusal?.code).toBe('forbidden')
      }),
      RUNS,
    )
  })
})
