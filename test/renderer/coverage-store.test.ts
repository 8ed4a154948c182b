import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { nextTick } from 'vue'
import { useCoverageStore } from '../../renderer/src/stores/coverage-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useDraftStore } from '../../renderer/src/stores/draft-store'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import type { TranscriptModel } from '../../shared/transcript'

/*
 * The coverage store against the playback store as the media player drives it (reportTime per
 * frame, reportPlaying, user seeks), with the real IPC contract over a fake transport.
 */

let fake: FakeSdte

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  fake = installFakeSdte()
})

async function openTask() {
  const coverage = useCoverageStore()
  const playback = usePlaybackStore()
  useTaskStore().opened = openedSample()
  await flushPromises()
  playback.reportDuration(60_000)
  return { coverage, playback }
}

/** The player playing from `from` to `to` in frames of `step` media ms (one watcher run per frame). */
async function play(playback: ReturnType<typeof usePlaybackStore>, from: number, to: number, step = 250): Promise<void> {
  playback.reportTime(from)
  playback.reportPlaying(true)
  await nextTick()
  for (let t = from + step; t <= to; t += step) {
    playback.reportTime(t)
    await nextTick()
  }
  playback.reportPlaying(false)
  await nextTick()
}

describe('coverage store', () => {
  it('counts what plays at 1×, from the media time', async () => {
    const { coverage, playback } = await openTask()
    expect(coverage.taskId).toBe(1)
    await play(playback, 10_000, 16_000)
    expect(coverage.heard).toEqual([[10_000, 16_000]])
    expect(coverage.percent).toBe(10)
  })

  it('does not count playback faster than the setting (2× by default does not count; 1.5× does)', async () => {
    const { coverage, playback } = await openTask()
    playback.setRate(2)
    await play(playback, 0, 6000)
    expect(coverage.heard).toEqual([])
    playback.setRate(1.5)
    await play(playback, 0, 3000)
    expect(coverage.heard).toEqual([[0, 3000]])
    coverage.setMaxRate(2)
    playback.setRate(2)
    await play(playback, 30_000, 31_000)
    expect(coverage.heard).toEqual([[0, 3000], [30_000, 31_000]])
  })

  it('a seek or skip while playing does not count the span it jumps over', async () => {
    const { coverage, playback } = await openTask()
    playback.reportTime(0)
    playback.reportPlaying(true)
    await nextTick()
    for (const t of [250, 500, 750, 1000]) {
      playback.reportTime(t)
      await nextTick()
    }
    playback.seek(1800) // a click 0.8 s ahead: under the frame limit, still not heard
    await nextTick()
    for (const t of [1800, 2050, 2300]) {
      playback.reportTime(t)
      await nextTick()
    }
    expect(coverage.heard).toEqual([[0, 1000], [1800, 2300]])
  })

  it('a loop going round (time goes back) or a leap the player made itself is not listening', async () => {
    const { coverage, playback } = await openTask()
    playback.reportPlaying(true)
    for (const t of [5000, 5250, 5500, 5000, 5250, 9000, 9250]) {
      playback.reportTime(t)
      await nextTick()
    }
    expect(coverage.heard).toEqual([[5000, 5500], [9000, 9250]])
  })

  it('loads the saved state, adds to it, and saves the whole set with the active time', async () => {
    fake.handlers['reviewState:load'] = () => ({ ok: true, value: { state: { heard: [[0, 4000]], maxRate: 1.5, activeMs: 90_000, durationMs: 60_000, savedAt: 5 }, problem: null } })
    const { coverage, playback } = await openTask()
    expect(coverage.heard).toEqual([[0, 4000]])
    await play(playback, 4000, 5000)
    coverage.noteActivity(1_000)
    coverage.tick(1_000, true)
    coverage.tick(3_000, true)
    await coverage.save()
    expect(fake.callsTo('reviewState:save')).toEqual([{ taskId: 1, state: { heard: [[0, 5000]], maxRate: 1.5, activeMs: 92_000, durationMs: 60_000 } }])
    // Nothing new: no write.
    await coverage.save()
    expect(fake.callsTo('reviewState:save')).toHaveLength(1)
  })

  it('says when the sidecar was unreadable, and starts empty', async () => {
    fake.handlers['reviewState:load'] = () => ({ ok: true, value: { state: null, problem: { message: 'The review state of task 1 was unreadable (not JSON); it was kept as /x.corrupt-1 and coverage starts empty.', keptAt: '/x.corrupt-1' } } })
    const { coverage } = await openTask()
    expect(coverage.problem).toMatch(/unreadable/)
    expect(coverage.heard).toEqual([])
  })

  it('a failed save is said and tried again with the next save', async () => {
    const { coverage, playback } = await openTask()
    fake.handlers['reviewState:save'] = () => ({ ok: false, error: { code: 'io', message: 'the disk is full' } })
    await play(playback, 0, 1000)
    await coverage.save()
    expect(coverage.problem).toBe('Coverage not saved: the disk is full')
    fake.handlers['reviewState:save'] = () => ({ ok: true, value: { savedAt: 9 } })
    await coverage.save()
    expect(coverage.problem).toBeNull()
    expect(fake.callsTo('reviewState:save')).toHaveLength(2)
  })

  it('counts active time only while focused and within a minute of the last key or playback', async () => {
    const { coverage, playback } = await openTask()
    coverage.tick(0, true)
    coverage.noteActivity(0)
    coverage.tick(30_000, true)
    coverage.tick(90_000, true) // idle after 60 s: 30 s of this counts
    coverage.tick(100_000, false)
    expect(coverage.activeMs).toBe(60_000)
    playback.reportPlaying(true)
    coverage.tick(200_000, true) // playing is activity
    coverage.tick(201_000, true)
    expect(coverage.activeMs).toBe(61_000)
  })

  it('jumps to the next unheard stretch of 3 s or more', async () => {
    const { coverage, playback } = await openTask()
    coverage.record(0, 10_000)
    coverage.record(11_000, 40_000)
    expect(coverage.jumpToNextUnheard()).toBe(true)
    expect(playback.timeMs).toBe(40_000)
    coverage.record(40_000, 60_000)
    expect(coverage.jumpToNextUnheard()).toBe(false)
  })

  it('starts again when the draft is discarded (main deleted the sidecar)', async () => {
    const { coverage } = await openTask()
    coverage.record(0, 5000)
    await useDraftStore().discard({ taskId: 1 } as TranscriptModel)
    expect(coverage.heard).toEqual([])
    expect(coverage.dirty).toBe(false)
  })

  it('saves the old task before loading the next one', async () => {
    const { coverage, playback } = await openTask()
    await play(playback, 0, 1000)
    useTaskStore().opened = null
    await flushPromises()
    expect(fake.callsTo('reviewState:save')).toEqual([{ taskId: 1, state: expect.objectContaining({ heard: [[0, 1000]] }) }])
    expect(coverage.taskId).toBeNull()
  })
})
