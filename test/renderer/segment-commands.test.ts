import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import TranscriptSegment from '../../renderer/src/components/editor/TranscriptSegment.vue'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useEditorUiStore } from '../../renderer/src/stores/editor-ui-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { mountSampleEditor, pressKey, resetEditorTest } from './support/editor-mount'
import { openedSample } from './support/fake-sdte'

/*
 * "New segment" and "Delete segment" from where reviewers reach them: the keyboard (the window
 * listener, as bound now), the transcript toolbar, a row's Delete button, the notice bar's Undo,
 * and the help overlay. The layout is mounted whole (waveform, header and status bar stubbed).
 */

beforeEach(resetEditorTest)

const mountSample = mountSampleEditor
const press = pressKey

describe('new segment and delete segment in the editor', () => {
  it('from the keyboard: Ctrl+Shift+Enter adds at the playhead, Ctrl+Shift+Backspace deletes the cursor segment and says how to undo', async () => {
    const { wrapper, editor } = await mountSample()
    usePlaybackStore().reportTime(200)
    press('Enter', 'Enter', { ctrl: true, shift: true })
    await flushPromises()
    expect(wrapper.get('[data-testid="segment-count"]').text()).toBe('5 segments')
    expect(editor.model!.segments[0]).toMatchObject({ startMs: 200, endMs: 500, words: [] })
    expect(editor.editing?.segmentId).toBe(editor.model!.segments[0].id)

    editor.stopEditing()
    const second = editor.model!.segments[1]
    editor.goTo(second.id)
    press('Backspace', 'Backspace', { ctrl: true, shift: true })
    await flushPromises()
    expect(wrapper.get('[data-testid="segment-count"]').text()).toBe('4 segments')
    expect(wrapper.get('[data-testid="editor-message"]').text()).toContain('Segment deleted — Ctrl+Z to undo')
    expect(wrapper.get('[data-testid="editor-message"]').element.parentElement!.getAttribute('role')).toBe('status')

    press('z', 'KeyZ', { ctrl: true })
    await flushPromises()
    expect(editor.model!.segments[1].id).toBe(second.id)
    expect(editor.cursor?.segmentId).toBe(second.id)
    expect(wrapper.find('[data-testid="editor-message"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('by mouse: the toolbar button follows the waveform selection and uses it up; the notice’s Undo brings a deleted segment back', async () => {
    const { wrapper, editor } = await mountSample()
    const button = wrapper.get('[data-testid="new-segment"]')
    expect(button.text()).toBe('+ Segment')
    expect(button.attributes('title')).toBe('New segment at the playhead (Ctrl+Shift+Enter)')
    editor.selection = { startMs: 8800, endMs: 9300 }
    await nextTick()
    expect(button.text()).toBe('+ Segment from selection')
    expect(button.attributes('title')).toBe('New segment from the selection (Ctrl+Shift+Enter)')
    await button.trigger('click')
    await flushPromises()
    expect(editor.model!.segments[1]).toMatchObject({ startMs: 8800, endMs: 9300 })
    expect(editor.selection).toBeNull()
    expect(button.text()).toBe('+ Segment')

    // The pane's rows need a laid-out scroller (the virtualiser), so a row is mounted on its own below.
    const target = editor.model!.segments[2]
    editor.deleteSegment(target.id)
    await flushPromises()
    expect(editor.model!.segments.map((s) => s.id)).not.toContain(target.id)
    await wrapper.get('[data-testid="editor-message-undo"]').trigger('click')
    await flushPromises()
    expect(editor.model!.segments[2].id).toBe(target.id)
    expect(wrapper.find('[data-testid="editor-message"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('a row’s Delete button asks for that row, with the keys in its tooltip', async () => {
    useTaskStore().opened = openedSample()
    await nextTick()
    const segment = useEditorStore().model!.segments[1]
    const row = mount(TranscriptSegment, {
      attachTo: document.body,
      props: { segment, index: 1, speakerName: 'Ben Carter', speakerNumber: 1, isCursor: true, cursorWord: -1, editing: null, deleteHint: 'Delete segment (Ctrl+Shift+Backspace)' }
    })
    const del = row.get('[data-testid="delete-segment"]')
    expect(del.attributes('title')).toBe('Delete segment (Ctrl+Shift+Backspace)')
    expect(del.attributes('aria-label')).toBe('Delete the segment at 0:09.3')
    expect(del.attributes('tabindex')).toBe('0')
    await del.trigger('click')
    expect(row.emitted('delete')).toEqual([[segment.id]])
    // A button, not a click on the row's blank part.
    expect(row.emitted('row')).toBeUndefined()
    row.unmount()
  })

  it('a refusal (playhead inside a segment with no gap after it) is said in the notice bar and changes nothing', async () => {
    const { wrapper, editor } = await mountSample()
    // Fill the gap after the second segment, then ask again from inside it.
    editor.addSegmentFromSelection({ startMs: 15_817, endMs: 16_417 })
    editor.stopEditing()
    const before = editor.model
    usePlaybackStore().reportTime(12_000)
    await wrapper.get('[data-testid="new-segment"]').trigger('click')
    await flushPromises()
    expect(editor.model).toBe(before)
    expect(wrapper.get('[data-testid="editor-notice"]').text()).toContain('Split (Ctrl+Enter)')
    wrapper.unmount()
  })

  it('the help overlay lists both commands with their keys', async () => {
    const { wrapper } = await mountSample()
    useEditorUiStore().helpOpen = true
    await flushPromises()
    const help = wrapper.get('[data-testid="shortcut-help"]').text()
    expect(help).toContain('New segment at the playhead (or from the range selected on the waveform)Ctrl+Shift+Enter')
    expect(help).toContain('Delete the segment (undo brings it back)Ctrl+Shift+Backspace')
    wrapper.unmount()
  })
})
