import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { defaultWeights, readWeights, signalNames, weightLimits } from '../../../shared/review/queue'
import type { SignalName, SignalWeights } from '../../../shared/review/queue'
import { isPresetName } from '../../../shared/subtitles'
import type { PresetName } from '../../../shared/subtitles'

/*
 * The review queue's settings: a weight per signal and the language to use when the task does
 * not say, remembered in localStorage like the other review preferences. The subtitle preset
 * and the fallback language come from the export dialog's remembered choices, so the queue
 * judges cues exactly as the next export would.
 */

/** localStorage keys the queue reads and writes. */
export const reviewQueueKeys = { weights: 'sdte.review.queueWeights', language: 'sdte.review.queueLanguage', exportOptions: 'sdte.export.options' } as const

function readJson(storage: Storage | null, key: string): unknown {
  try {
    return JSON.parse(storage?.getItem(key) ?? 'null')
  } catch {
    // A damaged entry just means defaults.
    return null
  }
}

/** The export dialog's remembered preset name and language, with their defaults. */
export function exportChoices(raw: unknown): { preset: PresetName; language: 'en' | 'pt' } {
  const o = (raw && typeof raw === 'object' ? raw : {}) as { preset?: unknown; language?: unknown }
  return { preset: typeof o.preset === 'string' && isPresetName(o.preset) ? o.preset : 'netflix-en', language: o.language === 'pt' ? 'pt' : 'en' }
}

/** Queue weights and fallback language, persisted. */
export const useReviewQueuePrefsStore = defineStore('review-queue-prefs', () => {
  const storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage
  const weights = ref<SignalWeights>(readWeights(readJson(storage, reviewQueueKeys.weights)))
  const storedLanguage = storage?.getItem(reviewQueueKeys.language)
  /** The language when the task's export does not name one ('' = the export dialog's). */
  const language = ref<'' | 'en' | 'pt'>(storedLanguage === 'en' || storedLanguage === 'pt' ? storedLanguage : '')

  watch(weights, (value) => storage?.setItem(reviewQueueKeys.weights, JSON.stringify(value)))
  watch(language, (value) => (value ? storage?.setItem(reviewQueueKeys.language, value) : storage?.removeItem(reviewQueueKeys.language)))

  /** Sets one signal's weight (clamped to the limits; ignored when not a number). */
  function setWeight(signal: SignalName, value: number): void {
    if (!Number.isFinite(value) || !signalNames.includes(signal)) return
    weights.value = { ...weights.value, [signal]: Math.min(weightLimits.max, Math.max(weightLimits.min, value)) }
  }

  /** Puts every weight back to its default. */
  function resetWeights(): void {
    weights.value = defaultWeights
  }

  /** The preset and language the export dialog will use next (read fresh: the dialog may have changed them). */
  function exportSettings(): { preset: PresetName; language: 'en' | 'pt' } {
    const choices = exportChoices(readJson(storage, reviewQueueKeys.exportOptions))
    return { preset: choices.preset, language: language.value || choices.language }
  }

  return { weights, language, setWeight, resetWeights, exportSettings }
})
