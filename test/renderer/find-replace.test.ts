import { describe, expect, it } from 'vitest'
import { findMatches, matchedWords } from '../../renderer/src/lib/find-replace'
import { makeModel } from '../shared/subtitles/make-model'

const model = makeModel([
  ['ana', [['the', 0, 100], ['recogniser', 100, 200], ['was', 200, 300], ['there,', 300, 400]]],
  ['ben', [['The', 500, 600], ['end', 600, 700]]]
])
const query = { regex: false, wholeWord: false, caseSensitive: false }
const highlighted = (text: string, extra: Partial<typeof query & { speakerId: string }> = {}) =>
  Object.fromEntries([...matchedWords(model, findMatches(model, { ...query, ...extra, text }))].map(([id, words]) => [id, [...words].sort()]))

describe('matchedWords', () => {
  it('marks every word a match touches, in each segment', () => {
    expect(highlighted('the')).toEqual({ s0: [0, 3], s1: [0] })
    expect(highlighted('the', { wholeWord: true })).toEqual({ s0: [0], s1: [0] })
    expect(highlighted('the', { speakerId: 'ben' })).toEqual({ s1: [0] })
  })

  it('a match across a space marks the words on both sides; none marks nothing', () => {
    expect(highlighted('recogniser was')).toEqual({ s0: [1, 2] })
    expect(highlighted('ser wa')).toEqual({ s0: [1, 2] })
    expect(highlighted('zebra')).toEqual({})
  })
})
