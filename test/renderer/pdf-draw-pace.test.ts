import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { RenderTask } from 'pdfjs-dist'
import { drawWithoutFrameWaits } from '../../renderer/src/lib/pdf-draw-pace'

/*
 * The cold first page (issue 21): page 1 of a document just opened draws its slices one task
 * after another rather than one frame after another (pdf-draw-pace.ts).
 */

describe('page 1 drawn without waiting for frames', () => {
  /** The parts of pdf.js's render task the pacing touches. */
  type FakeTask = { _internalRenderTask: { _useRequestAnimationFrame?: unknown } | undefined; onContinue: ((next: () => void) => void) | null }
  const fakeTask = (internal: FakeTask['_internalRenderTask']): FakeTask => ({ _internalRenderTask: internal, onContinue: null })
  const pace = (task: FakeTask) => drawWithoutFrameWaits(task as unknown as RenderTask)

  it('continues each slice in a later task, not in a frame and not at once', async () => {
    const task = fakeTask({ _useRequestAnimationFrame: true })
    pace(task)
    expect(task._internalRenderTask?._useRequestAnimationFrame).toBe(false)
    let continued = false
    task.onContinue!(() => (continued = true))
    await Promise.resolve()
    // Not in a microtask: the slices are not one long task.
    expect(continued).toBe(false)
    await expect.poll(() => continued).toBe(true)
  })

  it('leaves a pdf.js without the pacing field as it is (frame-paced, still correct)', () => {
    const task = fakeTask({})
    pace(task)
    expect(task._internalRenderTask).toEqual({})
    expect(task.onContinue).toBeNull()
    expect(() => pace(fakeTask(undefined))).not.toThrow()
  })

  it('sets the field the installed pdf.js paces its slices by (a tripwire for upgrades)', () => {
    const source = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.mjs'), 'utf8')
    // The render task's pacing flag, the public hook each pause goes through, and the frame it waits for.
    expect(source).toContain('this._useRequestAnimationFrame = useRequestAnimationFrame === true')
    expect(source).toMatch(/this\.task\.onContinue\(this\._scheduleNextBound\)/)
    expect(source).toMatch(/_scheduleNext\(\) \{\s*if \(this\._useRequestAnimationFrame\) \{\s*this\.#rAF = window\.requestAnimationFrame/)
  })
})
