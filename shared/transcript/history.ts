import type { TranscriptModel } from './model'

/*
 * Undo/redo as a stack of whole models. Models share everything untouched, so a step costs
 * only what the edit changed. A burst of typing is one step: consecutive "typing" commits
 * with the same key (e.g. the segment id) less than `typingBurstMs` apart replace the present
 * instead of pushing. The caller passes the time; there is no clock in here.
 */

/** Typing commits closer together than this (ms) belong to one undo step. */
export const typingBurstMs = 1500

/** What kind of edit a commit is: typing coalesces into bursts, everything else is one step. */
export type EditKind = 'typing' | 'edit'

/** The undo history: past models (oldest first), the present one, and undone ones (next first). */
export interface History {
  readonly past: readonly TranscriptModel[]
  readonly present: TranscriptModel
  readonly future: readonly TranscriptModel[]
  /** The last typing commit, for burst grouping; null after any other commit, undo or redo. */
  readonly lastTyping: { readonly key: string; readonly at: number } | null
  /** Most undo steps kept (oldest dropped first). */
  readonly limit: number
}

/** A history whose present is `model` and nothing to undo. */
export function createHistory(model: TranscriptModel, limit = 500): History {
  return { past: [], present: model, future: [], lastTyping: null, limit }
}

/** How to record a commit: its kind, the caller's timestamp (ms), and a burst key for typing. */
export interface CommitOptions {
  readonly kind: EditKind
  readonly at?: number
  readonly key?: string
}

/** Records `next` as the new present; a no-op edit (same model) records nothing. */
export function commit(history: History, next: TranscriptModel, options: CommitOptions = { kind: 'edit' }): History {
  if (next === history.present) return history
  const at = options.at ?? 0
  const key = options.key ?? ''
  if (options.kind === 'typing') {
    const last = history.lastTyping
    if (last && last.key === key && at >= last.at && at - last.at < typingBurstMs) {
      // Same burst: the step before the burst stays the undo target.
      return { ...history, present: next, future: [], lastTyping: { key, at } }
    }
  }
  let past = [...history.past, history.present]
  if (past.length > history.limit) past = past.slice(past.length - history.limit)
  return { ...history, past, present: next, future: [], lastTyping: options.kind === 'typing' ? { key, at } : null }
}

/** True when there is a step to undo. */
export function canUndo(history: History): boolean {
  return history.past.length > 0
}

/** True when there is a step to redo. */
export function canRedo(history: History): boolean {
  return history.future.length > 0
}

/** Steps back one model (unchanged history when there is nothing to undo). */
export function undo(history: History): History {
  if (history.past.length === 0) return history
  const previous = history.past[history.past.length - 1]
  return { ...history, past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastTyping: null }
}

/** Re-applies the last undone step (unchanged history when there is none). */
export function redo(history: History): History {
  if (history.future.length === 0) return history
  const [next, ...rest] = history.future
  return { ...history, past: [...history.past, history.present], present: next, future: rest, lastTyping: null }
}
