import { describe, expect, it } from 'vitest'
import { joinSplit, mergeSegments, setSegmentText, splitSegment } from '../../../shared/transcript'
import type { Segment, TranscriptModel, Word } from '../../../shared/transcript'

const word = (id: string, text: string, startMs: number, endMs: number): Word => ({ id, text, startMs, endMs, confidence: 0.9, estimated: false })

/** One segment whose second word runs past the third's start (recognisers do this): a split there trims it. */
function model(): TranscriptModel {
  const words = [word('w1', 'one', 0, 400), word('w2', 'two', 500, 1100), word('w3', 'three', 1000, 1500)]
  const seg: Segment = { id: 's1', speakerId: 'a', startMs: 0, endMs: 1600, words, reviewed: false, originalWords: null }
  return { taskId: 1, durationMs: 2000, speakers: [], segments: [seg], annotations: [], issues: [] } as unknown as TranscriptModel
}

function splitRecord(m: TranscriptModel, after: TranscriptModel) {
  return { original: m.segments[0], first: after.segments[0], second: after.segments[1] }
}

describe('joinSplit (merge-with-previous right after a split)', () => {
  it('gives back exactly the segment split, trimmed word timings included (an ordinary merge cannot)', () => {
    const m = model()
    const split = splitSegment(m, 's1', { wordIndex: 2 })
    expect(split.segments[0].words[1].endMs).toBe(1000)
    expect(mergeSegments(split, 's1').segments[0].words[1].endMs).toBe(1000)
    const joined = joinSplit(split, splitRecord(m, split))
    expect(joined.segments).toEqual(m.segments)
    expect(joined.segments[0]).toBe(m.segments[0])
  })

  it('leaves the model as it is once a half has changed, so the caller merges the ordinary way', () => {
    const m = model()
    const split = splitSegment(m, 's1', { wordIndex: 2 })
    const typed = setSegmentText(split, split.segments[1].id, 'three four')
    expect(joinSplit(typed, splitRecord(m, split))).toBe(typed)
  })
})
