import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { addHeard, emptyCoverage, heardMs, heardPercent, nextUnheardGap, normaliseCoverage } from '../../../shared/review/coverage'
import type { Coverage } from '../../../shared/review/coverage'
import { activeSpanMs } from '../../../shared/review/active-time'
import { maxHeardIntervals } from '../../../shared/review/review-state'
import { toErrorData } from '../../../shared/errors'
import { sdte } from '../lib/bridge'
import { usePlaybackStore } from './playback-store'
import { useTaskStore } from './task-store'
import { useDraftStore } from './draft-store'
import { t } from '../i18n'
import { errorLine } from '../lib/error-messages'

/*
 * What the reviewer has heard of the open task, and the time spent reviewing it (session facts,
 * not edits: they live in the review-state sidecar, not in the draft, and undo never touches
 * them). Heard stretches are recorded from the player's own media time (playback-store's
 * `timeMs`), one step per reported frame, only while playing at up to `maxRate`: a seek, a skip
 * or a loop jump never counts the span it jumps over. The effects (window events, the ticker)
 * live in composables/use-review-session.ts.
 */

/** The localStorage key of the coverage settings (the highest rate that counts as hearing). */
export const coveragePrefsKey = 'sdte.coverage.v1'
/** Played faster than this, audio does not count as heard (issue 16's default). */
export const defaultMaxRate = 1.5
/** "Next unheard stretch" skips unheard stretches shorter than this. */
export const unheardJumpMinMs = 3000
/** While things change, the sidecar is written at most this often. */
export const reviewStateSaveEveryMs = 5000
/**
 * A step between two reported frames longer than this (media ms) is a jump, not playback (the
 * frame loop reports ~60 times a second; a hidden window's is slower but not seconds apart).
 */
export const maxPlayedStepMs = 1500

function loadMaxRate(): number {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(coveragePrefsKey)
    const rate = raw ? (JSON.parse(raw) as { maxRate?: unknown }).maxRate : undefined
    return typeof rate === 'number' && rate >= 0.5 && rate <= 2 ? rate : defaultMaxRate
  } catch {
    return defaultMaxRate
  }
}

