import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { comboTable, effectiveBindings, loadOverrides, saveOverrides } from '../lib/shortcuts'
import type { ShortcutAction, ShortcutOverrides } from '../lib/shortcuts'

/*
 * Which editor panels are open, whether the transcript follows the playhead, and the reviewer's
 * shortcut remapping (persisted in localStorage). Kept apart from the editor store because none
 * of it belongs in a draft.
 */

/** Open panels, follow mode and shortcut bindings. */
export const useEditorUiStore = defineStore('editor-ui', () => {
  const helpOpen = ref(false)
  const settingsOpen = ref(false)
  const findOpen = ref(false)
  const annotationsOpen = ref(false)
  /** The transcript scrolls with playback until the reviewer scrolls away. */
  const following = ref(true)
  /** Bumped to ask the waveform to zoom: the sign is the direction. */
  const zoomRequest = ref<{ step: 1 | -1; n: number }>({ step: 1, n: 0 })
  /** Bumped to ask the transcript to jump back to the playhead. */
  const backToPlayheadRequest = ref(0)
  /** Bumped to ask the find panel to focus its input. */
  const findFocusRequest = ref(0)
  /** The words find & replace matches, by segment id, for highlighting them in the transcript. */
  const findHighlights = shallowRef<ReadonlyMap<string, ReadonlySet<number>>>(new Map())
  /** The words of find's current match ("2 of 5"), marked more strongly than the others; null when none. */
  const findCurrent = shallowRef<{ readonly segmentId: string; readonly words: ReadonlySet<number> } | null>(null)

  const storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage
  const overrides = ref<ShortcutOverrides>(storage ? loadOverrides(storage) : {})
  const bindings = computed(() => effectiveBindings(overrides.value))
  const table = computed(() => comboTable(bindings.value))

  /** Replaces an action's keys (persisted). */
  function remap(action: ShortcutAction, keys: readonly string[]): void {
    overrides.value = { ...overrides.value, [action]: keys }
    if (storage) saveOverrides(storage, overrides.value)
  }

  /** Back to the default keys (one action, or all). */
  function resetShortcuts(action?: ShortcutAction): void {
    if (action) {
      const next = { ...overrides.value }
      delete next[action]
      overrides.value = next
    } else overrides.value = {}
    if (storage) saveOverrides(storage, overrides.value)
  }

  /** Asks the waveform to zoom in (1) or out (-1). */
  function zoom(step: 1 | -1): void {
    zoomRequest.value = { step, n: zoomRequest.value.n + 1 }
  }

  /** Opens find & replace and focuses it. */
  function openFind(): void {
    findOpen.value = true
    findFocusRequest.value++
  }

  /** Resumes following playback and scrolls back to it. */
  function backToPlayhead(): void {
    following.value = true
    backToPlayheadRequest.value++
  }

  return {
    helpOpen,
    settingsOpen,
    findOpen,
    annotationsOpen,
    following,
    zoomRequest,
    backToPlayheadRequest,
    findFocusRequest,
    findHighlights,
    findCurrent,
    overrides,
    bindings,
    table,
    remap,
    resetShortcuts,
    zoom,
    openFind,
    backToPlayhead
  }
})
