import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import { isPresetName, presetNames, resolvePreset } from '../../../shared/subtitles/index'
import { frameToMs } from '../../../shared/subtitles/presets'
import type { PresetName, QcReport, SubtitlePreset } from '../../../shared/subtitles/index'
import { maxNudgeMs } from '../../../shared/transcript/edits'
import type { CueDecision } from '../../../shared/transcript/edits'
import { rebindCueCut, recut, releaseCueCut, wholeCut } from '../lib/cue-recut'
import type { CueCut } from '../lib/cue-recut'
import { nextBreachCue } from '../lib/cue-rows'
import { changedSegments, updateCueView } from '../lib/cue-rows-update'
import type { CueView } from '../lib/cue-rows-update'
import type { CueRow, CueWord } from '../lib/cue-rows'
import { idleTask } from '../lib/idle-task'
import { planEdge, settleEdge } from '../lib/cue-edge-drag'
import type { EdgePlan } from '../lib/cue-edge-drag'
import { rememberedWriteOptions } from '../lib/remembered-export-options'
import { useEditorStore } from './editor-store'

/*
 * The live cue view: the cues the chosen preset would cut (the export's engine, cue decisions
 * included), their QC, the selected cue and word, and the decisions made from the view. After an
 * edit only the touched passage is cut again (lib/cue-recut.ts): in the edit's own frame when it
 * touched a few segments, else in idle time (the previous cues stay on screen until the new ones
 * arrive, so typing never waits for a big re-cut).
 */

/** An edit that changed at most this many segments re-cuts in its own frame (its passage is small); bigger ones in idle time. */
export const inFrameRecutSegments = 8

const noDecisions: readonly CueDecision[] = []

/** Where the cue view's selection is: a cue and a word in it, and the word a Shift+click extends from. */
export interface CueSelection {
  readonly cue: number
  readonly word: number
  /** The word id the selection started at (for keep-together ranges). */
  readonly anchorId: string | null
}

