import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import { fakePeaks } from './support/fake-peaks'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { resetPlatformForTests } from '../../renderer/src/lib/platform'
import { useEditorShortcuts } from '../../renderer/src/composables/use-editor-commands'
import { defineComponent, h } from 'vue'

// wavesurfer draws on canvas and needs real media: mocked here only (the e2e tests run it for real).
const created: Array<{ options: Record<string, unknown>; handlers: Map<string, (...args: unknown[]) => void>; wrapper: HTMLElement; load: ReturnType<typeof vi.fn> }> = []
vi.mock('wavesurfer.js', () => ({
  default: {
    create: (options: Record<string, unknown>) => {
      const handlers = new Map<string, (...args: unknown[]) => void>()
      // Every handler of an event runs (the composable subscribes to 'interaction' twice: seek, and clear the selection).
      const on = (event: string, fn: (...args: unknown[]) => void) => {
        const before = handlers.get(event)
        handlers.set(event, before ? (...args: unknown[]) => (before(...args), fn(...args)) : fn)
        return () => undefined
      }
      const wrapper = document.createElement('div')
      // What the regions plugin puts in the wrapper (its regions' container).
      const regionsContainer = document.createElement('div')
      regionsContainer.setAttribute('part', 'regions-container')
      regionsContainer.style.height = '100%'
      wrapper.appendChild(regionsContainer)
      const instance = {
        options, handlers, wrapper, on, getWrapper: () => wrapper, destroy: vi.fn(), zoom: vi.fn(), setOptions: vi.fn(), load: vi.fn(async () => undefined),
        getDuration: () => (options.duration as number | undefined) ?? 30.768, getWidth: () => 1000, getScroll: () => 0, setTime: vi.fn(), setScroll: vi.fn(), setScrollTime: vi.fn(),
        registerPlugin: vi.fn()
      }
      created.push(instance)
      return instance
    }
  }
}))
const addedRegions: Array<{ id: string; element: HTMLElement; color?: string }> = []
const dragSelections: Array<{ color?: string }> = []
vi.mock('wavesurfer.js/dist/plugins/regions.esm.js', () => ({
  default: {
    create: () => ({
      on: () => () => undefined,
      enableDragSelection: (options: { color?: string }) => (dragSelections.push(options), () => undefined),
      addRegion: vi.fn((options: { id: string; start: number; end: number }) => {
        const region = { ...options, element: document.createElement('div'), setOptions: vi.fn(), remove: vi.fn() }
        addedRegions.push(region)
        return region
      })
    })
  }
}))
vi.mock('wavesurfer.js/dist/plugins/minimap.esm.js', () => ({ default: { create: () => ({ on: () => () => undefined }) } }))

const { default: WaveformStrip } = await import('../../renderer/src/components/WaveformStrip.vue')

/** Installs the editor's key listener (as the editor layout does) for as long as it is mounted. */
const shortcutsHost = defineComponent({ setup: () => (useEditorShortcuts(), () => h('div')) })

let fake: FakeSdte
beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  created.length = 0
  addedRegions.length = 0
  dragSelections.length = 0
  localStorage.clear()
  resetPlatformForTests('Linux x86_64')
})

