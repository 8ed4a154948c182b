import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { nextTick } from 'vue'
import { segmentText } from '../../shared/transcript'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useEditorUiStore } from '../../renderer/src/stores/editor-ui-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { mountSampleEditor, resetEditorTest } from './support/editor-mount'

/*
 * While playing, a shortcut acts on the row that looks current — the
 * highlighted (cursor) row — never on another one. While the transcript follows playback the
 * highlight moves with it; once the reviewer has scrolled away it stays where it was, and so do
 * the keys. Each editing shortcut is pressed with the playback store's time inside segment 2.
 */

beforeEach(resetEditorTest)

async function mountSample() {
  return { ...(await mountSampleEditor()), playback: usePlaybackStore(), ui: useEditorUiStore() }
}

function press(key: string, code: string, ctrl = false): void {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, code, ctrlKey: ctrl, bubbles: true, cancelable: true }))
}

/**
 * The id of the row shown as current: the cursor's, which TranscriptPane marks (class `cursor`,
 * aria-current). happy-dom lays nothing out, so the virtualised list draws no rows to read here;
 * the pane's binding is `is-cursor = editor.cursor.segmentId === row id`.
 */
function highlighted(_wrapper: VueWrapper): string | undefined {
  return useEditorStore().cursor?.segmentId
}

const shortcuts: ReadonlyArray<readonly [string, string, string, boolean]> = [
  ['Ctrl+2 (speaker)', '2', 'Digit2', true],
  ['Ctrl+Enter (split)', 'Enter', 'Enter', true],
  ['Ctrl+M (merge with next)', 'm', 'KeyM', true],
  ['Enter (edit)', 'Enter', 'Enter', false]
]

/** Which segment a shortcut acted on, read from what changed. */
function actedOn(editor: ReturnType<typeof useEditorStore>, before: NonNullable<ReturnType<typeof useEditorStore>['model']>): string | undefined {
  if (editor.editing) return editor.editing.segmentId
  const after = editor.model!
  return before.segments.find((s) => {
    const now = after.segments.find((x) => x.id === s.id)
    return !now || now.speakerId !== s.speakerId || segmentText(now) !== segmentText(s)
  })?.id
}

describe('shortcuts while playing act on the highlighted row', () => {
  it.each(shortcuts)('following playback: %s acts on the segment being played, which is the one highlighted', async (_name, key, code, ctrl) => {
    const { wrapper, editor, playback } = await mountSample()
    const seg = editor.model!.segments[2]
    expect(highlighted(wrapper)).toBe(editor.model!.segments[0].id)
    // Playing from the start of the task into segment 2, word 2.
    playback.reportPlaying(true)
    await nextTick()
    playback.reportTime(seg.words[2].startMs + 1)
    await flushPromises()
    expect(highlighted(wrapper)).toBe(seg.id)
    const before = editor.model!
    press(key, code, ctrl)
    await flushPromises()
    expect(actedOn(editor, before)).toBe(seg.id)
    wrapper.unmount()
  })

  it.each(shortcuts)('after scrolling away from playback: %s acts on the row still highlighted', async (_name, key, code, ctrl) => {
    const { wrapper, editor, playback, ui } = await mountSample()
    const segs = editor.model!.segments
    playback.reportPlaying(true)
    await nextTick()
    playback.reportTime(segs[0].words[1].startMs + 1)
    await flushPromises()
    // The reviewer scrolls the list away; playback goes on into segment 2.
    ui.following = false
    playback.reportTime(segs[2].words[2].startMs + 1)
    await flushPromises()
    expect(highlighted(wrapper)).toBe(segs[0].id)
    const before = editor.model!
    press(key, code, ctrl)
    await flushPromises()
    expect(actedOn(editor, before)).toBe(segs[0].id)
    wrapper.unmount()
  })

  it('a split while playing cuts the highlighted row at the word being played', async () => {
    const { wrapper, editor, playback } = await mountSample()
    const seg = editor.model!.segments[2]
    playback.reportPlaying(true)
    await nextTick()
    playback.reportTime(seg.words[2].startMs + 1)
    await flushPromises()
    press('Enter', 'Enter', true)
    await flushPromises()
    expect(editor.model!.segments[2].words.map((w) => w.text)).toEqual(seg.words.slice(0, 2).map((w) => w.text))
    expect(editor.model!.segments[3].words.map((w) => w.text)).toEqual(seg.words.slice(2).map((w) => w.text))
    wrapper.unmount()
  })
})