/** The open task's coverage and active time, loaded from and saved to its sidecar. */
export const useCoverageStore = defineStore('coverage', () => {
  const playback = usePlaybackStore()
  const task = useTaskStore()
  const drafts = useDraftStore()

  const heard = shallowRef<Coverage>(emptyCoverage)
  const activeMs = ref(0)
  const maxRate = ref(loadMaxRate())
  /** The task the state belongs to (null: none open, or its sidecar is still loading). */
  const taskId = ref<number | null>(null)
  /** Why the sidecar could not be read or written, for the reviewer. */
  const problem = ref<string | null>(null)
  /** The save failure last said (a later successful save clears it, and only it). */
  let saveProblem: string | null = null
  /** Changed since the last save. */
  const dirty = ref(false)

  const durationMs = computed(() => playback.durationMs)
  const heardTotalMs = computed(() => heardMs(heard.value, durationMs.value))
  /** Whole percent of the recording heard ("Heard 73%"). */
  const percent = computed(() => heardPercent(heard.value, durationMs.value))

  watch(maxRate, (rate) => {
    try {
      localStorage.setItem(coveragePrefsKey, JSON.stringify({ maxRate: rate }))
    } catch {
      // Storage full or unavailable: the setting lasts for this session.
    }
  })

  // ---- recording what is played -----------------------------------------------------------
  /** The last reported frame while playing (null after a seek or a pause: the next frame is a new start). */
  let last: { ms: number; rate: number } | null = null
  let seekSeen = playback.seekCount
  watch([() => playback.timeMs, () => playback.playing, () => playback.seekCount], ([ms, playing, seeks]) => {
    if (seeks !== seekSeen) {
      // A user seek: what it jumped over is not heard; listening starts again at its target
      // (the element reads the new time as soon as it is set).
      seekSeen = seeks
      last = playing && taskId.value !== null ? { ms, rate: playback.rate } : null
      return
    }
    if (!playing || taskId.value === null) {
      last = null
      return
    }
    const rate = playback.rate
    if (last) {
      const step = ms - last.ms
      const slowEnough = rate <= maxRate.value + 1e-9 && last.rate <= maxRate.value + 1e-9
      // Backwards (a loop going round) or a leap (a jump the player made itself) is not listening.
      if (step > 0 && step <= maxPlayedStepMs && slowEnough) record(last.ms, ms)
    }
    last = { ms, rate }
  })

  /** Adds a heard stretch (also the way tests and a restored state feed it). */
  function record(startMs: number, endMs: number): void {
    const next = addHeard(heard.value, startMs, endMs)
    if (next === heard.value) return
    // Bounded like the sidecar: past the limit the newest scraps are not kept (the file stays valid).
    if (next.length > maxHeardIntervals) return
    heard.value = next
    dirty.value = true
  }

  // ---- active time ------------------------------------------------------------------------------
  let lastActivity = Number.NEGATIVE_INFINITY
  let lastTick: number | null = null
  /** A key, a click or a frame of playback at `nowMs`. */
  function noteActivity(nowMs: number): void {
    lastActivity = nowMs
  }
  /** The ticker: counts the time since the previous tick when it was active (shared/review/active-time.ts). */
  function tick(nowMs: number, focused: boolean): void {
    if (lastTick !== null && taskId.value !== null) {
      const add = activeSpanMs(lastTick, nowMs, lastActivity, focused)
      if (add > 0) {
        activeMs.value += Math.round(add)
        dirty.value = true
      }
    }
    // Playing now is activity from now on (not for the span before: it may have just started).
    if (playback.playing) lastActivity = nowMs
    lastTick = nowMs
  }

  // ---- the sidecar ------------------------------------------------------------------------------
  let loadToken = 0
  async function load(id: number | null): Promise<void> {
    const token = ++loadToken
    heard.value = emptyCoverage
    activeMs.value = 0
    dirty.value = false
    problem.value = null
    taskId.value = null
    last = null
    if (id === null) return
    const result = await sdte().invoke['reviewState:load']({ taskId: id })
    if (token !== loadToken) return
    if (!result.ok) problem.value = t('editorPanels.coverage.readFailed', { message: errorLine(result.error) })
    else if (result.value.problem) problem.value = result.value.problem.message
    else if (result.value.state) {
      // What was heard while the sidecar loaded counts too.
      heard.value = normaliseCoverage([...result.value.state.heard, ...heard.value])
      activeMs.value += result.value.state.activeMs
    }
    taskId.value = id
  }

  /** Writes the sidecar now when something changed; a failure is said and retried at the next save. */
  async function save(): Promise<void> {
    const id = taskId.value
    if (id === null || !dirty.value) return
    dirty.value = false
    const state = { heard: heard.value.map(([s, e]) => [s, e] as [number, number]), maxRate: maxRate.value, activeMs: activeMs.value, durationMs: Math.max(0, Math.round(durationMs.value)) }
    try {
      const result = await sdte().invoke['reviewState:save']({ taskId: id, state })
      if (!result.ok) throw new Error(errorLine(result.error))
      if (problem.value !== null && problem.value === saveProblem) problem.value = null
    } catch (error) {
      dirty.value = true
      saveProblem = t('editorPanels.coverage.notSaved', { message: toErrorData(error).message })
      problem.value = saveProblem
    }
  }

  watch(
    () => task.opened,
    async (opened) => {
      await save()
      await load(opened ? opened.data.taskId : null)
    },
    { immediate: true }
  )

  // Discarding the draft deletes the sidecar in main: the session's coverage starts again.
  drafts.$onAction(({ name, after }) => {
    if (name !== 'discard') return
    after((error) => {
      if (error) return
      heard.value = emptyCoverage
      activeMs.value = 0
      dirty.value = false
    })
  })

  /** The next unheard stretch (≥ `unheardJumpMinMs`) after the playhead, or null when everything long enough was heard. */
  function nextUnheard(): { startMs: number; endMs: number } | null {
    return nextUnheardGap(heard.value, playback.timeMs, durationMs.value, unheardJumpMinMs)
  }

  /** Seeks to the next unheard stretch; false when there is none. */
  function jumpToNextUnheard(): boolean {
    const gap = nextUnheard()
    if (!gap) return false
    playback.seek(gap.startMs)
    return true
  }

  /** Sets the highest rate that counts as hearing (0.5×–2×). */
  function setMaxRate(rate: number): void {
    if (Number.isFinite(rate)) maxRate.value = Math.min(2, Math.max(0.5, rate))
  }

  return { heard, activeMs, maxRate, taskId, problem, dirty, durationMs, heardTotalMs, percent, record, noteActivity, tick, save, nextUnheard, jumpToNextUnheard, setMaxRate }
})
