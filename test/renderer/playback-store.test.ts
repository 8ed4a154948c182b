import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { playbackPrefsKey, typingResumeDelayMs, usePlaybackStore } from '../../renderer/src/stores/playback-store'
import type { MediaDriver } from '../../renderer/src/stores/playback-store'

/** A driver that records what the store asked of the player. */
function fakeDriver(): MediaDriver & { log: string[] } {
  const log: string[] = []
  return { log, play: () => log.push('play'), pause: () => log.push('pause'), seek: (ms) => log.push(`seek ${ms}`), setRate: (r) => log.push(`rate ${r}`) }
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('playback store', () => {
  it('only user actions seek the player; the player’s time writes the store without echo', () => {
    const playback = usePlaybackStore()
    const driver = fakeDriver()
    playback.attachDriver(driver)
    playback.reportDuration(30_000)
    playback.reportTime(1234)
    expect(playback.timeMs).toBe(1234)
    expect(driver.log).toEqual(['rate 1'])
    playback.skip(5000)
    playback.seek(-50)
    playback.seek(99_999)
    expect(driver.log.slice(1)).toEqual(['seek 6234', 'seek 0', 'seek 30000'])
  })

  it('clamps the rate to 0.5×–2× and steps through the offered rates', () => {
    const playback = usePlaybackStore()
    playback.setRate(5)
    expect(playback.rate).toBe(2)
    playback.setRate(0.1)
    expect(playback.rate).toBe(0.5)
    playback.setRate(1)
    playback.stepRate(1)
    expect(playback.rate).toBe(1.1)
    playback.stepRate(-1)
    playback.stepRate(-1)
    expect(playback.rate).toBe(0.9)
  })

  it('pauses while typing when asked to, and rewinds on resume', () => {
    const playback = usePlaybackStore()
    const driver = fakeDriver()
    playback.attachDriver(driver)
    playback.reportDuration(30_000)
    playback.reportPlaying(true)
    playback.noteTyping()
    expect(driver.log).not.toContain('pause')
    playback.pauseWhileTyping = true
    playback.rewindOnResumeMs = 2000
    playback.noteTyping()
    expect(driver.log).toContain('pause')
    expect(playback.wasPausedByTyping()).toBe(true)
    playback.reportPlaying(false)
    playback.reportTime(10_000)
    playback.play()
    expect(driver.log.slice(-2)).toEqual(['seek 8000', 'play'])
  })

  describe('pause while typing', () => {
    beforeEach(() => vi.useFakeTimers())
    afterEach(() => vi.useRealTimers())

    /** A playing store whose driver reports play/pause back like the media element does. */
    function playing() {
      const playback = usePlaybackStore()
      const driver = fakeDriver()
      playback.attachDriver({ ...driver, play: () => (driver.play(), playback.reportPlaying(true)), pause: () => (driver.pause(), playback.reportPlaying(false)) })
      playback.reportDuration(30_000)
      playback.pauseWhileTyping = true
      playback.play()
      driver.log.length = 0
      return { playback, log: driver.log }
    }

    it('resumes once the typing has stopped for a moment, not while keys keep coming', () => {
      const { playback, log } = playing()
      playback.noteTyping()
      expect(log).toEqual(['pause'])
      for (let i = 0; i < 5; i++) {
        vi.advanceTimersByTime(typingResumeDelayMs - 100)
        playback.noteTyping()
      }
      expect(playback.playing).toBe(false)
      vi.advanceTimersByTime(typingResumeDelayMs)
      expect(log).toEqual(['pause', 'play'])
      expect(playback.playing).toBe(true)
    })

    it('rewinds on that resume when rewind-on-resume is set', () => {
      const { playback, log } = playing()
      playback.rewindOnResumeMs = 2000
      playback.reportTime(12_000)
      playback.noteTyping()
      vi.advanceTimersByTime(typingResumeDelayMs)
      expect(log).toEqual(['pause', 'seek 10000', 'play'])
    })

    it('the reviewer’s own pause (or leaving the task) cancels the resume; typing while paused by hand does not start playback', () => {
      const { playback, log } = playing()
      playback.noteTyping()
      playback.pause()
      vi.advanceTimersByTime(5 * typingResumeDelayMs)
      expect(log).toEqual(['pause', 'pause'])
      playback.noteTyping()
      vi.advanceTimersByTime(5 * typingResumeDelayMs)
      expect(playback.playing).toBe(false)

      playback.play()
      playback.noteTyping()
      playback.attachDriver(null)
      vi.advanceTimersByTime(5 * typingResumeDelayMs)
      expect(log.filter((l) => l === 'play')).toHaveLength(1)
    })
  })

  it('keeps the reviewer’s preferences in localStorage', async () => {
    const playback = usePlaybackStore()
    playback.setRate(1.5)
    playback.pauseWhileTyping = true
    await nextTick()
    expect(JSON.parse(localStorage.getItem(playbackPrefsKey) ?? '{}')).toEqual({ rate: 1.5, pauseWhileTyping: true, rewindOnResumeMs: 0 })
    setActivePinia(createPinia())
    expect(usePlaybackStore().rate).toBe(1.5)
    expect(usePlaybackStore().pauseWhileTyping).toBe(true)
  })
})
