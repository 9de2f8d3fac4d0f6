import type zhCN from './zh-CN'

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

/** The shape every locale must fill: the zh-CN messages with any text in each leaf. */
export type Messages = Strings<typeof zhCN>