async function mountWith(status: 'none' | 'ready' | 'video') {
  fake.handlers['media:resolve'] = () =>
    status === 'none'
      ? { ok: true, value: { status: 'none' } }
      : { ok: true, value: { status: 'ready', url: 'http://127.0.0.1/media/1', contentType: status === 'video' ? 'video/mp4' : 'audio/mpeg', size: 10, source: 'local', isVideo: status === 'video' } }
  fake.handlers['media:attach'] = () => ({ ok: true, value: { status: 'ready', url: 'http://127.0.0.1/media/1', contentType: 'audio/mpeg', size: 10, source: 'local', isVideo: false } })
  fake.handlers['media:peaks'] = () => ({ ok: true, value: { status: 'ready', url: 'http://127.0.0.1/peaks/1', length: 2, peaksPerSecond: 100, durationMs: 30768, fromCache: false } })
  // Main's peaks route: one level of two (min, max) pairs, little-endian.
  const bytes = new Float32Array([-0.5, 0.25, -0.125, 1])
  const levels = { complete: true, durationMs: 30768, sampleRate: 44100, levels: [{ peaksPerSecond: 100, length: 2 }] }
  vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.endsWith('?levels') ? new Response(JSON.stringify(levels)) : new Response(bytes.buffer))))
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

  it('regions stay on the wave: their container ends where the time ruler begins, and annotations have a lane in pixels above it', async () => {
    const wrapper = await mountWith('ready')
    const ruler = (created[0].options.plugins as unknown[]).length
    expect(ruler).toBeGreaterThan(1)
    const height = created[0].options.height as number
    const container = created[0].wrapper.querySelector<HTMLElement>('[part="regions-container"]')!
    expect(container.style.height).toBe(`${height}px`)
    created[0].handlers.get('ready')!()
    await flushPromises()
    const lane = addedRegions.filter((r) => r.id.startsWith('annotation:'))
    expect(lane).toHaveLength(1)
    // Inside the wave, in pixels (a share of the wrapper would reach into the ruler, which it also holds).
    const top = parseFloat(lane[0].element.style.top)
    const laneHeight = parseFloat(lane[0].element.style.height)
    expect(lane[0].element.style.top).toMatch(/px$/)
    expect(top).toBeGreaterThan(height / 2)
    expect(top + laneHeight).toBeLessThanOrEqual(height)
    wrapper.unmount()
  })
})

describe('the first waveform of a long recording', () => {
  const threeHours = 3 * 3600

  /** Mounts the strip for a 3-hour recording whose peaks main is still decoding; `answer` ends the decode. */
  async function mountDecoding() {
    const main = fakePeaks(threeHours)
    vi.stubGlobal('fetch', main.fetch)
    fake.handlers['media:resolve'] = () => ({ ok: true, value: { status: 'ready', url: 'http://127.0.0.1/media/k', contentType: 'audio/mpeg', size: 200e6, source: 'cache', isVideo: false } })
    let answer: () => void = () => undefined
    fake.handlers['media:peaks'] = () =>
      new Promise((resolve) => {
        answer = () => resolve({ ok: true, value: { status: 'ready', url: 'http://127.0.0.1/peaks/k', length: main.peaks.length, peaksPerSecond: 100, durationMs: threeHours * 1000, fromCache: false } })
      })
    useTaskStore().opened = openedSample()
    await nextTick()
    const wrapper = mount(WaveformStrip, { attachTo: document.body })
    await flushPromises()
    const progress = async (fraction: number, withUrl = true): Promise<void> => {
      fake.emit('media:progress', { taskId: 1, phase: 'peaks', fraction, ...(withUrl ? { peaksUrl: 'http://127.0.0.1/peaks/k', bucketsDone: 0, buckets: main.peaks.length } : {}) })
      await flushPromises()
      await flushPromises()
    }
    return { wrapper, main, progress, answer: async () => (answer(), await flushPromises(), await flushPromises()) }
  }

  it('plays and edits at once: the player has the recording while main computes the peaks, and the note blocks nothing', async () => {
    const { wrapper, main, answer } = await mountDecoding()
    expect((wrapper.find('audio').element as HTMLAudioElement).src).toBe('http://127.0.0.1/media/k')
    expect(wrapper.find('[data-testid="peaks-progress"]').text()).toContain('Computing the waveform')
    expect(created).toHaveLength(0)
    // Play works before any peaks exist.
    await wrapper.find('[data-testid="play-toggle"]').trigger('click')
    expect(main.requests).toEqual([])
    await answer()
    wrapper.unmount()
  })

  it('draws the overview from the peaks so far, refreshes it as progress arrives, and never fetches the whole detail level', async () => {
    const { wrapper, main, progress, answer } = await mountDecoding()
    // A progress without the peaks URL (main has no buckets yet) fetches nothing.
    await progress(0.01, false)
    expect(main.requests).toEqual([])
    // Main has the URL but no buckets yet: its 404 is "not yet", not an error.
    await progress(0.02)
    expect(created).toHaveLength(0)
    expect(wrapper.find('[data-testid="peaks-progress"]').exists()).toBe(true)
    main.decode(0, 50_000, 0.5)
    await progress(0.05)
    expect(created).toHaveLength(1)
    const overviewLength = main.peaks.length / 8 ** 3
    const [max] = created[0].options.peaks as Float32Array[]
    expect(max.length).toBeCloseTo(overviewLength, -1)
    expect(max[0]).toBeCloseTo(0.5)
    expect(max[max.length - 1]).toBe(0)
    expect(created[0].options.duration).toBe(threeHours)
    // The waveform is shown while the note says the rest is still being computed.
    expect((wrapper.find('[data-testid="waveform"]').element as HTMLElement).style.display).not.toBe('none')
    expect(wrapper.find('[data-testid="peaks-progress"]').exists()).toBe(true)
    // Another percent decoded is not worth a redraw of both strips; five are.
    const asked = main.requests.length
    await progress(0.06)
    await progress(0.09)
    expect(main.requests).toHaveLength(asked)
    main.decode(500_000, 50_000, 0.75)
    await progress(0.5)
    const load = created[0].load as unknown as { mock: { calls: Array<[string, Float32Array[], number]> } }
    const latest = load.mock.calls.at(-1)!
    expect(latest[2]).toBe(threeHours)
    expect(Math.max(...latest[1][0])).toBeCloseTo(0.75)
    main.decode(0, main.peaks.length, 0.25)
    main.complete = true
    await answer()
    expect(wrapper.find('[data-testid="peaks-progress"]').exists()).toBe(false)
    expect(created).toHaveLength(1)
    expect(main.requests.every((r) => r.endsWith('?levels') || r.includes('level='))).toBe(true)
    expect(main.requests.some((r) => r.includes('level=0'))).toBe(false)
    wrapper.unmount()
  })

  it('zoomed in, it fetches the detail around the view only', async () => {
    const { wrapper, main, answer } = await mountDecoding()
    main.decode(0, main.peaks.length, 0.25)
    main.complete = true
    await answer()
    const instance = created[0]
    instance.handlers.get('ready')!()
    await flushPromises()
    expect(main.requests.some((r) => r.includes('level=0'))).toBe(false)
    // 40 px/s over 3 hours: the wrapper is 432,000 px wide, the view 1000 px (25 s).
    Object.defineProperty(instance.wrapper, 'clientWidth', { value: 432_000, configurable: true })
    instance.handlers.get('zoom')!(40)
    await flushPromises()
    await flushPromises()
    const detail = main.requests.filter((r) => r.includes('level=0'))
    expect(detail).toEqual(['/peaks/k?level=0&start=0&end=7500'])
    const load = instance.load as unknown as { mock: { calls: Array<[string, Float32Array[], number]> } }
    expect(load.mock.calls.at(-1)![1][0]).toHaveLength(main.peaks.length)
    wrapper.unmount()
  })
})

