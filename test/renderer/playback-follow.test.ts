import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { shallowRef } from 'vue'
import { normaliseTranscript } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript'
import { scrollsOnSeek, scrollsOnSegmentChange, stopsFollowing, usePlaybackLookup } from '../../renderer/src/composables/use-playback-follow'
import type { FollowState } from '../../renderer/src/composables/use-playback-follow'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { convertRealFixture } from '../fixtures/real-to-export'
import { installFakeSdte } from './support/fake-sdte'

beforeEach(() => {
  setActivePinia(createPinia())
  installFakeSdte()
})

describe('usePlaybackLookup (which segment and word are playing)', () => {
  it('agrees with a linear scan over the 2-hour fixture', () => {
    const m = normaliseTranscript(convertRealFixture('senate-hearing-2h.dpe.json'))
    const model = shallowRef<TranscriptModel | null>(m)
    const playback = usePlaybackStore()
    const lookup = usePlaybackLookup(model)
    for (let ms = 0; ms < m.durationMs; ms += 37_003) {
      playback.reportTime(ms)
      let started = -1
      m.segments.forEach((s, i) => {
        if (s.startMs <= ms) started = i
      })
      expect(lookup.activeSegmentIndex.value).toBe(started)
      if (lookup.activeWordId.value !== null) {
        const seg = m.segments[started]
        expect(seg.words.some((w) => w.id === lookup.activeWordId.value)).toBe(true)
      }
    }
  })

  it('has no active segment before the first one or without a model', () => {
    const model = shallowRef<TranscriptModel | null>(null)
    const lookup = usePlaybackLookup(model)
    expect(lookup.activeSegmentIndex.value).toBe(-1)
    expect(lookup.playingWord.value).toBe(-1)
  })
})

describe('follow decisions', () => {
  const base: FollowState = { playing: true, following: true, editing: false, activeIndex: 3, visible: false }
  it.each([
    ['playing, following, row off screen', base, true],
    ['row already on screen', { ...base, visible: true }, false],
    ['paused', { ...base, playing: false }, false],
    ['the reviewer scrolled away', { ...base, following: false }, false],
    ['a segment is open for typing', { ...base, editing: true }, false],
    ['nothing is playing yet', { ...base, activeIndex: -1 }, false]
  ] as const)('a new playing segment scrolls the list: %s → %s', (_name, state, expected) => {
    expect(scrollsOnSegmentChange(state)).toBe(expected)
  })

  it.each([
    ['while paused too', { ...base, playing: false }, true],
    ['even while typing (the seek was asked for)', { ...base, editing: true }, true],
    ['not when the reviewer scrolled away', { ...base, following: false }, false],
    ['not when the row shows', { ...base, visible: true }, false]
  ] as const)('a seek scrolls to the playhead %s', (_name, state, expected) => {
    expect(scrollsOnSeek(state)).toBe(expected)
  })

  it('a scroll by the reviewer stops following only when there is a playhead to follow', () => {
    expect(stopsFollowing({ playing: true, activeIndex: -1 })).toBe(true)
    expect(stopsFollowing({ playing: false, activeIndex: 2 })).toBe(true)
    expect(stopsFollowing({ playing: false, activeIndex: -1 })).toBe(false)
  })
})
