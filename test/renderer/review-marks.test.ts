import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { reviewStatusOf } from '../../shared/transcript'
import SegmentStatus from '../../renderer/src/components/editor/SegmentStatus.vue'
import TranscriptFilterPicker from '../../renderer/src/components/editor/TranscriptFilterPicker.vue'
import { useTranscriptFilterStore } from '../../renderer/src/stores/transcript-filter-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { useEditorUiStore } from '../../renderer/src/stores/editor-ui-store'
import { mountSampleEditor as mountEditor, pressKey, resetEditorTest } from './support/editor-mount'

/*
 * Segment status and notes by key and by mouse, and the transcript filter, on the sample task in
 * the real editor (keys go to the window as the app's listener gets them). happy-dom lays nothing
 * out, so the row's own controls are mounted on their own with the same store.
 */

beforeEach(resetEditorTest)

// Each test's editor goes away with it (its window key listener too).
const mounted: Array<{ unmount(): void }> = []
afterEach(() => mounted.splice(0).forEach((w) => w.unmount()))
async function mountSampleEditor() {
  const result = await mountEditor()
  mounted.push(result.wrapper)
  return result
}

describe('segment status', () => {
  it('S cycles the cursor segment unreviewed → reviewed → second pass → unreviewed, each one undo step', async () => {
    const { editor } = await mountSampleEditor()
    const id = editor.cursor!.segmentId
    const status = () => reviewStatusOf(editor.model!.segments.find((s) => s.id === id)!)
    pressKey('s', 'KeyS')
    expect(status()).toBe('reviewed')
    pressKey('s', 'KeyS')
    expect(status()).toBe('second-pass')
    pressKey('S', 'KeyS', { ctrl: true, shift: true })
    expect(status()).toBe('unreviewed')
    editor.undo()
    expect(status()).toBe('second-pass')
    // Ctrl+D still toggles "reviewed", and settles a second pass.
    pressKey('d', 'KeyD', { ctrl: true })
    expect(status()).toBe('reviewed')
  })

  it('the gutter button cycles by mouse and says the status', async () => {
    const { editor } = await mountSampleEditor()
    const seg = () => editor.model!.segments[1]
    const button = mount(SegmentStatus, { props: { segment: seg(), isCursor: true } })
    expect(button.attributes('aria-label')).toBe('Status: Unreviewed. Change status')
    await button.trigger('click')
    await button.setProps({ segment: seg() })
    expect(button.attributes('data-status')).toBe('reviewed')
    await button.trigger('click')
    await button.setProps({ segment: seg() })
    expect(button.attributes('aria-label')).toBe('Status: Second pass. Change status')
  })
})

describe('segment notes', () => {
  it('C opens the note editor on the cursor segment; Enter saves it (one undo step)', async () => {
    // The note of the cursor segment's own row in the list (the list renders its first screen at once).
    const { editor, wrapper } = await mountSampleEditor()
    const id = editor.cursor!.segmentId
    pressKey('c', 'KeyC')
    expect(editor.noteEditing).toBe(id)
    const seg = () => editor.model!.segments.find((s) => s.id === id)!
    await flushPromises()
    const note = wrapper.get(`article.segment[data-segment-id="${id}"]`)
    const field = note.get<HTMLInputElement>('[data-testid="note-editor"]')
    expect(document.activeElement).toBe(field.element)
    await field.setValue('  Check the spelling of the name  ')
    await field.trigger('keydown', { key: 'Enter' })
    expect(seg().note).toBe('Check the spelling of the name')
    expect(editor.noteEditing).toBeNull()
    await flushPromises()
    expect(note.get('[data-testid="segment-note"]').text()).toContain('Check the spelling of the name')
    editor.undo()
    expect(seg().note).toBeUndefined()
    wrapper.unmount()
  })

  it('Escape cancels: the note stays as it was', async () => {
    const { editor, wrapper } = await mountSampleEditor()
    const id = editor.model!.segments[0].id
    editor.setNote(id, 'kept')
    editor.noteEditing = id
    const seg = () => editor.model!.segments[0]
    await flushPromises()
    const note = wrapper.get(`article.segment[data-segment-id="${id}"]`)
    const field = note.get<HTMLInputElement>('[data-testid="note-editor"]')
    expect(field.element.value).toBe('kept')
    await field.setValue('thrown away')
    await field.trigger('keydown', { key: 'Escape' })
    await field.trigger('blur')
    expect(seg().note).toBe('kept')
    expect(editor.noteEditing).toBeNull()
    wrapper.unmount()
  })
})