describe('the waveform follows the theme', () => {
  it('the selection, annotation and loop regions take their colours from the theme\'s --region-* variables, like the wave', async () => {
    // What a theme would set (jsdom resolves custom properties from style sheets, not inherited).
    const theme = document.createElement('style')
    theme.textContent = `[data-testid="waveform"] {
      --wave-solid: rgb(9, 9, 9); --region-selection: rgb(1, 1, 1); --region-annotation: rgb(2, 2, 2);
      --region-loop: rgb(3, 3, 3); --region-loop-edge: rgb(4, 4, 4); }`
    document.head.appendChild(theme)
    try {
      const wrapper = await mountWith('ready')
      created[0].handlers.get('ready')!()
      await flushPromises()
      expect(created[0].options.waveColor).toBe('rgb(9, 9, 9)')
      expect(dragSelections.map((o) => o.color)).toEqual(['rgb(1, 1, 1)'])
      expect(addedRegions.filter((r) => r.id.startsWith('annotation:')).map((r) => r.color)).toEqual(['rgb(2, 2, 2)'])
      const segments = useEditorStore().model!.segments
      usePlaybackStore().setLoop({ startMs: segments[0].startMs, endMs: segments[0].endMs })
      await flushPromises()
      const loop = addedRegions.find((r) => r.id === 'loop')!
      expect(loop.color).toBe('rgb(3, 3, 3)')
      expect(loop.element.style.borderTop).toBe('3px solid rgb(4, 4, 4)')
      wrapper.unmount()
    } finally {
      theme.remove()
    }
  })
})

