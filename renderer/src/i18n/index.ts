import { createI18n } from 'vue-i18n'
import { resolveLocale, supportedLocales, type AppLocale, type LanguagePreference } from '../../../shared/i18n/locales'
import { en } from './messages/en'
import { ptPT } from './messages/pt-PT'

/*
 * The renderer's translations (vue-i18n, Composition API mode). Catalogues live in
 * `messages/<locale>/<area>.ts`, one file per area of the app, so a feature adds its own file
 * instead of editing one big one; `messages/pt-PT` is typed against English, so a missing or
 * extra key fails the type check (docs/i18n.md). vue-i18n 10+ compiles messages just in time
 * without `eval`, which the renderer's CSP forbids.
 */

/** English's shape: the keys every catalogue has. */
export type Messages = typeof en

/** Every catalogue by locale. */
export const catalogues: Readonly<Record<AppLocale, Messages>> = { en, 'pt-PT': ptPT as Messages }

/** The app's i18n instance (also usable outside components through `i18n.global`). */
export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: resolveLocale('system', systemLanguages()),
  fallbackLocale: 'en',
  availableLocales: [...supportedLocales],
  messages: catalogues,
  // A missing key is a bug the catalogue test catches; at run time English is shown instead, quietly.
  missingWarn: false,
  fallbackWarn: false
})

/** `t` for plain TypeScript modules (stores, message builders); components use `useI18n()`. */
export const t = i18n.global.t

/** The locale in use now. */
export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

/** Switches the page to `preference` (resolved against the system's languages); returns the locale used. */
export function applyLanguage(preference: LanguagePreference): AppLocale {
  const locale = resolveLocale(preference, systemLanguages())
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  return locale
}

/** The system's languages, most preferred first (Chromium takes them from the OS in Electron). */
function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}
