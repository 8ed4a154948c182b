import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import PlaybackClock from '../../renderer/src/components/editor/PlaybackClock.vue'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'

/*
 * The clock is the one piece of text that changes while playing: every change of its text
 * repaints its box. The DOM is touched only when the text shown changes, and while playing the
 * text changes once a second (whole seconds), not ten times (tenths are shown when paused).
 */

beforeEach(() => setActivePinia(createPinia()))

/** Mounts the clock and records every change to its text (a rewrite of the text node, or a new node). */
async function mountClock() {
  const playback = usePlaybackStore()
  playback.reportDuration(3 * 3600 * 1000)
  const wrapper = mount(PlaybackClock, { attachTo: document.body })
  await nextTick()
  const clock = wrapper.find('[data-testid="playback-time"]').element
  const records: MutationRecord[] = []
  const observer = new MutationObserver((list) => records.push(...list))
  observer.observe(clock, { characterData: true, childList: true, subtree: true })
  /** Mutations seen so far (delivered after a microtask). */
  const changes = async (): Promise<number> => {
    await nextTick()
    records.push(...observer.takeRecords())
    return records.length
  }
  return { wrapper, clock, playback, changes, stop: () => (observer.disconnect(), wrapper.unmount()) }
}

describe('the playback clock', () => {
  it('while playing, frames within the same second leave its text node untouched', async () => {
    const { clock, playback, changes, stop } = await mountClock()
    playback.reportPlaying(true)
    playback.reportTime(61_000)
    await nextTick()
    const node = clock.firstChild
    expect(clock.textContent).toBe('1:01 / 3:00:00.0')
    const before = await changes()
    // About 60 frames of one second of playback.
    for (let ms = 61_016; ms < 62_000; ms += 16) {
      playback.reportTime(ms)
      await nextTick()
    }
    expect(await changes()).toBe(before)
    expect(clock.firstChild).toBe(node)
    playback.reportTime(62_010)
    await nextTick()
    expect(clock.textContent).toBe('1:02 / 3:00:00.0')
    expect(await changes()).toBeGreaterThan(before)
    stop()
  })

  it('paused, it shows tenths, and the same tenth is not written again', async () => {
    const { clock, playback, changes, stop } = await mountClock()
    playback.reportTime(61_230)
    await nextTick()
    expect(clock.textContent).toBe('1:01.2 / 3:00:00.0')
    const before = await changes()
    playback.reportTime(61_290)
    await nextTick()
    expect(await changes()).toBe(before)
    playback.reportTime(61_300)
    await nextTick()
    expect(clock.textContent).toBe('1:01.3 / 3:00:00.0')
    expect(await changes()).toBeGreaterThan(before)
    stop()
  })

  it('pausing shows where playback stopped to the tenth', async () => {
    const { clock, playback, stop } = await mountClock()
    playback.reportPlaying(true)
    playback.reportTime(5_470)
    await nextTick()
    expect(clock.textContent).toBe('0:05 / 3:00:00.0')
    playback.reportPlaying(false)
    await nextTick()
    expect(clock.textContent).toBe('0:05.4 / 3:00:00.0')
    stop()
  })
})
