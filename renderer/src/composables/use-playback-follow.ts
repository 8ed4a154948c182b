import { computed, watch } from 'vue'
import type { ComputedRef, Ref } from 'vue'
import { segmentStartedAt } from '../../../shared/transcript'
import type { Segment, TranscriptModel } from '../../../shared/transcript'
import { buildWordIndex, playingWordAt, updateWordIndex } from '../lib/word-index'
import type { WordIndex } from '../lib/word-index'
import { usePlaybackStore } from '../stores/playback-store'
import { useEditorUiStore } from '../stores/editor-ui-store'

/*
 * How the transcript follows playback, in one place (docs/architecture.md, "Change how the
 * transcript follows playback"):
 *  - which segment and word are playing: binary searches (shared/transcript/binary-search.ts)
 *    over an index rebuilt once per model change, so a frame costs O(log n) (usePlaybackLookup);
 *  - the cursor — the highlighted row, the one keys act on — moves with playback while the
 *    transcript follows, so a shortcut never acts on a row other than the one that looks current
 *    (followCursor);
 *  - when the list scrolls to the playing row, when following stops (the reviewer scrolls away)
 *    and resumes ("Back to playhead"), and what a seek does (usePlaybackFollow, for the pane).
 * The waveform pages on its own rule (lib/playhead-follow.ts, used by use-waveform.ts).
 */

/** Which segment and word are under the playhead, recomputed only when the model or the time changes. */
export interface PlaybackLookup {
  readonly wordIndex: ComputedRef<WordIndex | null>
  /** Flat index of the word under the playhead (a number, so watchers fire only on change); -1 when none. */
  readonly playingWord: ComputedRef<number>
  readonly activeWordId: ComputedRef<string | null>
  /** Index of the segment under the playhead: the last one started, held through the gap after it. */
  readonly activeSegmentIndex: ComputedRef<number>
}

/** The playback lookups of `model` at the playback store's time. */
export function usePlaybackLookup(model: Readonly<Ref<TranscriptModel | null>>): PlaybackLookup {
  const playback = usePlaybackStore()
  // After an edit the index is updated for the changed segments only (lib/word-index.ts).
  let last: { segments: readonly Segment[]; index: WordIndex } | null = null
  const wordIndex = computed(() => {
    const m = model.value
    if (!m) {
      last = null
      return null
    }
    const index = last ? updateWordIndex(last.index, last.segments, m) : buildWordIndex(m)
    last = { segments: m.segments, index }
    return index
  })
  const playingWord = computed(() => (wordIndex.value ? playingWordAt(wordIndex.value, playback.timeMs) : -1))
  const activeWordId = computed(() => (playingWord.value >= 0 && wordIndex.value ? wordIndex.value.ids[playingWord.value] : null))
  const activeSegmentIndex = computed(() => (model.value ? segmentStartedAt(model.value, playback.timeMs) : -1))
  return { wordIndex, playingWord, activeWordId, activeSegmentIndex }
}

/** What the cursor-follows-playback rule reads and moves. */
export interface CursorFollowPorts {
  readonly model: Readonly<Ref<TranscriptModel | null>>
  readonly lookup: PlaybackLookup
  /** True while a segment is open for typing: the cursor stays on it. */
  isEditing(): boolean
  /** The cursor's segment id now (null when none). */
  cursorSegment(): string | null
  /** Puts the cursor on a segment, without seeking or scrolling (the pane's follow does that). */
  moveCursor(segmentId: string): void
  /** Puts the cursor on the playing word (where playback stopped). */
  cursorToPlayhead(): void
}

/**
 * While playing and following, the cursor moves to each segment as it starts playing (once per
 * segment, never per word, so the list is not re-rendered per frame); when playback stops, it
 * lands on the word just heard, so the next key acts on what the reviewer heard and sees.
 */
export function followCursor(ports: CursorFollowPorts): void {
  const playback = usePlaybackStore()
  const ui = useEditorUiStore()
  const { lookup } = ports
  watch(
    () => (playback.playing && ui.following && !ports.isEditing() ? lookup.activeSegmentIndex.value : -1),
    (i) => {
      const seg = i >= 0 ? ports.model.value?.segments[i] : undefined
      if (seg && ports.cursorSegment() !== seg.id) ports.moveCursor(seg.id)
    }
  )
  watch(
    () => playback.playing,
    (isPlaying) => {
      if (!isPlaying && lookup.playingWord.value >= 0 && !ports.isEditing()) ports.cursorToPlayhead()
    }
  )
}

/** The state a scroll decision reads. */
export interface FollowState {
  readonly playing: boolean
  readonly following: boolean
  readonly editing: boolean
  /** The segment under the playhead (-1 when none). */
  readonly activeIndex: number
  /** Whether that segment's row is wholly on screen. */
  readonly visible: boolean
}

/** Whether a new playing segment scrolls the list: while playing and following, never from under the reviewer's caret. */
export function scrollsOnSegmentChange(s: FollowState): boolean {
  return s.playing && s.following && !s.editing && s.activeIndex >= 0 && !s.visible
}

/** Whether a seek scrolls the list to the playhead (playing or paused, while following). */
export function scrollsOnSeek(s: FollowState): boolean {
  return s.following && s.activeIndex >= 0 && !s.visible
}

/** Whether the reviewer's own scroll stops following: only when there is a playhead to follow. */
export function stopsFollowing(s: Pick<FollowState, 'playing' | 'activeIndex'>): boolean {
  return s.playing || s.activeIndex >= 0
}

/** What the pane gives the follow logic: its rows, and how to scroll to one. */
export interface FollowView {
  /** Index of the segment under the playhead (-1 when none). */
  activeIndex(): number
  /** True while a segment is open for typing. */
  isEditing(): boolean
  isRowVisible(index: number): boolean
  /** Scrolls the list (the pane's virtualiser) so row `index` shows. */
  scrollToRow(index: number, align: 'start' | 'center' | 'auto'): void
}

/** How long after a scroll we asked for the scroller's own events are ours, not the reviewer's. */
const programmaticScrollMs = 400

/** The transcript pane's following: scroll with playback, stop when the reviewer scrolls, resume on "Back to playhead". */
export function usePlaybackFollow(view: FollowView) {
  const playback = usePlaybackStore()
  const ui = useEditorUiStore()
  let programmaticUntil = 0

  function state(): FollowState {
    const activeIndex = view.activeIndex()
    return { playing: playback.playing, following: ui.following, editing: view.isEditing(), activeIndex, visible: activeIndex >= 0 && view.isRowVisible(activeIndex) }
  }

  /** Scrolls to a row, marking the scroll events that follow as ours. */
  function scrollToRow(index: number, align: 'start' | 'center' | 'auto' = 'start'): void {
    if (index < 0) return
    programmaticUntil = performance.now() + programmaticScrollMs
    view.scrollToRow(index, align)
  }

  watch(view.activeIndex, () => {
    const s = state()
    if (scrollsOnSegmentChange(s)) scrollToRow(s.activeIndex)
  })
  watch(
    () => playback.seekCount,
    () => {
      const s = state()
      if (scrollsOnSeek(s)) scrollToRow(s.activeIndex, 'center')
    }
  )
  watch(
    () => ui.backToPlayheadRequest,
    () => scrollToRow(Math.max(0, view.activeIndex()), 'center')
  )

  /** The reviewer scrolled the list (wheel, touch, scrollbar, paging keys): following stops. */
  function userScrolled(): void {
    if (performance.now() < programmaticUntil) return
    if (stopsFollowing(state())) ui.following = false
  }

  return { scrollToRow, userScrolled, showBack: computed(() => !ui.following) }
}
