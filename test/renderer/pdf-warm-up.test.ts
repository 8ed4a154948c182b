import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'
import type { RenderTask } from 'pdfjs-dist'
import { warmUpPdf } from '../../renderer/src/lib/pdf-warm-up'
import { drawWithoutFrameWaits } from '../../renderer/src/lib/pdf-draw-pace'

/*
 * The cold first page (issue 21): pdf.js's first run is paid on a small page painted while the
 * pane idles (pdf-warm-up.ts), and page 1 of a document just opened draws its slices one task
 * after another rather than one frame after another (pdf-draw-pace.ts).
 */

describe('the warm-up PDF', () => {
  it('is a well-formed PDF: every cross-reference offset lands on its object, startxref on the table', async () => {
    const bytes = await warmUpPdf()
    // latin1: one character per byte, so string offsets are byte offsets.
    const text = Buffer.from(bytes).toString('latin1')
    expect(text.startsWith('%PDF-1.7\n')).toBe(true)
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1])
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n')
    const entries = text.slice(startxref).split('\n').slice(3, 9)
    expect(entries).toHaveLength(6)
    entries.forEach((entry, i) => {
      // Each entry is 20 bytes with its end of line (PDF 32000 7.5.4).
      expect(entry.length + 1).toBe(20)
      const offset = Number(entry.slice(0, 10))
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`)
    })
  })

  it('draws text in the standard fonts at several sizes and ruled boxes (the paths a form page takes)', async () => {
    const text = Buffer.from(await warmUpPdf()).toString('latin1')
    expect(text).toContain('/BaseFont /Helvetica ')
    expect(text).toContain('/BaseFont /Helvetica-Bold ')
    const stream = /stream\n([\s\S]*)\nendstream/.exec(text)![1]!
    const ops = text.includes('/FlateDecode') ? inflateSync(Buffer.from(stream, 'latin1')).toString('latin1') : stream
    for (const op of ['/F1 8 Tf', '/F1 10 Tf', '/F2 16 Tf', ' re S', ' re f', '\\347\\343o']) expect(ops).toContain(op)
  })
})

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