describe('the Loop button and the loop shortcut', () => {
  const pressLoop = (): void => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true }))

  /** Loops once by `how` from the given state and returns the range (then stops looping). */
  async function loopFrom(how: 'button' | 'shortcut', state: { playing: boolean; timeMs: number; cursorSegment: number }) {
    const editor = useEditorStore()
    const playback = usePlaybackStore()
    const segments = editor.model!.segments
    playback.reportPlaying(false)
    // (Pausing puts the cursor where playback stopped: the state's cursor is set after that.)
    await nextTick()
    editor.goTo(segments[state.cursorSegment].id, 0, { seek: false, focus: false })
    playback.reportTime(state.timeMs)
    playback.reportPlaying(state.playing)
    await nextTick()
    if (how === 'button') await strip.get('[data-testid="loop-toggle"]').trigger('click')
    else pressLoop()
    const range = playback.loop
    const time = playback.timeMs
    playback.setLoop(null)
    return { range, time }
  }

  let strip: Awaited<ReturnType<typeof mountWith>>
  it('loop the same segment: the one playing while playing, the cursor’s when paused', async () => {
    strip = await mountWith('ready')
    const shortcuts = mount(shortcutsHost, { attachTo: document.body })
    const segments = useEditorStore().model!.segments
    const rangeOf = (i: number) => ({ startMs: segments[i].startMs, endMs: segments[i].endMs })
    // Playing in the third segment with the cursor on the first.
    const playingAt = segments[2].startMs + 600
    for (const how of ['button', 'shortcut'] as const) {
      expect((await loopFrom(how, { playing: true, timeMs: playingAt, cursorSegment: 0 })).range).toEqual(rangeOf(2))
      // Paused: the cursor's segment, and the playhead goes to its start so Play plays it.
      const paused = await loopFrom(how, { playing: false, timeMs: playingAt, cursorSegment: 1 })
      expect(paused.range).toEqual(rangeOf(1))
      expect(paused.time).toBe(segments[1].startMs)
      // Paused inside the looped segment: the playhead stays where it is.
      const inside = await loopFrom(how, { playing: false, timeMs: segments[3].startMs + 900, cursorSegment: 3 })
      expect(inside.range).toEqual(rangeOf(3))
      expect(inside.time).toBe(segments[3].startMs + 900)
      // Between two words' segments while playing (a gap): still the segment being played.
      expect((await loopFrom(how, { playing: true, timeMs: segments[1].endMs + 100, cursorSegment: 3 })).range).toEqual(rangeOf(1))
    }
    // Either one stops the loop the other started.
    await strip.get('[data-testid="loop-toggle"]').trigger('click')
    expect(usePlaybackStore().loop).not.toBeNull()
    expect(strip.get('[data-testid="loop-toggle"]').attributes('aria-pressed')).toBe('true')
    pressLoop()
    expect(usePlaybackStore().loop).toBeNull()
    shortcuts.unmount()
    strip.unmount()
  })

  it('the button’s tooltip says what it loops and names the shortcut as bound now', async () => {
    strip = await mountWith('ready')
    const button = strip.get('[data-testid="loop-toggle"]')
    expect(button.attributes('title')).toBe('Loop the segment playing (paused: the cursor’s) (Ctrl+Shift+L)')
    await button.trigger('click')
    expect(button.attributes('title')).toBe('Stop looping (Ctrl+Shift+L)')
    strip.unmount()
  })
})

