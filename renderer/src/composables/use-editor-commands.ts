import { onBeforeUnmount, onMounted } from 'vue'
import { useEditorStore } from '../stores/editor-store'
import { usePlaybackStore } from '../stores/playback-store'
import { useEditorUiStore } from '../stores/editor-ui-store'
import { useUiStore } from '../stores/ui-store'
import { useReviewPrefsStore } from '../stores/review-prefs-store'
import { useCoverageStore } from '../stores/coverage-store'
import { useTranscriptFilterStore } from '../stores/transcript-filter-store'
import { useReviewQueueStore } from '../stores/review-queue-store'
import { useCueViewStore } from '../stores/cue-view-store'
import { actionForEvent } from '../lib/shortcuts'
import type { ShortcutAction } from '../lib/shortcuts'
import type { Segment } from '../../../shared/transcript'
import { useIsMac } from '../lib/platform'
import type { MenuCommand } from '../../../shared/ipc/contract'
import { sdte } from '../lib/bridge'

/*
 * Every editor action by name, and the two ways to reach them besides buttons: the keyboard
 * (one window listener reading the remappable table) and the application menu (menu:command).
 */

/** The skip step of the skip back/forward shortcuts. */
export const skipMs = 5000
/** The step of the keyboard retiming shortcuts (the keyboard's region drag). */
export const nudgeMs = 100

/**
 * True when the focused element takes plain keys itself: text fields, buttons, menus, and
 * anything outside the editor's own areas (marked `data-editor-keys`), such as the document
 * pane's grid, whose arrow keys are its own.
 */
export function takesPlainKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target === document.body || target === document.documentElement) return false
  if (!target.closest('[data-editor-keys]')) return true
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return true
  const role = target.getAttribute('role')
  return role === 'menuitem' || role === 'button' || role === 'option' || role === 'menuitemradio' || role === 'dialog'
}

