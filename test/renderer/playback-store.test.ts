import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { playbackPrefsKey, usePlaybackStore } from '../../renderer/src/stores/playback-store'
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
