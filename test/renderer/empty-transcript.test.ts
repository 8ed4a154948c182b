import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import EditorLayout from '../../renderer/src/components/EditorLayout.vue'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { parseTranscriptExport } from '../../shared/api/parse-export'
import { toTranscriptExport } from '../../shared/transcript'
import { installFakeSdte, openedSample } from './support/fake-sdte'

/*
 * A task not transcribed yet (`transcript: null` in its export) opens in the editor: the notice
 * bar says there is no transcript yet, and the reviewer can start one at the playhead. A bare
 * segment list opens with its own notice. The layout is mounted whole (waveform and header
 * stubbed: they need a media element and the shell) so the notice is shown where reviewers look.
 */

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  installFakeSdte()
})

/** The sample task with its `transcript` replaced (the rest of the export as it is). */
function openWith(transcript: unknown) {
  const sample = openedSample()
  const data = parseTranscriptExport({ ...JSON.parse(JSON.stringify(sample.data)), transcript })
  useTaskStore().opened = { ...sample, data }
  return data
}

async function mountLayout() {
  const wrapper = mount(EditorLayout, { attachTo: document.body, global: { stubs: { WaveformStrip: true, TaskHeader: true, StatusBar: true } } })
  await flushPromises()
  return wrapper
}

describe('a task with no transcript yet', () => {
  it('opens with a notice, and the reviewer can start a segment at the playhead', async () => {
    const data = openWith(null)
    const wrapper = await mountLayout()
    const editor = useEditorStore()
    expect(editor.model!.segments).toHaveLength(0)
    const notice = wrapper.get('[data-testid="transcript-notice"]')
    expect(notice.attributes('data-kind')).toBe('no-transcript')
    expect(notice.text()).toContain('This task has no transcript yet')
    expect(wrapper.get('[data-testid="segment-count"]').text()).toBe('0 segments')

    usePlaybackStore().reportTime(4200)
    await wrapper.get('[data-testid="add-segment-at-playhead"]').trigger('click')
    await nextTick()
    const seg = editor.model!.segments[0]
    expect(seg).toMatchObject({ startMs: 4200, endMs: 7200, words: [] })
    expect(editor.model!.speakers.map((s) => s.name)).toEqual(['Speaker 1'])
    // The reviewer types into it straight away; the notice has done its job.
    expect(editor.editing?.segmentId).toBe(seg.id)
    expect(wrapper.find('[data-testid="transcript-notice"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="segment-count"]').text()).toBe('1 segments')

    // Undone, the export is the one loaded again: null stays null.
    expect(editor.undo()).toBe(true)
    expect(toTranscriptExport(editor.model!)).toBe(data)
    wrapper.unmount()
  })

  it('can be dismissed', async () => {
    openWith(null)
    const wrapper = await mountLayout()
    await wrapper.get('[data-testid="transcript-notice"] button[aria-label="Dismiss"]').trigger('click')
    expect(wrapper.find('[data-testid="transcript-notice"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('other shapes of transcript', () => {
  it('a bare array of segments opens with its notice and all its segments', async () => {
    const sample = openedSample().data as { transcript: { transcripts: unknown[] } }
    openWith(sample.transcript.transcripts)
    const wrapper = await mountLayout()
    expect(wrapper.get('[data-testid="transcript-notice"]').attributes('data-kind')).toBe('transcript-flat')
    expect(wrapper.get('[data-testid="segment-count"]').text()).toBe(`${sample.transcript.transcripts.length} segments`)
    wrapper.unmount()
  })

  it('the documented shape opens with no notice', async () => {
    useTaskStore().opened = openedSample()
    const wrapper = await mountLayout()
    expect(useEditorStore().model!.segments.length).toBeGreaterThan(0)
    expect(wrapper.find('[data-testid="transcript-notice"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
