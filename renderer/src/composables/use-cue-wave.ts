import { computed } from 'vue'
import type { ComputedRef } from 'vue'
import { breachNotice } from '../../../shared/subtitles'
import type { QcBreach } from '../../../shared/subtitles'
import { formatSrtTime } from '../../../shared/time'
import { maxNudgeMs } from '../../../shared/transcript/edits'
import { t } from '../i18n'
import { noticeMessage } from '../lib/notice-message'
import { formatNumber } from '../i18n/format'
import { useCueViewStore } from '../stores/cue-view-store'
import { useEditorStore } from '../stores/editor-store'
import { usePlaybackStore } from '../stores/playback-store'
import type { CueRegionCallbacks } from '../lib/waveform-cue-regions'
import type { CueRegionSpec } from '../lib/waveform-cues'
import type { CueWaveState } from './use-waveform'

/*
 * The cue view as the waveform sees it (WaveformStrip): the state its regions follow (the rows,
 * the programme offset, the current cue; null while the view is off), what a dragged edge does
 * (a nudge decision through the cue-view store, a short message when it is refused or held
 * short), and what a breach mark says and does (selects its cue and seeks there).
 */

/** The text of one cue's QC breaches (the tooltip and accessible name of its marks). */
export function breachText(breaches: readonly QcBreach[]): string {
  // The QC panel's own wording (a breach notice in the reviewer's language), so both say the same.
  return breaches.map((b) => noticeMessage(breachNotice(b))).join('; ')
}

/** The cue view's side of the waveform. */
export function useCueWave(): { state: ComputedRef<CueWaveState | null>; callbacks: CueRegionCallbacks; selectCue(index: number): void } {
  const cues = useCueViewStore()
  const editor = useEditorStore()
  const playback = usePlaybackStore()
  const state = computed<CueWaveState | null>(() => (cues.on ? { rows: cues.rows, offsetMs: cues.preset.startOffsetMs, selected: cues.selection.cue } : null))
  const breachesOf = (index: number): QcBreach[] => cues.report?.breaches.filter((b) => b.cueIndex === index) ?? []

  /** Selects cue `index` in the cue view and brings the player to its start. */
  function selectCue(index: number): void {
    const row = cues.rows[index]
    if (!row) return
    cues.select(index, 0)
    playback.seek(Math.max(0, row.cue.startMs - cues.preset.startOffsetMs))
  }

  const callbacks: CueRegionCallbacks = {
    onCueEdge(spec: CueRegionSpec, edge, mediaMs) {
      const row = cues.rows[spec.index]
      if (!row || (row.words[0]?.id ?? null) !== spec.firstWordId) {
        editor.message = { text: t('cueWave.refusedChanged') }
        return null
      }
      const offset = cues.preset.startOffsetMs
      const plan = cues.setEdge(spec.index, edge, mediaMs + offset, playback.durationMs || null)
      if (!plan.ok) {
        editor.message = { text: t(plan.reason === 'locked' ? 'cueWave.refusedLocked' : plan.reason === 'no-room' ? 'cueWave.refusedNoRoom' : 'cueWave.refusedNoCue') }
        return null
      }
      if (cues.selection.cue !== spec.index) cues.select(spec.index, 0)
      if (plan.clamped === 'neighbour') editor.message = { text: t('cueWave.clampedNeighbour', { time: formatSrtTime(plan.ms) }) }
      else if (plan.clamped === 'self') editor.message = { text: t('cueWave.clampedSelf', { time: formatSrtTime(plan.ms) }) }
      else if (plan.clamped === 'nudge') editor.message = { text: t('cueWave.clampedNudge', { time: formatSrtTime(plan.ms), limit: formatNumber(maxNudgeMs / 1000, 1) }) }
      return plan.ms - offset
    },
    onCueMark: selectCue,
    markLabel: (spec) => t('cueWave.mark', { n: spec.index + 1, what: breachText(breachesOf(spec.index)) })
  }
  return { state, callbacks, selectCue }
}
