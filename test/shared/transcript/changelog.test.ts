import { describe, expect, it } from 'vitest'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { edgeCases } from '../../fixtures/edge-cases'
import { addAnnotation, buildChangeLog, deleteSegment, diffCounts, normaliseTranscript, renameSpeaker, replaceText, setReviewed, splitSegment } from '../../../shared/transcript'

describe('change log', () => {
  const loaded = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))

  it('is empty for an unedited model', () => {
    const log = buildChangeLog(loaded, loaded)
    expect(log.segments).toEqual([])
    expect(log.counts).toMatchObject({ segmentsEdited: 0, wordsInserted: 0, wordsDeleted: 0, wordsReplaced: 0, wordsChangedFromOriginal: 0 })
  })

  it('counts word, segment, speaker and annotation changes', () => {
    const s = loaded.segments[0]
    let m = replaceText(loaded, { segmentId: s.id, offset: 0 }, { segmentId: s.id, offset: 5 }, 'Here') // replace "There"
    m = replaceText(m, { segmentId: s.id, offset: 5 }, { segmentId: s.id, offset: 7 }, 'was once') // "is" → two words
    m = splitSegment(m, s.id, { wordIndex: 4 })
    m = deleteSegment(m, loaded.segments[3].id)
    m = setReviewed(m, loaded.segments[5].id, true)
    m = renameSpeaker(m, loaded.speakers[0].id, 'Kate Darling')
    m = addAnnotation(m, { content: 'x', startMs: 0, endMs: 10, id: 'n' })
    const log = buildChangeLog(loaded, m)
    expect(log.counts).toMatchObject({
      segmentsEdited: 1,
      segmentsAdded: 1,
      segmentsRemoved: 1,
      segmentsReviewed: 1,
      wordsReplaced: 1,
      wordsInserted: 2,
      wordsDeleted: 1 + loaded.segments[3].words.length,
      speakersChanged: 1,
      annotationsAdded: 1
    })
    const first = log.segments[0]
    expect(first).toMatchObject({ segmentId: s.id, status: 'edited', timingChanged: true })
    expect(first.words).toEqual([
      { kind: 'replaced', before: 'There', after: 'Here' },
      { kind: 'inserted', before: '', after: 'was' },
      { kind: 'inserted', before: '', after: 'once' },
      { kind: 'deleted', before: 'is', after: '' }
    ])
    expect(log.segments.at(-1)).toMatchObject({ segmentId: loaded.segments[3].id, status: 'removed' })
  })

  it('measures the reviewed text against the recogniser words', () => {
    const m = normaliseTranscript(edgeCases.textMismatch)
    expect(buildChangeLog(m, m).counts.wordsChangedFromOriginal).toBe(4)
    expect(diffCounts(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual({ inserted: 1, deleted: 0, replaced: 1 })
    expect(diffCounts(['Hello,', 'world'], ['hello', 'world.'])).toEqual({ inserted: 0, deleted: 0, replaced: 0 })
  })
})
