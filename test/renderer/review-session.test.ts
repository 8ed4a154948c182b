import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { useReviewSession } from '../../renderer/src/composables/use-review-session'
import { reviewStateSaveEveryMs, useCoverageStore } from '../../renderer/src/stores/coverage-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'

/*
 * The review session's saves: the sidecar is written at most every few seconds while coverage
 * changes (throttled, so steady playback still saves), at once when the window loses focus, and
 * when the editor goes away. Fake timers stand in for the clock; nothing waits on real time.
 */

let fake: FakeSdte
const Host = defineComponent({
  setup() {
    useReviewSession()
    return () => h('div')
  }
})

beforeEach(() => {
  vi.useFakeTimers()
  localStorage.clear()
  setActivePinia(createPinia())
  fake = installFakeSdte()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('review session saves', () => {
  it('throttles saves to one per interval while things change, and saves on blur and on unmount', async () => {
    useTaskStore().opened = openedSample()
    const coverage = useCoverageStore()
    await flushPromises()
    const host = mount(Host)
    coverage.record(0, 1000)
    await flushPromises()
    vi.advanceTimersByTime(reviewStateSaveEveryMs - 1)
    coverage.record(1000, 2000)
    await flushPromises()
    expect(fake.callsTo('reviewState:save')).toHaveLength(0)
    vi.advanceTimersByTime(1)
    await flushPromises()
    expect(fake.callsTo('reviewState:save')).toEqual([{ taskId: 1, state: expect.objectContaining({ heard: [[0, 2000]] }) }])

    coverage.record(5000, 6000)
    await flushPromises()
    window.dispatchEvent(new Event('blur'))
    await flushPromises()
    expect(fake.callsTo('reviewState:save')).toHaveLength(2)

    coverage.record(7000, 8000)
    await flushPromises()
    host.unmount()
    await flushPromises()
    expect(fake.callsTo('reviewState:save')).toHaveLength(3)
    expect(fake.callsTo('reviewState:save')[2]).toMatchObject({ state: { heard: [[0, 2000], [5000, 6000], [7000, 8000]] } })
  })

  it('counts a key in the window as activity for the active-time ticker', async () => {
    useTaskStore().opened = openedSample()
    const coverage = useCoverageStore()
    await flushPromises()
    vi.spyOn(document, 'hasFocus').mockReturnValue(true)
    const host = mount(Host)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(3000)
    expect(coverage.activeMs).toBe(3000)
    host.unmount()
  })
})
