import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'

// wavesurfer draws on canvas and needs real media: mocked here only (the e2e tests run it for real).
const created: Array<{ options: Record<string, unknown>; handlers: Map<string, (...args: unknown[]) => void>; wrapper: HTMLElement }> = []
vi.mock('wavesurfer.js', () => ({
  default: {
    create: (options: Record<string, unknown>) => {
      const handlers = new Map<string, (...args: unknown[]) => void>()
      const on = (event: string, fn: (...args: unknown[]) => void) => {
        handlers.set(event, fn)
        return () => undefined
      }
      const wrapper = document.createElement('div')
      const instance = { options, handlers, wrapper, on, getWrapper: () => wrapper, destroy: vi.fn(), zoom: vi.fn(), setOptions: vi.fn() }
      created.push(instance)
      return instance
    }
  }
}))
vi.mock('wavesurfer.js/dist/plugins/regions.esm.js', () => ({
  default: { create: () => ({ on: () => () => undefined, enableDragSelection: () => () => undefined, addRegion: vi.fn(() => ({ element: null, setOptions: vi.fn(), remove: vi.fn() })) }) }
}))
vi.mock('wavesurfer.js/dist/plugins/timeline.esm.js', () => ({ default: { create: () => ({}) } }))
vi.mock('wavesurfer.js/dist/plugins/minimap.esm.js', () => ({ default: { create: () => ({}) } }))

const { default: WaveformStrip } = await import('../../renderer/src/components/WaveformStrip.vue')

let fake: FakeSdte
beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  created.length = 0
})

async function mountWith(status: 'none' | 'ready') {
  fake.handlers['media:resolve'] = () =>
    status === 'none'
      ? { ok: true, value: { status: 'none' } }
      : { ok: true, value: { status: 'ready', url: 'http://127.0.0.1/media/1', contentType: 'audio/mpeg', size: 10, source: 'local', isVideo: false } }
  fake.handlers['media:attach'] = () => ({ ok: true, value: { status: 'ready', url: 'http://127.0.0.1/media/1', contentType: 'audio/mpeg', size: 10, source: 'local', isVideo: false } })
  fake.handlers['media:peaks'] = () => ({ ok: true, value: { status: 'ready', url: 'http://127.0.0.1/peaks/1', length: 2, peaksPerSecond: 100, durationMs: 30768, fromCache: false } })
  // Two (min, max) pairs, little-endian.
  const bytes = new Float32Array([-0.5, 0.25, -0.125, 1])
  vi.stubGlobal('fetch', vi.fn(async () => new Response(bytes.buffer)))
  useTaskStore().opened = openedSample()
  await nextTick()
  expect(useEditorStore().model).not.toBeNull()
  const wrapper = mount(WaveformStrip, { attachTo: document.body })
  await flushPromises()
  await flushPromises()
  return wrapper
}

describe('WaveformStrip', () => {
  it('offers to attach the recording when the task has none, and attaching loads it', async () => {
    const wrapper = await mountWith('none')
    expect(wrapper.find('[data-testid="attach-prompt"]').text()).toContain('no recording')
    expect(wrapper.find('[data-testid="media"]').exists()).toBe(false)
    await wrapper.find('[data-testid="attach-recording"]').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(fake.callsTo('media:attach')).toEqual([{ taskId: 1 }])
    expect(wrapper.find('audio[data-testid="media"]').exists()).toBe(true)
    expect(created).toHaveLength(1)
    wrapper.unmount()
  })

  it('gives wavesurfer the deinterleaved peaks and the duration (nothing to decode), and the media element the recording', async () => {
    const wrapper = await mountWith('ready')
    expect(created).toHaveLength(1)
    const options = created[0].options
    // Wavesurfer only draws: the player's frame loop is the one clock (wavesurfer on the element would run its own).
    expect(options.media).toBeUndefined()
    expect(options.url).toBeUndefined()
    expect(options.autoScroll).toBe(false)
    // The playhead is our line in wavesurfer's wrapper, not wavesurfer's cursor and played part.
    expect(options.cursorWidth).toBe(0)
    expect(options.progressColor).toBe(options.waveColor)
    expect(created[0].wrapper.querySelectorAll('[data-playhead]')).toHaveLength(1)
    expect((wrapper.find('audio').element as HTMLAudioElement).src).toBe('http://127.0.0.1/media/1')
    expect(options.duration).toBeCloseTo(30.768)
    const [max, min] = options.peaks as Float32Array[]
    expect(Array.from(max)).toEqual([0.25, 1])
    expect(Array.from(min)).toEqual([-0.5, -0.125])
    wrapper.unmount()
  })

  it('a click on the waveform is a user seek: it moves the playhead and the player', async () => {
    const wrapper = await mountWith('ready')
    const playback = usePlaybackStore()
    const seeks = playback.seekCount
    created[0].handlers.get('interaction')!(12.3456)
    expect(playback.timeMs).toBe(12346)
    expect(playback.seekCount).toBe(seeks + 1)
    expect((wrapper.find('audio').element as HTMLAudioElement).currentTime).toBeCloseTo(12.346)
    wrapper.unmount()
  })
})
