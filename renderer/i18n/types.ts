import type zhCN from './zh-CN'
import type staffZhCN from './staff/zh-CN'
import type kioskZhCN from './kiosk/zh-CN'
import type ratingZhCN from './rating/zh-CN'

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

/** The shape every locale must fill: the zh-CN messages with any text in each leaf. */
export type Messages = Strings<typeof zhCN>

/** Every message of the app, as zh-CN (the source language) has them: the staff panel's under `staff`, the IT and setup screens' under `kiosk`. */
export type MessageSchema = typeof zhCN & { staff: typeof staffZhCN; kiosk: typeof kioskZhCN; rating: typeof ratingZhCN }

type Leaves<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** A key that names a message, e.g. 'common.next' or 'staff.title'; a section or a typo is not one. */
export type MessageKey = Leaves<MessageSchema, ''>

/** vue-i18n's `t` (see useI18n in index.ts), taking only keys that exist in the messages. */
export interface Translate {
  (key: MessageKey): string
  (key: MessageKey, named: Record<string, unknown>): string
  (key: MessageKey, plural: number): string
  (key: MessageKey, named: Record<string, unknown>, plural: number): string
}