/** The cue view's state and actions. */
export const useCueViewStore = defineStore('cue-view', () => {
  const editor = useEditorStore()
  const on = ref(false)
  const remembered = rememberedWriteOptions(typeof localStorage === 'undefined' ? { getItem: () => null } : localStorage)
  const presetName = ref<PresetName>(typeof remembered.preset === 'string' && isPresetName(remembered.preset) ? remembered.preset : 'netflix-en')
  /** The preset: the export settings' own (with their overrides) when it is the one chosen there. */
  const preset = computed<SubtitlePreset>(() => {
    try {
      return resolvePreset(presetName.value, presetName.value === remembered.preset ? remembered.overrides : {})
    } catch {
      return resolvePreset(presetName.value)
    }
  })
  const options = { language: remembered.language, annotations: remembered.annotations }
  const cut = shallowRef<CueCut | null>(null)
  /** How long the last re-cut took, in ms, and whether it was one passage. */
  const lastRecut = shallowRef<{ ms: number; passage: boolean } | null>(null)
  const selection = shallowRef<CueSelection>({ cue: 0, word: 0, anchorId: null })
  // Rows and QC follow the cut by splicing only what the re-cut changed (lib/cue-rows-update.ts);
  // held raw and swapped whole, so no deep reactivity walks thousands of rows.
  const view = shallowRef<CueView | null>(null)
  const report = computed<QcReport | null>(() => view.value?.report ?? null)
  const rows = computed<readonly CueRow[]>(() => view.value?.rows ?? [])
  /** How long the last rows + QC update took, in ms, how many rows it rebuilt and how many of them are new objects (render again). */
  const lastRows = shallowRef<{ ms: number; rebuilt: number; renewed: number } | null>(null)
  function setCut(next: CueCut | null): void {
    if (next === cut.value) return
    const replaced = cut.value
    cut.value = next
    // Nothing re-cuts from the replaced cut again: its planner arrays go to the next cut.
    if (replaced) releaseCueCut(replaced)
    if (!next) {
      view.value = null
      return
    }
    const t0 = performance.now()
    const v = updateCueView(view.value, next.model, next.cues, next.preset)
    view.value = markRaw(v)
    lastRows.value = { ms: Math.round((performance.now() - t0) * 100) / 100, rebuilt: v.rebuilt.to - v.rebuilt.from, renewed: v.renewed }
  }
  /** True while an edit waits for its re-cut (the rows shown are the previous ones). */
  const stale = computed(() => on.value && !!editor.model && cut.value?.model !== editor.model)

  function recutNow(): void {
    const model = editor.model
    if (!model) {
      setCut(null)
      return
    }
    const t0 = performance.now()
    // The cut shown is replaced by this one: its state is handed over (spliced, not copied).
    const next = cut.value && cut.value.preset === preset.value ? recut(cut.value, model, preset.value, options, true) : wholeCut(model, preset.value, options)
    lastRecut.value = { ms: Math.round((performance.now() - t0) * 10) / 10, passage: next.passage !== null }
    setCut(next)
  }
  const idle = idleTask(250)
  watch([() => editor.model, preset, on], () => {
    if (!on.value) return
    // The first cut (or another preset) shows at once. An edit of a few segments re-cuts at once
    // too: its passage re-cut is a few ms, and this frame then paints the row (Enter → the new
    // word in its cue). A big edit (replace all, a merge of many segments) re-cuts in idle time,
    // the previous cues shown meanwhile. (By size, not by the last re-cut's time: one GC pause
    // must not send the next Enter to idle time.)
    const model = editor.model
    if (!cut.value || cut.value.preset !== preset.value) recutNow()
    else if (model && changedSegments(cut.value.model.segments, model.segments) <= inFrameRecutSegments) {
      idle.cancel()
      recutNow()
    } else idle.schedule(recutNow)
  })

  /** Turns the view on or off. */
  function toggle(): void {
    on.value = !on.value
  }

  const selectedRow = computed<CueRow | null>(() => rows.value[Math.min(selection.value.cue, rows.value.length - 1)] ?? null)
  const selectedWord = computed<CueWord | null>(() => selectedRow.value?.words[selection.value.word] ?? selectedRow.value?.words[0] ?? null)

  /** Selects word `word` of cue `cue`; `extend` keeps the anchor (a Shift+click). */
  function select(cue: number, word: number, extend = false): void {
    const id = rows.value[cue]?.words[word]?.id ?? null
    selection.value = { cue, word, anchorId: extend ? (selection.value.anchorId ?? id) : id }
    const w = rows.value[cue]?.words[word]
    if (w) editor.goTo(w.segmentId, w.wordIndex, { seek: false })
  }

  /** The words from the selection's anchor to the selected word, in transcript order. */
  function selectedRange(): { from: string; to: string } | null {
    const here = selectedWord.value
    if (!here) return null
    const all = rows.value.flatMap((r) => r.words.map((w) => w.id))
    const a = all.indexOf(selection.value.anchorId ?? here.id)
    const b = all.indexOf(here.id)
    if (a < 0 || b < 0) return { from: here.id, to: here.id }
    return { from: all[Math.min(a, b)], to: all[Math.max(a, b)] }
  }

  // The same empty list every time (not a new one per model): what derives from it (the rows' break
  // marks) then stays the same object across text edits, and the cue rows do not re-render.
  const decisions = computed<readonly CueDecision[]>(() => editor.model?.cueDecisions ?? noDecisions)

  /** Forces a cue break before the selected word, or removes the one already there. */
  function forceBreak(): boolean {
    const w = selectedWord.value
    if (!w) return false
    const old = decisions.value.find((d) => d.kind === 'break-before' && d.wordId === w.id)
    return old ? editor.removeDecision(old.id) : editor.addDecision({ kind: 'break-before', wordId: w.id })
  }

  /** Keeps the selected words (anchor to cursor) in one cue; with one word, the selected cue's words. */
  function keepTogether(): boolean {
    const range = selectedRange()
    const row = selectedRow.value
    if (!range || !row) return false
    const span = range.from === range.to ? { from: row.words[0].id, to: row.words[row.words.length - 1].id } : range
    return editor.addDecision({ kind: 'keep-together', fromWordId: span.from, toWordId: span.to })
  }

  /** Moves the selected cue's in or out time by `frames` frames of the preset (one nudge per edge, added up). */
  function nudge(edge: 'in' | 'out', frames: number): boolean {
    const row = selectedRow.value
    if (!row || row.words.length === 0) return false
    const wordId = edge === 'in' ? row.words[0].id : row.words[row.words.length - 1].id
    const old = decisions.value.find((d): d is Extract<CueDecision, { kind: 'nudge' }> => d.kind === 'nudge' && d.edge === edge && d.wordId === wordId)
    const step = Math.round(frameToMs(1, preset.value.frameRate))
    const deltaMs = Math.max(-maxNudgeMs, Math.min(maxNudgeMs, (old?.deltaMs ?? 0) + frames * step))
    if (deltaMs === 0 && old) return editor.removeDecision(old.id)
    return editor.addDecision({ kind: 'nudge', edge, wordId, deltaMs })
  }

  /**
   * Sets cue `cue`'s in or out edge to `ms` (cue time, programme offset included) as one nudge
   * decision (lib/cue-edge-drag: whole frames, clamped to the room around the cue); the cue is
   * re-cut at once so the view and the waveform show it. Returns the plan, or why it was refused.
   */
  function setEdge(cue: number, edge: 'in' | 'out', ms: number, durationMs: number | null = null): EdgePlan {
    if (stale.value) recutNow()
    const plan = planEdge(rows.value, cue, edge, ms, preset.value, decisions.value, durationMs)
    if (!plan.ok || !cut.value) return plan
    const settled = settleEdge(cut.value, plan)
    if (settled.deltaMs === plan.old?.deltaMs) return plan
    if (!editor.addDecision({ kind: 'nudge', edge, wordId: plan.wordId, deltaMs: settled.deltaMs })) return { ok: false, reason: 'no-room' }
    // The cue re-cut at once (the view and the waveform show it): the trial cut is that cut when
    // it was made with the nudge recorded (the same segments, the same decisions), else one more.
    const model = editor.model
    const trial = settled.trial
    if (model && trial && trial.deltaMs === settled.deltaMs && JSON.stringify(trial.cut.model.cueDecisions) === JSON.stringify(model.cueDecisions) && trial.cut.model.segments === model.segments) setCut(rebindCueCut(trial.cut, model))
    else recutNow()
    return plan
  }

  /** The lock on the selected cue's words, if any. */
  const selectedLock = computed(() => {
    const row = selectedRow.value
    if (!row || row.words.length === 0) return null
    const ids = new Set(row.words.map((w) => w.id))
    return decisions.value.find((d) => d.kind === 'lock' && ids.has(d.fromWordId)) ?? null
  })

  /** Locks the selected cue at its current times, or unlocks it. */
  function toggleLock(): boolean {
    const row = selectedRow.value
    if (!row || row.words.length === 0) return false
    if (selectedLock.value) return editor.removeDecision(selectedLock.value.id)
    const offset = preset.value.startOffsetMs
    return editor.addDecision({ kind: 'lock', fromWordId: row.words[0].id, toWordId: row.words[row.words.length - 1].id, startMs: row.cue.startMs - offset, endMs: row.cue.endMs - offset })
  }

  /** Selects the next (1) or previous (-1) cue with a QC breach; false when none. */
  function nextBreach(dir: 1 | -1): boolean {
    const i = nextBreachCue(rows.value, selection.value.cue, dir)
    if (i < 0) return false
    select(i, 0)
    return true
  }

  return {
    on,
    presetName,
    presetNames,
    preset,
    cut,
    report,
    rows,
    stale,
    lastRecut,
    lastRows,
    view,
    selection,
    selectedRow,
    selectedWord,
    selectedLock,
    decisions,
    toggle,
    recutNow,
    select,
    forceBreak,
    keepTogether,
    nudge,
    setEdge,
    toggleLock,
    nextBreach
  }
})
