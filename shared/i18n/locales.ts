/*
 * The languages the app speaks and how the one in use is chosen. Shared by the renderer (which
 * translates the page) and main (menu and native dialogs), so both always pick the same one.
 * `sdte` stays English on purpose: scripts parse its messages (docs/i18n.md).
 */

/** Locales with a full message catalogue, English first (the fallback). */
export const supportedLocales = ['en', 'pt-PT'] as const

/** A locale with a message catalogue. */
export type AppLocale = (typeof supportedLocales)[number]

/** What the reviewer chose: follow the system, or one language. */
export type LanguagePreference = 'system' | AppLocale

/** Every preference the settings offer, "follow the system" first. */
export const languagePreferences = ['system', ...supportedLocales] as const

/** True for a stored or received value that is a known preference. */
export function isLanguagePreference(value: unknown): value is LanguagePreference {
  return typeof value === 'string' && (languagePreferences as readonly string[]).includes(value)
}

/**
 * The locale to use: the preference when it names one, else the first of the system's languages
 * (most preferred first, BCP 47) that we have, matched by language so pt-BR, pt-AO or plain "pt"
 * read European Portuguese rather than English; English when none matches.
 */
export function resolveLocale(preference: LanguagePreference, systemLanguages: readonly string[]): AppLocale {
  if (preference !== 'system') return preference
  for (const tag of systemLanguages) {
    const language = tag.toLowerCase().split(/[-_]/)[0]
    if (language === 'pt') return 'pt-PT'
    if (language === 'en') return 'en'
  }
  return 'en'
}
