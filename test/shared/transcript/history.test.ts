import { describe, expect, it } from 'vitest'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { canRedo, canUndo, commit, createHistory, normaliseTranscript, redo, segmentText, setSegmentText, setSpeaker, splitSegment, typingBurstMs, undo } from '../../../shared/transcript'
import type { History } from '../../../shared/transcript'

const loaded = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))
const s = loaded.segments[0]

/** Types `text` one character at a time at the end of segment 0, `gap` ms apart, as an editor buffer would. */
function type(h: History, text: string, at: number, gap: number): History {
  const seg = h.present.segments[0]
  let buffer = segmentText(seg)
  for (const ch of text) {
    buffer += ch
    h = commit(h, setSegmentText(h.present, seg.id, buffer), { kind: 'typing', at, key: seg.id })
    at += gap
  }
  return h
}

describe('undo history', () => {
  it('groups a burst of typing into one step', () => {
    let h = createHistory(loaded)
    h = type(h, ' more', 1000, 200)
    expect(segmentText(h.present.segments[0])).toBe(segmentText(s) + ' more')
    expect(h.past).toHaveLength(1)
    h = undo(h)
    expect(h.present).toBe(loaded)
    expect(canUndo(h)).toBe(false)
    h = redo(h)
    expect(segmentText(h.present.segments[0])).toBe(segmentText(s) + ' more')
  })

  it('starts a new step after a pause, another key, or any other edit', () => {
    let h = createHistory(loaded)
    h = type(h, ' ab', 0, 100)
    h = type(h, 'cd', 100 * 3 + typingBurstMs, 100)
    expect(h.past).toHaveLength(2)
    h = commit(h, splitSegment(h.present, s.id, { wordIndex: 2 }), { kind: 'edit' })
    h = type(h, 'x', 100_000, 100)
    expect(h.past).toHaveLength(4)
    h = commit(h, setSpeaker(h.present, { segmentId: h.present.segments[1].id }, loaded.speakers[1].id))
    expect(h.past).toHaveLength(5)
    while (canUndo(h)) h = undo(h)
    expect(h.present).toBe(loaded)
    expect(canRedo(h)).toBe(true)
  })

  it('records nothing for an edit that changes nothing, and a new edit clears redo', () => {
    let h = createHistory(loaded)
    h = commit(h, loaded)
    expect(h.past).toHaveLength(0)
    h = commit(h, splitSegment(loaded, s.id, { wordIndex: 1 }))
    h = undo(h)
    expect(canRedo(h)).toBe(true)
    h = commit(h, splitSegment(loaded, s.id, { wordIndex: 2 }))
    expect(canRedo(h)).toBe(false)
  })

  it('drops the oldest steps beyond the limit', () => {
    let h = createHistory(loaded, 3)
    for (let k = 1; k <= 5; k++) h = commit(h, { ...h.present, nextId: k + 100 })
    expect(h.past).toHaveLength(3)
  })
})
