import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { buildQueue, buildQueueSteps, loadLexicon, onlyCueBreachesDiffer, queuedSegments, taskLanguage, updateQueue, withCueBreaches } from '../../../shared/review/queue'
import type { CueBreachSpan, Lexicon, QueueInputs, QueueItem, QueueState } from '../../../shared/review/queue'
import type { TranscriptModel } from '../../../shared/transcript'
import { cueBreachCutter } from '../lib/cue-breach-client'
import { cueBreachesOf } from '../lib/cue-breach-protocol'
import { idleTask } from '../lib/idle-task'
import { runInSlices, sliceFromSegments } from '../lib/run-in-slices'
import { useEditorStore } from './editor-store'
import { useReviewPrefsStore } from './review-prefs-store'
import { useReviewQueuePrefsStore } from './review-queue-prefs-store'

/*
 * The ranked review queue of the open task (shared/review/queue does the work). Every model
 * change updates it incrementally (only touched segments are re-scored); the subtitle cues are
 * cut again only when the browser is idle, in a worker, since cutting is a whole-task job. The reviewer walks
 * it with next/previous and accepts words (an undoable edit: the accepted ids live in the model
 * and so in the draft).
 *
 * For other parts of the app: `items`, `openCount`, `next()`, `previous()`, `accept()` and the
 * pure `hasQueueItems(segmentId)` predicate (for a "with queue items" transcript filter).
 */

