import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { Segment } from '../../../shared/transcript'
import { reviewStatusOf } from '../../../shared/transcript'
import { useEditorStore } from './editor-store'
import { t } from '../i18n'

/*
 * Which segments the transcript shows: all, or only those still to review, marked for a second
 * pass, carrying a note, or (once the review queue provides its predicate) with queue items.
 * The list gets its rows from here (`rows`), so the virtual list itself knows nothing of filters.
 *
 * When the segment being played is filtered out: nothing in the list is marked playing, the
 * list follows to the nearest shown row before it (`rowOf`), and the cursor stays on the row it
 * is on rather than jumping to a hidden segment (editor-store's `rowVisible`), so keys never act
 * on a segment the reviewer cannot see. Next / previous segment step through shown rows only.
 */

/** The filters the transcript offers. */
export type TranscriptFilter = 'all' | 'unreviewed' | 'second-pass' | 'notes' | 'queue'

/** The filters' catalogue keys, in the order the picker shows them. */
const filterKeys: ReadonlyArray<readonly [TranscriptFilter, string]> = [
  ['all', 'all'],
  ['unreviewed', 'unreviewed'],
  ['second-pass', 'secondPass'],
  ['notes', 'notes'],
  ['queue', 'queue']
]

/** The filters and their labels in the reviewer's language, in the order the picker shows them (read when shown). */
export function filterLabels(): ReadonlyArray<{ readonly value: TranscriptFilter; readonly label: string }> {
  return filterKeys.map(([value, key]) => ({ value, label: t(`editorPanels.filter.${key}`) }))
}

/** Whether a segment passes a filter (`hasQueueItems` only for 'queue'). */
export function segmentMatches(seg: Segment, filter: TranscriptFilter, hasQueueItems: ((segmentId: string) => boolean) | null): boolean {
  switch (filter) {
    case 'unreviewed':
      return reviewStatusOf(seg) === 'unreviewed'
    case 'second-pass':
      return reviewStatusOf(seg) === 'second-pass'
    case 'notes':
      return !!seg.note
    case 'queue':
      return hasQueueItems ? hasQueueItems(seg.id) : true
    default:
      return true
  }
}

/** The transcript's filter and the rows it leaves. */
export const useTranscriptFilterStore = defineStore('transcript-filter', () => {
  const editor = useEditorStore()
  const filter = ref<TranscriptFilter>('all')
  /**
   * The review queue's predicate (wd's queue store provides `hasQueueItems(segmentId)`); the
   * "With queue items" filter is offered only once one is set. Wired at merge: `setQueuePredicate`.
   */
  const queuePredicate = shallowRef<((segmentId: string) => boolean) | null>(null)

  const segments = computed<readonly Segment[]>(() => editor.model?.segments ?? [])
  /** The filters offered now ("With queue items" only with a queue). */
  const options = computed(() => filterLabels().filter((f) => f.value !== 'queue' || queuePredicate.value !== null))
  const active = computed(() => filter.value !== 'all' && (filter.value !== 'queue' || queuePredicate.value !== null))
  /** Model index of each shown row (null: every segment is shown). */
  const indices = computed<readonly number[] | null>(() => {
    if (!active.value) return null
    const out: number[] = []
    segments.value.forEach((s, i) => {
      if (segmentMatches(s, filter.value, queuePredicate.value)) out.push(i)
    })
    return out
  })
  /** The segments the list shows, in order. */
  const rows = computed<readonly Segment[]>(() => (indices.value ? indices.value.map((i) => segments.value[i]) : segments.value))

  /** The row showing model segment `index`, else the nearest shown row before it (else the first), -1 when none. */
  function rowOf(index: number): number {
    const list = indices.value
    if (!list) return index
    if (index < 0 || list.length === 0) return -1
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (list[mid] <= index) lo = mid + 1
      else hi = mid
    }
    return Math.max(0, lo - 1)
  }

  /** True when segment `id` is shown. */
  function isShown(id: string): boolean {
    if (!active.value) return true
    const seg = segments.value.find((s) => s.id === id)
    return !!seg && segmentMatches(seg, filter.value, queuePredicate.value)
  }

  /** The shown segment after (1) or before (-1) the cursor's; null at either end or with no rows. */
  function neighbour(direction: 1 | -1): Segment | null {
    const list = indices.value ?? segments.value.map((_, i) => i)
    const at = editor.cursorIndex
    if (direction === 1) {
      const i = list.find((k) => k > at)
      return i === undefined ? null : segments.value[i]
    }
    for (let k = list.length - 1; k >= 0; k--) if (list[k] < at) return segments.value[list[k]]
    return null
  }

  /** Moves the cursor to the next / previous shown segment (and seeks there); false when there is none. */
  function moveSegment(direction: 1 | -1): boolean {
    const seg = neighbour(direction)
    if (!seg) return false
    editor.goTo(seg.id)
    return true
  }

  /** Sets the filter; with no queue predicate "queue" shows everything. */
  function setFilter(next: TranscriptFilter): void {
    filter.value = next
  }

  /** The next filter offered, round to "all" (the filter key). */
  function cycleFilter(): void {
    const list = options.value
    const at = list.findIndex((o) => o.value === filter.value)
    filter.value = list[(at + 1) % list.length].value
  }

  /** Provides (or removes) the review queue's "has queue items" predicate. */
  function setQueuePredicate(predicate: ((segmentId: string) => boolean) | null): void {
    queuePredicate.value = predicate
  }

  // The editor keeps its cursor off hidden rows while following playback.
  editor.rowVisible = (id: string) => isShown(id)
  // A new task starts unfiltered.
  watch(
    () => editor.model?.taskId,
    () => {
      filter.value = 'all'
    }
  )

  return { filter, queuePredicate, options, active, indices, rows, rowOf, isShown, neighbour, moveSegment, setFilter, cycleFilter, setQueuePredicate }
})
