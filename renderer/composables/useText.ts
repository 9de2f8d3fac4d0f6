import { pick, type LocalizedText } from '../../shared/index'
import { useVisitStore } from '../stores/visit'

/** Catalog text is data with both languages; show it in the visitor's language. */
export function useText(): (text: LocalizedText | undefined) => string {
  const visit = useVisitStore()
  return (text) => (text ? pick(text, visit.locale) : '')
}

/** A shared validator's message in the visitor's language. */
export function useCheckMessage(): (check: { message: string; messageEn: string }) => string {
  const visit = useVisitStore()
  return (check) => (visit.locale === 'en' ? check.messageEn : check.message)
}
