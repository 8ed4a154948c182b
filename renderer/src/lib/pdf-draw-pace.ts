import type { RenderTask } from 'pdfjs-dist'
import { yieldInTurn } from './yield-to-page'

/*
 * pdf.js draws a page in slices of ~15 ms and starts each slice in an animation frame, also each
 * time more of the page's drawing operations arrive from its worker: a page takes at least one
 * frame per slice and per batch of operations. That pacing is meant for many pages painted while
 * the reader scrolls; page 1 of a document just opened is what the reviewer waits for. Traced
 * (test/bench/document-profile.ts), page 1 of the 100-page document took 7-10 slices, each waiting
 * for its frame behind the frame's own commit, with the main thread otherwise idle between them.
 * Here the next slice runs in the next task instead: still never one long task (input and
 * frames go between slices), but no slice waits for a frame.
 */

/** The part of pdf.js's render task that picks its pacing (not in its typings; checked before use). */
interface Paced {
  _useRequestAnimationFrame?: unknown
}

/**
 * Makes `task` draw its slices one task after another instead of one frame after another. Leaves it
 * as it is (frame-paced, still correct) if this pdf.js does not have the field it sets.
 */
export function drawWithoutFrameWaits(task: RenderTask): void {
  const internal = (task as unknown as { _internalRenderTask?: Paced })._internalRenderTask
  if (!internal || typeof internal._useRequestAnimationFrame !== 'boolean') return
  internal._useRequestAnimationFrame = false
  // Without frames pdf.js would continue in a microtask (the whole page one long task): each
  // pause goes through a task of its own.
  task.onContinue = (next: () => void) => void yieldInTurn().then(next)
}
