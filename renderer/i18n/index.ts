// The one place that may take useI18n from vue-i18n itself (see `useI18n` below and eslint.config.js).
// eslint-disable-next-line no-restricted-imports
import { createI18n, useI18n as useVueI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantEn from 'vant/es/locale/lang/en-US'
import vantZh from 'vant/es/locale/lang/zh-CN'
import type { Locale } from '../../shared/index'
import en from './en'
import zhCN from './zh-CN'
import staffEn from './staff/en'
import staffZhCN from './staff/zh-CN'
import kioskEn from './kiosk/en'
import kioskZhCN from './kiosk/zh-CN'
import ratingEn from './rating/en'
import ratingZhCN from './rating/zh-CN'
import type { MessageSchema, Translate } from './types'

export const LOCALES: Locale[] = ['zh-CN', 'en']

/** One i18n instance for the app; staff-mode messages live under `staff`, owned by the staff panel. */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  // Catalog text and visitor input are never message keys; missing keys are caught by the types.
  missingWarn: false,
  fallbackWarn: false,
  messages: {
    'zh-CN': { ...zhCN, staff: staffZhCN, kiosk: kioskZhCN, rating: ratingZhCN },
    en: { ...en, staff: staffEn, kiosk: kioskEn, rating: ratingEn },
  },
})

/** Switch the interface language, and tell assistive technology and fonts which language the page is in. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  // Vant's own labels (aria names, default button texts) follow the same language.
  if (locale === 'en') VantLocale.use('en-US', vantEn)
  else VantLocale.use('zh-CN', vantZh)
}

/**
 * vue-i18n's useI18n with a `t` that refuses a key no message has, so a typo or a removed message
 * fails vue-tsc instead of showing the key to a visitor. vue-i18n's own types accept any string.
 */
export function useI18n() {
  const composer = useVueI18n<{ message: MessageSchema }, Locale>()
  return composer as Omit<typeof composer, 't'> & { t: Translate }
}