describe('the video player', () => {
  it('is resized from its corner handle by keyboard: a focusable separator with its value, remembered', async () => {
    const wrapper = await mountWith('video')
    const box = wrapper.get('[data-testid="video-box"]')
    const handle = wrapper.get('[role="separator"][aria-label="Size of the video player"]')
    expect(handle.attributes('tabindex')).toBe('0')
    expect(handle.attributes('aria-valuenow')).toBe('224')
    expect(handle.attributes('aria-valuemin')).toBe('120')
    expect(Number(handle.attributes('aria-valuemax'))).toBeGreaterThan(224)
    expect(box.attributes('style')).toContain('width: 224px')
    expect(box.attributes('style')).toContain('height: 126px')
    await handle.trigger('keydown', { key: 'ArrowRight' })
    await handle.trigger('keydown', { key: 'ArrowUp' })
    expect(handle.attributes('aria-valuenow')).toBe('256')
    expect(box.attributes('style')).toContain('height: 144px')
    await handle.trigger('keydown', { key: 'ArrowLeft', shiftKey: true })
    expect(handle.attributes('aria-valuenow')).toBe('192')
    await handle.trigger('keydown', { key: 'Home' })
    expect(handle.attributes('aria-valuenow')).toBe('120')
    await handle.trigger('keydown', { key: 'End' })
    expect(handle.attributes('aria-valuenow')).toBe(handle.attributes('aria-valuemax'))
    await handle.trigger('keydown', { key: 'PageDown' })
    const kept = handle.attributes('aria-valuenow')
    expect(handle.attributes('aria-valuetext')).toMatch(/^Video \d+ × \d+ pixels$/)
    wrapper.unmount()
    // Remembered for the next video.
    const again = await mountWith('video')
    expect(again.get('[data-testid="video-resize"]').attributes('aria-valuenow')).toBe(kept)
    again.unmount()
  })

  it('its arrow keys resize the player only: they do not also move the transcript cursor', async () => {
    const wrapper = await mountWith('video')
    const shortcuts = mount(shortcutsHost, { attachTo: document.body })
    const editor = useEditorStore()
    const before = { ...editor.cursor }
    const handle = wrapper.get('[data-testid="video-resize"]')
    ;(handle.element as HTMLElement).focus()
    await handle.trigger('keydown', { key: 'ArrowRight' })
    await handle.trigger('keydown', { key: 'ArrowDown' })
    expect(editor.cursor).toEqual(before)
    shortcuts.unmount()
    wrapper.unmount()
  })
})

describe('WaveformStrip: the recording prompt (export-supplied links)', () => {
  const readyState = { status: 'ready', url: 'http://127.0.0.1/media/1', contentType: 'audio/mpeg', size: 10, source: 'download', isVideo: false }

  async function mountResolving(first: unknown) {
    fake.handlers['media:resolve'] = (request: unknown) =>
      (request as { allowHost?: string }).allowHost ? { ok: true, value: readyState } : { ok: true, value: first }
    fake.handlers['media:peaks'] = () => ({ ok: true, value: { status: 'unsupported', reason: 'test' } })
    useTaskStore().opened = openedSample()
    await nextTick()
    const wrapper = mount(WaveformStrip, { attachTo: document.body })
    await flushPromises()
    await flushPromises()
    return wrapper
  }

  it('an expired server link offers "Get a fresh link" before attaching; it asks main and plays the new download', async () => {
    let finish: (value: unknown) => void = () => undefined
    fake.handlers['media:refreshLink'] = () => new Promise((resolve) => (finish = resolve as (value: unknown) => void))
    const wrapper = await mountResolving({ status: 'expired', canRefresh: true })
    const buttons = wrapper.findAll('[data-testid="attach-prompt"] button').map((b) => b.text())
    expect(buttons).toEqual(['Get a fresh link', 'Attach the recording…'])
    await wrapper.find('[data-testid="refresh-link"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('media:refreshLink')).toEqual([{ taskId: 1 }])
    // While it downloads: bytes and percent from main's progress events.
    fake.emit('media:progress', { taskId: 1, phase: 'download', fraction: 0.25, receivedBytes: 2 * 1024 * 1024, totalBytes: 8 * 1024 * 1024 })
    await nextTick()
    expect(wrapper.find('[data-testid="download-progress"]').text()).toContain('2.0 of 8.0 MB (25%)')
    finish({ ok: true, value: readyState })
    await flushPromises()
    await flushPromises()
    expect(wrapper.find('[data-testid="attach-prompt"]').exists()).toBe(false)
    expect((wrapper.find('audio').element as HTMLAudioElement).src).toBe('http://127.0.0.1/media/1')
    wrapper.unmount()
  })

  it('an expired link of an opened file offers only attaching', async () => {
    const wrapper = await mountResolving({ status: 'expired' })
    expect(wrapper.find('[data-testid="refresh-link"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="attach-recording"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('an opened file’s recording is fetched only after the reviewer agrees to the host shown', async () => {
    const wrapper = await mountResolving({ status: 'confirm', host: 'blob.example.net' })
    expect(wrapper.find('[data-testid="attach-prompt"]').text()).toContain('blob.example.net')
    expect(fake.callsTo('media:resolve')).toEqual([{ taskId: 1 }])
    await wrapper.find('[data-testid="download-recording"]').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(fake.callsTo('media:resolve')).toEqual([{ taskId: 1 }, { taskId: 1, allowHost: 'blob.example.net' }])
    expect(wrapper.find('audio[data-testid="media"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
