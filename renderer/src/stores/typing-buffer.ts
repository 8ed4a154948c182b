/*
 * The typing buffer: a keystroke in a segment's text field is held here (not in the row, so it
 * survives the row unmounting) and committed to the model as one typing edit after a pause, or
 * at once when the reviewer does anything else. Per key only the text field changes, so a
 * keystroke costs no model edit, history commit, word-index rebuild or list re-render.
 */

/** A typing burst is committed to the model this long after the last key. */
export const typingCommitDelayMs = 250

/** What the buffer needs from the editor. */
export interface TypingBufferPorts {
  /** Commits a segment's text as a typing edit. */
  commit(segmentId: string, text: string): void
  /** True when keys for `segmentId` may be held now (the segment exists, the transcript is editable). */
  accepts(segmentId: string): boolean
  /** A key was typed (playback may pause for typing). */
  onKey(): void
  /** Holds the window's unsaved flag up while keys wait uncommitted (so quitting asks first). */
  holdUnsaved(flag: boolean): void
}

/** The buffer of one editor (see the module comment). */
export function createTypingBuffer(ports: TypingBufferPorts) {
  let pending: { segmentId: string; text: string } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** Commits a pending typing burst to the model now (one typing edit; no-op when none). */
  function flush(): void {
    clearTimer()
    const p = pending
    if (!p) return
    pending = null
    ports.commit(p.segmentId, p.text)
    // Committed (now the autosaver's to save) or nothing changed: the key press no longer holds the flag.
    ports.holdUnsaved(false)
  }

  return {
    flush,
    /** A keystroke in the field of `segmentId`: held, and committed after a pause. */
    draft(segmentId: string, text: string): void {
      // A row leaving the list hands back its field's text: not for a segment just deleted or undone away.
      if (!ports.accepts(segmentId)) return
      ports.onKey()
      if (pending && pending.segmentId !== segmentId) flush()
      pending = { segmentId, text }
      clearTimer()
      timer = setTimeout(flush, typingCommitDelayMs)
      // The unsaved flag goes up at the first key, so quitting asks even before the commit.
      ports.holdUnsaved(true)
    },
    /** Drops a pending burst for `segmentId` without committing it (its text is being committed another way). */
    take(segmentId: string): void {
      if (pending && pending.segmentId !== segmentId) flush()
      pending = null
      clearTimer()
    },
    /** True while keys wait uncommitted. */
    hasPending: (): boolean => pending !== null,
    /** The text typed into `segmentId` and not yet committed (null when none). */
    pendingTextOf: (segmentId: string): string | null => (pending?.segmentId === segmentId ? pending.text : null)
  }
}