describe('transcript filter', () => {
  it('shows only the matching rows; up and down walk them; the picker offers queue items only with a queue', async () => {
    const { editor } = await mountSampleEditor()
    const filter = useTranscriptFilterStore()
    const segs = editor.model!.segments
    expect(segs.length).toBeGreaterThanOrEqual(4)
    editor.setReviewStatus('second-pass', segs[1].id)
    editor.setReviewStatus('second-pass', segs[3].id)
    editor.setNote(segs[2].id, 'a note')
    editor.setReviewStatus('reviewed', segs[0].id)

    filter.setFilter('second-pass')
    expect(filter.rows.map((s) => s.id)).toEqual([segs[1].id, segs[3].id])
    filter.setFilter('notes')
    expect(filter.rows.map((s) => s.id)).toEqual([segs[2].id])
    filter.setFilter('unreviewed')
    expect(filter.rows.map((s) => s.id)).toEqual(editor.model!.segments.filter((s) => !s.reviewed && !s.secondPass).map((s) => s.id))
    expect(filter.rows.some((s) => s.id === segs[0].id)).toBe(false)

    // Keys walk the shown rows only.
    filter.setFilter('second-pass')
    editor.goTo(segs[1].id, -1, { seek: false })
    pressKey('ArrowDown', 'ArrowDown')
    expect(editor.cursor!.segmentId).toBe(segs[3].id)
    pressKey('ArrowUp', 'ArrowUp')
    expect(editor.cursor!.segmentId).toBe(segs[1].id)
    expect(filter.rowOf(2)).toBe(0) // segment 2 hidden: the list follows to the shown row before it

    // The editor wires the review queue in, so "with queue items" is offered; without a queue it is not.
    filter.setQueuePredicate(null)
    const picker = mount(TranscriptFilterPicker)
    expect(picker.findAll('option').map((o) => o.attributes('value'))).toEqual(['all', 'unreviewed', 'second-pass', 'notes'])
    filter.setQueuePredicate((id) => id === segs[2].id)
    await nextTick()
    expect(picker.findAll('option').map((o) => o.attributes('value'))).toContain('queue')
    filter.setFilter('queue')
    expect(filter.rows.map((s) => s.id)).toEqual([segs[2].id])
  })

  it('marking a row reviewed under "unreviewed" moves the cursor to the next shown row', async () => {
    const { editor } = await mountSampleEditor()
    const filter = useTranscriptFilterStore()
    const segs = editor.model!.segments
    filter.setFilter('unreviewed')
    editor.goTo(segs[0].id, -1, { seek: false })
    pressKey('s', 'KeyS')
    expect(filter.isShown(segs[0].id)).toBe(false)
    expect(editor.cursor!.segmentId).toBe(segs[1].id)
  })

  it('following playback never puts the cursor on a hidden row', async () => {
    const { editor } = await mountSampleEditor()
    const filter = useTranscriptFilterStore()
    const playback = usePlaybackStore()
    const segs = editor.model!.segments
    editor.setNote(segs[0].id, 'only this one')
    filter.setFilter('notes')
    editor.goTo(segs[0].id, -1, { seek: false })
    useEditorUiStore().following = true
    playback.reportPlaying(true)
    playback.reportTime(segs[2].startMs + 10)
    await nextTick()
    await nextTick()
    expect(editor.cursor!.segmentId).toBe(segs[0].id)
    // Unfiltered, it follows as before.
    filter.setFilter('all')
    playback.reportTime(segs[3].startMs + 10)
    await nextTick()
    await nextTick()
    expect(editor.cursor!.segmentId).toBe(segs[3].id)
  })
})
