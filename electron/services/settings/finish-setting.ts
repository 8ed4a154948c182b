import { defaultFinishFormats, finishFormatsSchema, type FinishSettings } from '../../../shared/review/finish/finish-settings'
import type { KeyValueStore } from './key-value-store'

/*
 * The Finish review settings (formats + folder) in the app's settings store, under their own
 * key. A saved value that no longer reads (a format removed, a hand-edited file) falls back to
 * the defaults for that part only.
 */

const key = 'review.finish'

/** Reads and saves the Finish review settings. */
export interface FinishSetting {
  get(): FinishSettings
  setFormats(formats: FinishSettings['formats']): Promise<FinishSettings>
  setFolder(folder: string): Promise<FinishSettings>
}

/** The setting over `store`. */
export function createFinishSetting(store: KeyValueStore): FinishSetting {
  const get = (): FinishSettings => {
    const saved = store.get(key) as { formats?: unknown; folder?: unknown } | undefined
    const formats = finishFormatsSchema.safeParse(saved?.formats)
    return { formats: formats.success ? formats.data : defaultFinishFormats, folder: typeof saved?.folder === 'string' && saved.folder !== '' ? saved.folder : null }
  }
  const save = async (next: FinishSettings): Promise<FinishSettings> => {
    await store.set(key, { formats: [...next.formats], folder: next.folder })
    return next
  }
  return {
    get,
    setFormats: (formats) => save({ ...get(), formats }),
    setFolder: (folder) => save({ ...get(), folder })
  }
}
