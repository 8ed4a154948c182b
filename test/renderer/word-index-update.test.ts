import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildWordIndex, updateWordIndex } from '../../renderer/src/lib/word-index'
import type { Segment, TranscriptModel } from '../../shared/transcript'

/*
 * The word index after an edit, updated for the changed segments only, equals the index built
 * from scratch: random segment lists (words out of time order too, and empty segments) edited by
 * replacing, inserting and deleting runs of segments while the others stay the same objects.
 */

let serial = 0
function segment(starts: readonly number[], endMs: number): Segment {
  const id = `s${serial++}`
  return { id, speakerId: 'S1', startMs: starts[0] ?? 0, endMs, reviewed: false, words: starts.map((startMs, i) => ({ id: `${id}w${i}`, text: 'w', startMs, endMs: startMs + 200, confidence: null, estimated: false })) }
}
function modelOf(segments: Segment[]): TranscriptModel {
  return { taskId: 1, source: { taskId: 1 }, timeUnit: 'seconds', confidenceScale: 1, durationMs: 100_000, segments, speakers: [], annotations: [], issues: [] } as unknown as TranscriptModel
}

const arbSegment = fc.tuple(fc.array(fc.integer({ min: 0, max: 60_000 }), { maxLength: 6 }), fc.integer({ min: 0, max: 70_000 })).map(([starts, end]) => segment(starts, end))
const arbEdit = fc.oneof(
  fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.array(arbSegment, { maxLength: 3 }) }),
  // A word retyped or retimed: one segment replaced by one with as many words (rewritten in place).
  fc.record({ at: fc.nat(), retime: fc.integer({ min: -30_000, max: 30_000 }) })
)

describe('the word index after an edit', () => {
  it('equals a whole build, for any run of segments replaced (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(arbSegment, { maxLength: 12 }), fc.array(arbEdit, { minLength: 1, maxLength: 6 }), (first, edits) => {
        let segments = first
        let index = buildWordIndex(modelOf(segments))
        for (const e of edits) {
          const next = segments.slice()
          if ('retime' in e) {
            if (!segments.length) continue
            const i = e.at % segments.length
            next[i] = segment(segments[i].words.map((w) => Math.max(0, w.startMs + e.retime)), segments[i].endMs + e.retime)
          } else next.splice(segments.length ? e.at % (segments.length + 1) : 0, e.remove, ...e.insert)
          const model = modelOf(next)
          index = updateWordIndex(index, segments, model)
          expect(index).toEqual(buildWordIndex(model))
          segments = next
        }
      }),
      { numRuns: 300 }
    )
  })

  it('keeps the index when the segments are the same list', () => {
    const segments = [segment([0, 100], 500)]
    const index = buildWordIndex(modelOf(segments))
    expect(updateWordIndex(index, segments, modelOf(segments))).toBe(index)
  })
})
