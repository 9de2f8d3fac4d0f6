import { z } from 'zod'

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

export const AnswerValue = z.union([z.string().max(5000), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)])
export type AnswerValue = z.infer<typeof AnswerValue>
export const Answers = z.record(z.string().max(64), AnswerValue)
export type Answers = z.infer<typeof Answers>

export const MaterialStatus = z.enum(['have', 'bring'])
export type MaterialStatus = z.infer<typeof MaterialStatus>

export const Channel = z.enum(['kiosk', 'counter', 'online'])
export type Channel = z.infer<typeof Channel>

export const AppealDetails = z.object({
  categoryId: z.string().min(1).max(64),
  description: z.string().trim().min(1).max(2000),
  desiredOutcome: z.string().trim().min(1).max(2000),
  triedDepartment: z.string().trim().max(200).optional(),
})
export type AppealDetails = z.infer<typeof AppealDetails>

/**
 * 办件: the immutable intake record. It travels inside the `submitted` event, so a request is
 * nothing but its events. Field rules (uscc, mobile, answers) are checked by `validateIntake`.
 */
export const ServiceRequest = z.object({
  id: UuidV7,
  ticketNo: TicketNo,
  centerId: z.string().min(1).max(64),
  deviceId: z.string().min(1).max(64),
  channel: Channel,
  kind: z.enum(['application', 'appeal']),
  catalogVersion: z.string().min(1).max(32),
  bundleId: z.string().max(64).optional(),
  itemIds: z.array(z.string().max(64)).max(20),
  appeal: AppealDetails.optional(),
  enterprise: z.object({ uscc: z.string().max(32), name: z.string().trim().min(2).max(100) }),
  contact: z.object({ name: z.string().trim().min(1).max(50), mobile: z.string().max(20) }),
  answers: Answers,
  materials: z.record(z.string().max(64), MaterialStatus),
  locale: z.enum(['zh-CN', 'en']),
  consentAt: IsoDateTime,
  createdAt: IsoDateTime,
  /** The promise printed on the receipt; it never moves afterwards. */
  dueDate: IsoDate,
  dueDateProvisional: z.boolean(),
  departmentIds: z.array(z.string().max(64)).min(1).max(20),
})
export type ServiceRequest = z.infer<typeof ServiceRequest>
