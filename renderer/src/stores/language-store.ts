import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { isLanguagePreference, type AppLocale, type LanguagePreference } from '../../../shared/i18n/locales'
import { applyLanguage } from '../i18n'
import { sdte } from '../lib/bridge'

/*
 * The reviewer's language: "follow the system" (the default) or one of ours, remembered on this
 * machine like the other preferences. The page switches at once; main is told so the menu and
 * the native dialogs follow.
 */

/** localStorage key of the language preference. */
export const languageKey = 'sdte.language'

/** The stored preference, or "system" when none or unreadable. */
export function readLanguagePreference(): LanguagePreference {
  const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(languageKey)
  return isLanguagePreference(raw) ? raw : 'system'
}

/** Language preference and the locale it resolves to. */
export const useLanguageStore = defineStore('language', () => {
  const preference = ref<LanguagePreference>(readLanguagePreference())
  const locale = ref<AppLocale>(applyLanguage(preference.value))

  /** Tells main (menu, dialogs); a failure only means English menus, never an error for the reviewer. */
  function tellMain(value: LanguagePreference): void {
    void sdte().invoke['app:setLanguage']({ preference: value }).catch(() => undefined)
  }

  watch(preference, (value) => {
    if (typeof localStorage !== 'undefined') {
      if (value === 'system') localStorage.removeItem(languageKey)
      else localStorage.setItem(languageKey, value)
    }
    locale.value = applyLanguage(value)
    tellMain(value)
  })

  /** Sends the current preference to main once the app starts. */
  function announce(): void {
    tellMain(preference.value)
  }

  return { preference, locale, announce }
})
