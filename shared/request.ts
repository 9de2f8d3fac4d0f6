import { z } from 'zod'
import { Id, Line, Paragraph, TEXT_LIMITS } from './text'

/** UUIDv7: made where the thing happened, sortable by time, unique without a network. */
export const UuidV7 = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a UUIDv7')

/** 受理号: center + kiosk + date + sequence, e.g. HZ01-K03-20261128-0007. */
export const TicketNo = z.string().regex(/^[A-Z0-9]{2,8}-[A-Z0-9]{2,8}-\d{8}-\d{4,6}$/, 'must be a ticket number')
export type TicketNo = z.infer<typeof TicketNo>

export function formatTicketNo(centerCode: string, kioskCode: string, isoDate: string, seq: number): string {
  return `${centerCode}-${kioskCode}-${isoDate.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`
}

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
export const IsoDateTime = z.iso.datetime({ offset: true })

/**
 * 查询码: printed on the receipt and carried in its QR link; public tracking needs it beside the
 * ticket number, which is sequential and so guessable. Made at random on the kiosk at submit.
 */
export const CHECK_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const CHECK_CODE_LENGTH = 6
export const CheckCode = z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'must be a check code of 6 letters and digits')
export type CheckCode = z.infer<typeof CheckCode>

/** A new check code from `random` (e.g. crypto.getRandomValues), unbiased over the 32-letter alphabet. */
export function newCheckCode(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>): CheckCode {
  const bytes = random(new Uint8Array(CHECK_CODE_LENGTH))
  // 256 is a multiple of 32, so taking the low five bits favours no letter.
  return Array.from(bytes, (b) => CHECK_CODE_ALPHABET[b % CHECK_CODE_ALPHABET.length]).join('')
}

/** Free text answers may run long; each choice of a multiple choice is an option key. */
export const AnswerValue = z.union([Paragraph(TEXT_LIMITS.answer), z.number(), z.boolean(), z.array(Id).max(50)])
export type AnswerValue = z.infer<typeof AnswerValue>
export const Answers = z.record(Id, AnswerValue)
export type Answers = z.infer<typeof Answers>

export const MaterialStatus = z.enum(['have', 'bring'])
export type MaterialStatus = z.infer<typeof MaterialStatus>

export const Channel = z.enum(['kiosk', 'counter', 'online'])
export type Channel = z.infer<typeof Channel>

export const AppealDetails = z.object({
  categoryId: Id,
  description: Paragraph(TEXT_LIMITS.paragraph, 1, { zh: '问题描述', en: 'Problem description' }),
  desiredOutcome: Paragraph(TEXT_LIMITS.paragraph, 1, { zh: '希望的解决结果', en: 'Outcome wanted' }),
  triedDepartment: Line(TEXT_LIMITS.line, 0, { zh: '已反映过的部门', en: 'Departments already contacted' }).optional(),
})
export type AppealDetails = z.infer<typeof AppealDetails>

/**
 * 办件: the immutable intake record. It travels inside the `submitted` event, so a request is
 * nothing but its events. Field rules (uscc, mobile, answers) are checked by `validateIntake`.
 */
export const ServiceRequest = z.object({
  id: UuidV7,
  ticketNo: TicketNo,
  /** Absent only on intakes recorded by kiosks older than the check code; those are not tracked publicly. */
  checkCode: CheckCode.optional(),
  centerId: Id,
  deviceId: Id,
  channel: Channel,
  kind: z.enum(['application', 'appeal']),
  catalogVersion: Id.max(32),
  bundleId: Id.optional(),
  itemIds: z.array(Id).max(20),
  appeal: AppealDetails.optional(),
  enterprise: z.object({
    uscc: Line(32, 0, { zh: '统一社会信用代码', en: 'Unified social credit code' }),
    name: Line(TEXT_LIMITS.name, 2, { zh: '企业名称', en: 'Business name' }),
  }),
  contact: z.object({
    name: Line(50, 1, { zh: '联系人姓名', en: 'Contact name' }),
    mobile: Line(20, 0, { zh: '联系人手机号', en: 'Contact mobile number' }),
  }),
  answers: Answers,
  materials: z.record(Id, MaterialStatus),
  locale: z.enum(['zh-CN', 'en']),
  consentAt: IsoDateTime,
  createdAt: IsoDateTime,
  /** The promise printed on the receipt; it never moves afterwards. */
  dueDate: IsoDate,
  dueDateProvisional: z.boolean(),
  departmentIds: z.array(Id).min(1).max(20),
})
export type ServiceRequest = z.infer<typeof ServiceRequest>
