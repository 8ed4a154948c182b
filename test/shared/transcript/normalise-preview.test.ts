import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { detectConfidenceScale, detectTimeUnit, normaliseTranscript, normaliseTranscriptSteps } from '../../../shared/transcript'
import type { NormalisePreview } from '../../../shared/transcript'
import { convertRealFixture } from '../../fixtures/real-to-export'

/*
 * The first rows of a long task are painted from a preview the normalising steps hand out after
 * the first few segments (renderer/src/lib/normalise-in-slices.ts). The preview must show those
 * rows exactly as the whole model will have them (else the screen changes under the reviewer),
 * come before the bulk of the work, and not change the model the steps end with.
 */

/** Runs the steps with a preview request; the model, the preview, and how many steps ran before it. */
function run(exp: TranscriptExport, count: number): { model: ReturnType<typeof normaliseTranscript>; preview: NormalisePreview | null; stepsBefore: number } {
  let preview: NormalisePreview | null = null
  let stepsBefore = 0
  const steps = normaliseTranscriptSteps(exp, { count, take: (p) => (preview = p) })
  for (;;) {
    const step = steps.next()
    if (step.done) return { model: step.value, preview, stepsBefore }
    if (!preview) stepsBefore++
  }
}

describe('normalising: the first rows first', () => {
  const hearing = convertRealFixture('senate-hearing-2h.dpe.json')

  it('hands out the first rows of the 2-hour hearing after a few steps, exactly as the model has them (same objects)', () => {
    const { model, preview, stepsBefore } = run(hearing, 24)
    expect(preview).not.toBeNull()
    const p = preview!
    expect(p.total).toBe(model.segments.length)
    expect(p.segments).toHaveLength(24)
    // The preview comes after the first 25 segments (24 and the one after), not after the 838.
    expect(stepsBefore).toBeLessThanOrEqual(26)
    // Unrepaired rows are the model's own objects: the list does not re-render them when the model lands.
    p.segments.forEach((s, k) => expect(s).toEqual(model.segments[k]))
    expect(p.segments.filter((s, k) => s === model.segments[k]).length).toBeGreaterThanOrEqual(23)
    for (const s of p.speakers) expect(model.speakers.find((m) => m.id === s.id)).toEqual(s)
    expect(p.pendingWords).toHaveLength(model.segments.length - 24)
    // The model is the one normalising without a preview gives.
    expect(model).toEqual(normaliseTranscript(hearing))
  })

  it('on any export in time order: the preview rows are the model first rows, its speakers the model speakers, and the model unchanged', () => {
    const time = fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true })
    const word = fc.record({ text: fc.constantFrom('a', 'bb', 'c.'), offsetInSeconds: fc.option(fc.double({ min: -2, max: 600, noNaN: true, noDefaultInfinity: true }), { nil: null }), durationInSeconds: fc.option(fc.double({ min: -1, max: 5, noNaN: true, noDefaultInfinity: true }), { nil: null }) })
    const segment = fc.record({ speakerId: fc.option(fc.constantFrom('A', 'B', 'ghost', '90EDF137-0000-4000-8000-000000000000'), { nil: null }), end: fc.option(time, { nil: null }), displayText: fc.constantFrom('a bb', 'c.', '', 'a bb c.'), displayWords: fc.option(fc.array(word, { maxLength: 4 }), { nil: null }) })
    const exportArb = fc.record({
      starts: fc.array(time, { minLength: 1, maxLength: 12 }),
      segments: fc.array(segment, { minLength: 12, maxLength: 12 }),
      count: fc.integer({ min: 1, max: 14 }),
      total: fc.option(fc.double({ min: 0, max: 700, noNaN: true, noDefaultInfinity: true }), { nil: null })
    })
    fc.assert(
      fc.property(exportArb, ({ starts, segments, count, total }) => {
        const sorted = [...starts].sort((a, b) => a - b)
        const transcripts = sorted.map((start, k) => ({ ...segments[k], start }))
        const body = { speakers: [{ speakerId: '90edf137-0000-4000-8000-000000000000', speakerName: 'Ana' }, { speakerId: 'A', speakerName: 'Rui' }], transcripts }
        const exp = { taskId: 1, totalTimeInSeconds: total, transcript: body } as unknown as TranscriptExport
        const { model, preview } = run(exp, count)
        expect(model).toEqual(normaliseTranscript(exp))
        expect(preview).not.toBeNull()
        const shown = Math.min(count, sorted.length)
        // Words outside a segment can widen it back before the one ahead and so reorder the
        // model; only then may the preview's rows differ (they are replaced when the model lands).
        const reordered = model.issues.some((i) => i.kind === 'segments-unsorted')
        // The first rows are read by their own unit and scale (the test below); when the whole
        // export says otherwise, the model is normalised again and replaces the preview's rows.
        const first = { ...exp, transcript: { ...body, transcripts: transcripts.slice(0, Math.min(count + 1, sorted.length)) } } as unknown as TranscriptExport
        const readAlike = detectTimeUnit(first).unit === model.timeUnit && detectConfidenceScale(first) === model.confidenceScale
        if (!reordered && readAlike) expect(preview!.segments).toEqual(model.segments.slice(0, shown))
        for (const s of preview!.speakers) if (!s.placeholder || !reordered) expect(model.speakers.find((m) => m.id === s.id)).toEqual(s)
      }),
      { numRuns: 400 }
    )
  })

  it('reads the first rows by their own unit and scale, and starts again when the whole export says otherwise', () => {
    const segs = hearing.transcript.transcripts!
    const last = segs.at(-1)!
    // One late word on a 0–100 scale: the whole export is on that scale, the first rows alone are not.
    const late = { ...last, displayWords: last.displayWords!.map((w, k) => (k === 0 ? { ...w, confidence: 80 } : w)) }
    const mixed = { ...hearing, transcript: { ...hearing.transcript, transcripts: [...segs.slice(0, -1), late] } }
    const { model, preview } = run(mixed, 10)
    expect(model.confidenceScale).toBe(100)
    expect(model).toEqual(normaliseTranscript(mixed))
    // The preview showed the first rows as read on their own (shown until the model lands).
    expect(preview!.segments[0].words[0].confidence).toBe(normaliseTranscript(hearing).segments[0].words[0].confidence)
  })

  it('gives no preview when the segment starts are out of order (the model may open on other rows)', () => {
    const segs = hearing.transcript.transcripts!
    const shuffled = { ...hearing, transcript: { ...hearing.transcript, transcripts: [segs[3], ...segs.slice(0, 3), ...segs.slice(4)] } }
    const { preview, model } = run(shuffled, 10)
    expect(preview).toBeNull()
    expect(model.segments).toHaveLength(segs.length)
  })
})
