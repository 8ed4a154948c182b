import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ShortcutHelp from '../../renderer/src/components/editor/ShortcutHelp.vue'
import ShortcutSettings from '../../renderer/src/components/editor/ShortcutSettings.vue'
import { segmentText } from '../../shared/transcript'
import type { Segment } from '../../shared/transcript'
import { mountSampleEditor, pressKey, resetEditorTest } from './support/editor-mount'

/*
 * Merge with the previous segment, on its own key (Ctrl+Shift+M), listed in
 * the shortcut help and settings; right after a split it joins the halves back exactly.
 */

beforeEach(resetEditorTest)

const mountSample = mountSampleEditor
const press = pressKey

/** What a reviewer (and an export) sees of a segment: bounds, speaker, text and every word's timing. */
const shape = (s: Segment) => ({ startMs: s.startMs, endMs: s.endMs, speakerId: s.speakerId, text: segmentText(s), words: s.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, confidence: w.confidence })) })

describe('merge with the previous segment', () => {
  it('Ctrl+Enter then Ctrl+Shift+M: the split segment comes back with its text and word timings, cursor on the same word', async () => {
    const { wrapper, editor } = await mountSample()
    const before = editor.model!.segments.map(shape)
    const seg = editor.model!.segments[1]
    editor.goTo(seg.id, 3, { seek: false, focus: false })
    press('Enter', 'Enter', { ctrl: true })
    await flushPromises()
    expect(editor.model!.segments).toHaveLength(before.length + 1)
    // The cursor is on the second half, as after any split…
    expect(editor.cursor).toEqual({ segmentId: editor.model!.segments[2].id, wordIndex: 0 })
    // …and the merge that key reaches for is the one that undoes it.
    press('M', 'KeyM', { ctrl: true, shift: true })
    await flushPromises()
    expect(editor.model!.segments.map(shape)).toEqual(before)
    expect(editor.cursor).toEqual({ segmentId: seg.id, wordIndex: 3 })
    // One undo step each way.
    editor.undo()
    expect(editor.model!.segments).toHaveLength(before.length + 1)
    wrapper.unmount()
  })

  it('merges an ordinary pair too, keeps the cursor on the word it was on, and says so on the first segment', async () => {
    const { wrapper, editor } = await mountSample()
    const [s0, s1] = editor.model!.segments
    editor.goTo(s1.id, -1, { seek: false, focus: false })
    expect(editor.mergeWithPrevious()).toBe(true)
    const merged = editor.model!.segments[0]
    expect(merged.id).toBe(s0.id)
    expect(segmentText(merged)).toBe(`${segmentText(s0)} ${segmentText(s1)}`)
    expect(merged.words.map((w) => [w.startMs, w.endMs])).toEqual([...s0.words, ...s1.words].map((w) => [w.startMs, w.endMs]))
    expect(editor.cursor).toEqual({ segmentId: s0.id, wordIndex: s0.words.length })
    expect(editor.mergeWithPrevious()).toBe(false)
    expect(editor.lastError).toBe('There is no previous segment to merge with.')
    wrapper.unmount()
  })

  it('after the halves were edited, merges them the ordinary way (the edit is kept)', async () => {
    const { wrapper, editor } = await mountSample()
    const seg = editor.model!.segments[1]
    editor.split(seg.id, { wordIndex: 2 })
    const second = editor.model!.segments[2]
    editor.typeText(second.id, `${segmentText(second)} indeed`)
    expect(editor.mergeWithPrevious(second.id)).toBe(true)
    expect(segmentText(editor.model!.segments[1])).toBe(`${segmentText(seg)} indeed`)
    wrapper.unmount()
  })

  it('is in the shortcut help and the settings, with its key', async () => {
    const help = mount(ShortcutHelp, { attachTo: document.body })
    await flushPromises()
    expect(help.text()).toContain('Merge with the previous segment')
    expect(help.text()).toContain('Ctrl+Shift+M')
    help.unmount()
    const settings = mount(ShortcutSettings, { attachTo: document.body })
    await flushPromises()
    expect(settings.text()).toContain('Merge with the previous segment')
    expect(settings.text()).toContain('Ctrl+Shift+M')
    settings.unmount()
  })
})