/** The editor's action runner. */
export function useEditorCommands() {
  const editor = useEditorStore()
  const playback = usePlaybackStore()
  const ui = useEditorUiStore()
  const shellUi = useUiStore()
  const prefs = useReviewPrefsStore()
  const coverage = useCoverageStore()
  const filter = useTranscriptFilterStore()

  /** After a status change under a filter the row may vanish: the cursor moves on to the next shown row. */
  function skipHiddenCursor(): void {
    const id = editor.cursor?.segmentId
    if (!filter.active || !id || filter.isShown(id)) return
    const next = filter.neighbour(1) ?? filter.neighbour(-1)
    if (next) editor.goTo(next.id, -1, { seek: false })
  }
  const queue = useReviewQueueStore()
  const cues = useCueViewStore()
  // The transcript can show only segments with open queue items (read live, so edits update the filter).
  filter.setQueuePredicate((segmentId) => queue.hasQueueItems(segmentId))

  /**
   * The segment a loop is for, the same from the Loop button, the shortcut and the help text:
   * while playing, the segment being played (the playing word's, else the last one started);
   * when paused, the cursor's (else the one at the playhead).
   */
  function loopTarget(): Segment | null {
    const m = editor.model
    if (!m || m.segments.length === 0) return null
    if (playback.playing) {
      // The playing word's segment, else (in a gap) the last one started.
      const wi = editor.wordIndex
      const i = wi && editor.playingWord >= 0 ? wi.segment[editor.playingWord] : editor.activeSegmentIndex
      if (i >= 0) return m.segments[i]
    }
    const p = editor.position()
    return p ? (m.segments.find((s) => s.id === p.segmentId) ?? null) : null
  }

  /** Loops the segment (see loopTarget), or stops looping; a loop set while paused starts where Play will play it. */
  function toggleLoop(): void {
    if (playback.loop) return playback.setLoop(null)
    const seg = loopTarget()
    if (!seg) return
    const range = { startMs: seg.startMs, endMs: seg.endMs }
    playback.setLoop(range)
    if (!playback.playing && (playback.timeMs < range.startMs || playback.timeMs >= range.endMs)) playback.seek(range.startMs)
  }

  /** Runs one named action. */
  function run(action: ShortcutAction): void {
    // A key pressed while a long task's first rows are shown acts on the whole task (some
    // commands read the model through other stores).
    editor.settle()
    switch (action) {
      case 'playPause':
        return playback.toggle()
      case 'skipBack':
        return playback.skip(-skipMs)
      case 'skipForward':
        return playback.skip(skipMs)
      case 'slower':
        return playback.stepRate(-1)
      case 'faster':
        return playback.stepRate(1)
      case 'loopSegment':
        return toggleLoop()
      case 'nextSegment':
        // Under a filter, up and down walk the rows shown.
        if (filter.active) return void filter.moveSegment(1)
        return editor.moveSegment(1)
      case 'prevSegment':
        if (filter.active) return void filter.moveSegment(-1)
        return editor.moveSegment(-1)
      case 'nextUnheard':
        if (!coverage.jumpToNextUnheard()) editor.message = { text: 'Everything 3 s or longer has been heard.' }
        return
      case 'nextWord':
        return editor.moveWord(1)
      case 'prevWord':
        return editor.moveWord(-1)
      case 'nextLowConfidence':
        editor.moveLowConfidence(1, prefs.threshold)
        return
      case 'prevLowConfidence':
        editor.moveLowConfidence(-1, prefs.threshold)
        return
      case 'nextQueueItem':
        queue.next()
        return
      case 'prevQueueItem':
        queue.previous()
        return
      case 'acceptQueueItem':
        queue.accept()
        return
      case 'backToPlayhead':
        ui.backToPlayhead()
        return editor.cursorToPlayhead()
      case 'editSegment':
        return editor.startEditing()
      case 'split':
        // While editing, the segment's text field splits at its caret itself.
        if (!editor.editing) editor.splitAtCursor()
        return
      case 'merge':
        editor.mergeWithNext()
        return
      case 'mergePrevious':
        editor.mergeWithPrevious()
        return
      case 'newSegment':
        editor.addSegment()
        return
      case 'deleteSegment':
        editor.deleteSegment()
        return
      // In the cue view the retiming keys nudge the selected cue's in/out by one frame.
      case 'startEarlier':
        if (cues.on) cues.nudge('in', -1)
        else editor.nudgeSegment('start', -nudgeMs)
        return
      case 'startLater':
        if (cues.on) cues.nudge('in', 1)
        else editor.nudgeSegment('start', nudgeMs)
        return
      case 'endEarlier':
        if (cues.on) cues.nudge('out', -1)
        else editor.nudgeSegment('end', -nudgeMs)
        return
      case 'endLater':
        if (cues.on) cues.nudge('out', 1)
        else editor.nudgeSegment('end', nudgeMs)
        return
      case 'toggleCueView':
        return cues.toggle()
      case 'forceBreak':
        if (cues.on) cues.forceBreak()
        return
      case 'keepTogether':
        if (cues.on) cues.keepTogether()
        return
      case 'lockCue':
        if (cues.on) cues.toggleLock()
        return
      case 'nextBreach':
      case 'prevBreach':
        if (cues.on) cues.nextBreach(action === 'nextBreach' ? 1 : -1)
        return
      case 'markReviewed':
        editor.toggleReviewed()
        skipHiddenCursor()
        return
      case 'cycleFilter':
        filter.cycleFilter()
        skipHiddenCursor()
        return
      case 'cycleStatus':
        editor.cycleReviewStatus()
        skipHiddenCursor()
        return
      case 'editNote': {
        const p = editor.position()
        if (p) editor.noteEditing = p.segmentId
        return
      }
      case 'addAnnotation':
        ui.annotationsOpen = true
        editor.addAnnotation()
        return
      case 'undo':
        editor.undo()
        return
      case 'redo':
        editor.redo()
        return
      case 'find':
        return ui.openFind()
      case 'zoomIn':
        return ui.zoom(1)
      case 'zoomOut':
        return ui.zoom(-1)
      case 'export':
        return editor.requestExport()
      case 'finishReview':
        return shellUi.open('finish-review')
      case 'help':
        ui.helpOpen = !ui.helpOpen
        return
      case 'settings':
        ui.settingsOpen = !ui.settingsOpen
        return
      default: {
        const n = /^speaker([1-9])$/.exec(action)
        if (n) editor.assignSpeakerNumber(Number(n[1]))
      }
    }
  }

  /** Handles a menu command meant for the editor (others belong to the shell). */
  function runMenu(command: MenuCommand): void {
    if (command === 'undo') run('undo')
    else if (command === 'redo') run('redo')
    else if (command === 'find') run('find')
    else if (command === 'export') run('export')
    else if (command === 'shortcuts') ui.helpOpen = true
  }

  return { run, runMenu, loopTarget }
}

/** Installs the window key listener and the menu subscription for as long as the caller lives; `active` false: both wait (the editor's frame before its task). */
export function useEditorShortcuts(active: () => boolean = () => true): void {
  const { run, runMenu } = useEditorCommands()
  const ui = useEditorUiStore()
  // Mod is Cmd on macOS (main's word for the platform, once it has answered).
  const isMac = useIsMac()
  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || !active()) return
    // Escape closes the editor's own overlays even when focus has left them.
    if (event.key === 'Escape' && (ui.helpOpen || ui.settingsOpen)) {
      event.preventDefault()
      ui.helpOpen = false
      ui.settingsOpen = false
      return
    }
    // Another modal (the shell's export or sign-in dialog) owns the keyboard while it is open;
    // the editor's own overlays handle Escape themselves.
    if (event.target instanceof HTMLElement && event.target.closest('[aria-modal="true"], dialog[open], [data-capturing-keys]')) return
    const action = actionForEvent(ui.table, event, isMac.value, takesPlainKeys(event.target))
    if (!action) return
    event.preventDefault()
    run(action)
  }
  let offMenu: (() => void) | null = null
  onMounted(() => {
    window.addEventListener('keydown', onKey)
    offMenu = sdte().on('menu:command', (command) => active() && runMenu(command))
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey)
    offMenu?.()
  })
}
