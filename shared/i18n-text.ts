import { z } from 'zod'

/** Catalog text is data, so it carries both languages itself (zh-CN first). */
export const LocalizedText = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
})
export type LocalizedText = z.infer<typeof LocalizedText>

export type Locale = 'zh-CN' | 'en'

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh
}