/** The review queue: items, the current one, and the walk/accept actions. */
export const useReviewQueueStore = defineStore('review-queue', () => {
  const editor = useEditorStore()
  const prefs = useReviewPrefsStore()
  const queuePrefs = useReviewQueuePrefsStore()

  const state = shallowRef<QueueState | null>(null)
  const lexicon = shallowRef<Lexicon | null>(null)
  const cueBreaches = shallowRef<readonly CueBreachSpan[]>([])
  /** The panel is shown. */
  const open = ref(false)
  /** The word id of the current item (kept when it leaves the queue, so "next" goes on from there). */
  const currentWordId = ref<string | null>(null)
  /** Where the current item stood in the list, for when it has just left it. */
  let currentIndexHint = 0
  /** The store was disposed: late answers (the word list) are dropped. */
  let disposed = false

  // The export as loaded is the same object across edits, so the language is not re-read per keystroke.
  const source = computed(() => editor.model?.source ?? null)
  const language = computed<'en' | 'pt'>(() => (source.value ? taskLanguage({ source: source.value }, queuePrefs.language || queuePrefs.exportSettings().language) : 'en'))
  const inputs = computed<QueueInputs>(() => ({
    threshold: prefs.threshold,
    language: language.value,
    lexicon: lexicon.value?.language === language.value ? lexicon.value : null,
    cueBreaches: cueBreaches.value,
    weights: queuePrefs.weights
  }))

  // The word list of the task's language, loaded on first need (the rare-word signal waits for it).
  watch(
    language,
    (lang) => {
      void loadLexicon(lang).then((l) => {
        if (!disposed && language.value === l.language) lexicon.value = l
      })
    },
    { immediate: true }
  )

  // Cues are cut for the whole task: in a worker (issue 21: at 2 hours the cut was a 150–500 ms task on
  // the page), posted when the browser is idle, not on every keystroke. Without Worker (test DOMs, or
  // a worker that failed) the cut runs here in that idle time, as before.
  const cueJob = idleTask(2000)
  const cutter = cueBreachCutter()
  onScopeDispose(() => {
    disposed = true
    cueJob.cancel()
    cutter?.dispose()
  })
  const cuesPending = ref(false)
  function scheduleCues(model: TranscriptModel | null): void {
    if (!model) {
      cueJob.cancel()
      cutter?.cancel()
      cuesPending.value = false
      // Only when there were some: a fresh [] would change `inputs`, whose watcher calls this again, for ever.
      if (cueBreaches.value.length) cueBreaches.value = []
      return
    }
    cuesPending.value = true
    cueJob.schedule(() => {
      const m = editor.model
      if (!m) {
        cuesPending.value = false
        return
      }
      const settings = queuePrefs.exportSettings()
      const options = { preset: settings.preset, language: language.value }
      if (!cutter) {
        cuesPending.value = false
        cueBreaches.value = cueBreachesOf(m, options)
        return
      }
      void cutter.cut(m, options).then((spans) => {
        // Null: a newer cut (or the task closing) superseded this one; its own answer settles the queue.
        if (spans === null || disposed) return
        cueBreaches.value = spans
        // An edit since this cut was posted has its own cut waiting: not settled until that one lands.
        cuesPending.value = cueJob.pending
      })
    })
  }

  // A full build (a task opened, new settings or word list) is a whole-task job: on a long task it runs in
  // slices once the browser is idle (the open is not one long task, issue 21), the old queue
  // shown meanwhile. Whatever walks the queue before it lands (next, previous, accept) builds it at once.
  const fullBuild = idleTask(300)
  const building = ref(false)
  let buildRun = 0
  /** How many whole builds the queue has made (a task opened, new settings or word list; never an edit). */
  const fullBuilds = ref(0)
  function startBuild(): void {
    fullBuilds.value++
    const run = ++buildRun
    building.value = true
    fullBuild.cancel()
    fullBuild.schedule(() => {
      const m = editor.model
      if (!m) return
      runInSlices(buildQueueSteps(m, inputs.value), () => run !== buildRun).then((built) => {
        if (!built || run !== buildRun) return
        state.value = built
        building.value = false
      }, () => buildNow())
    })
  }
  function buildNow(): void {
    if (!building.value) return
    buildRun++
    fullBuild.cancel()
    building.value = false
    const m = editor.model
    if (m) fullBuilds.value++
    state.value = m ? buildQueue(m, inputs.value) : null
  }
  onScopeDispose(() => {
    buildRun++
    fullBuild.cancel()
  })

  watch(
    () => [editor.model, inputs.value] as const,
    ([model, ins], before) => {
      if (!model) {
        buildRun++
        fullBuild.cancel()
        building.value = false
        state.value = null
        currentWordId.value = null
        scheduleCues(null)
        return
      }
      const previousModel = before?.[0]
      const s = state.value
      const sameTask = !!previousModel && previousModel.taskId === model.taskId
      if (!sameTask) state.value = null
      // The same task and settings: only what changed (a keystroke re-scores one segment). Else a full build, soon.
      if (s && sameTask && !building.value && ins === s.inputs) state.value = updateQueue(s, model, ins)
      // New cue breach spans (the worker's answer after an edit): only the segments whose
      // cue-breach hits changed are scored again, not a whole build whose slices would sit
      // between the reviewer's keys and their frames.
      else if (s && sameTask && !building.value && onlyCueBreachesDiffer(s.inputs, ins)) state.value = withCueBreaches(updateQueue(s, model, s.inputs), ins)
      else if (model.segments.length > sliceFromSegments) startBuild()
      else {
        building.value = true
        buildNow()
      }
      if (model !== previousModel && (!previousModel || previousModel.segments !== model.segments)) scheduleCues(model)
    },
    // Sync: a command that puts a long task's whole model in place (editor-store's settle) and then
    // walks the queue in the same breath finds the queue already on that model.
    { immediate: true, flush: 'sync' }
  )

  const items = computed<readonly QueueItem[]>(() => state.value?.items ?? [])
  /** True once the word list is in and the cues are cut for the latest edit (the queue will not change by itself). */
  const settled = computed(() => inputs.value.lexicon !== null && !cuesPending.value && !building.value)
  const openCount = computed(() => items.value.length)
  const queuedWordIds = computed(() => new Set(items.value.map((i) => i.wordId)))
  const currentIndex = computed(() => (currentWordId.value === null ? -1 : items.value.findIndex((i) => i.wordId === currentWordId.value)))
  const current = computed(() => (currentIndex.value >= 0 ? items.value[currentIndex.value] : null))
  /** True when segment `segmentId` has open queue items (a predicate for transcript filters). */
  const hasQueueItems = computed(() => queuedSegments(items.value))

  /** Makes item `index` current and puts the editor's cursor on its word. */
  function select(index: number): void {
    buildNow()
    const item = items.value[index]
    if (!item) return
    currentWordId.value = item.wordId
    currentIndexHint = index
    const seg = editor.model?.segments.find((s) => s.id === item.segmentId)
    const wordIndex = seg ? seg.words.findIndex((w) => w.id === item.wordId) : -1
    editor.goTo(item.segmentId, wordIndex)
  }

  /** Goes to the next item in queue order (the first when none is current); false when the queue is empty. */
  function next(): boolean {
    buildNow()
    const n = items.value.length
    if (n === 0) return false
    open.value = true
    const i = currentIndex.value
    // The current item just left (accepted or corrected): the one now in its place is next.
    const to = i >= 0 ? (i + 1) % n : currentWordId.value === null ? 0 : Math.min(currentIndexHint, n - 1)
    select(to)
    return true
  }

  /** Goes to the previous item in queue order (the last when none is current). */
  function previous(): boolean {
    buildNow()
    const n = items.value.length
    if (n === 0) return false
    open.value = true
    const i = currentIndex.value
    const to = i >= 0 ? (i - 1 + n) % n : currentWordId.value === null ? n - 1 : Math.max(0, Math.min(currentIndexHint, n) - 1)
    select(to)
    return true
  }

  /** Accepts the current item's word (else the word at the editor's cursor, if queued) and goes to the next item. */
  function accept(): boolean {
    buildNow()
    let item = current.value
    if (!item) {
      const p = editor.position()
      const seg = p ? editor.model?.segments.find((s) => s.id === p.segmentId) : undefined
      const word = seg && p && p.wordIndex >= 0 ? seg.words[p.wordIndex] : undefined
      item = word ? (items.value.find((i) => i.wordId === word.id) ?? null) : null
    }
    if (!item) return false
    currentIndexHint = items.value.indexOf(item)
    currentWordId.value = item.wordId
    if (!editor.acceptWord(item.wordId)) return false
    if (items.value.length > 0) next()
    return true
  }

  /** Shows or hides the panel. */
  function toggle(): void {
    open.value = !open.value
  }

  return { items, openCount, settled, fullBuilds, current, currentIndex, currentWordId, queuedWordIds, hasQueueItems, open, language, next, previous, accept, select, toggle }
})
