import { beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import TranscriptSegment from '../../renderer/src/components/editor/TranscriptSegment.vue'
import TranscriptPane from '../../renderer/src/components/TranscriptPane.vue'

/*
 * A click on a row's blank part (beside its last word, its padding, the gap in its speaker/time gutter) puts the
 * cursor on that row, at the end of its text, and focuses it; words, the speaker chip and the
 * row's buttons keep their own clicks.
 */

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  installFakeSdte()
})

async function openSample() {
  useTaskStore().opened = openedSample()
  await nextTick()
  return useEditorStore()
}

function mountRow(editor: ReturnType<typeof useEditorStore>, index: number) {
  const segment = editor.model!.segments[index]
  return mount(TranscriptSegment, {
    attachTo: document.body,
    props: { segment, index, speakerName: 'Ben C.', speakerNumber: 0, isCursor: false, cursorWord: -1, editing: null }
  })
}

describe('a click on a transcript row', () => {
  it('on its blank parts asks for the row; on a word, the chip or a button it does not', async () => {
    const editor = await openSample()
    const row = mountRow(editor, 2)
    const id = editor.model!.segments[2].id
    // The row's padding (the article itself), the text's blank end (the paragraph), the header's gap.
    await row.get('article').trigger('click')
    await row.get('[data-testid="segment-text"]').trigger('click')
    await row.get('.gutter').trigger('click')
    expect(row.emitted('row')).toEqual([[id], [id], [id]])
    // A word is a word click (it seeks there), not a row click.
    await row.findAll('.w')[3].trigger('click')
    expect(row.emitted('word')).toEqual([[id, 3]])
    await row.get('[data-testid="speaker-chip"]').trigger('click')
    await row.get('[data-testid="reviewed-toggle"]').trigger('click')
    await row.get('button.time').trigger('click')
    expect(row.emitted('row')).toHaveLength(3)
    expect(row.emitted('speaker')).toHaveLength(1)
    expect(row.emitted('toggleReviewed')).toEqual([[id]])
    expect(row.emitted('seek')).toHaveLength(1)
    // Not the right button's click, nor one a handler inside already took.
    await row.get('article').trigger('click', { button: 2 })
    expect(row.emitted('row')).toHaveLength(3)
    row.unmount()
  })

  it('ignores the click that ends a drag-selection of the row’s text (to copy it)', async () => {
    const editor = await openSample()
    const row = mountRow(editor, 1)
    const text = row.get('[data-testid="segment-text"]').element
    const range = document.createRange()
    range.selectNodeContents(text)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    await row.get('[data-testid="segment-text"]').trigger('click')
    expect(row.emitted('row')).toBeUndefined()
    window.getSelection()!.removeAllRanges()
    await row.get('[data-testid="segment-text"]').trigger('click')
    expect(row.emitted('row')).toHaveLength(1)
    row.unmount()
  })

  it('in the pane: the cursor goes to that row, at the end of its text, without moving playback; Enter then edits at the end', async () => {
    const editor = await openSample()
    const playback = usePlaybackStore()
    // happy-dom lays nothing out: the virtualised list is given a window's worth of height to fill.
    const size = { clientHeight: 600, clientWidth: 800 }
    const saved = Object.fromEntries(Object.keys(size).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)]))
    for (const [k, v] of Object.entries(size)) Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v })
    onTestFinished(() => {
      for (const [k, d] of Object.entries(saved)) if (d) Object.defineProperty(HTMLElement.prototype, k, d)
    })
    const pane = mount(TranscriptPane, { attachTo: document.body })
    await flushPromises()
    const rows = pane.findAll('article.segment')
    expect(rows.length).toBeGreaterThan(1)
    const target = editor.model!.segments[1]
    expect(editor.cursor?.segmentId).not.toBe(target.id)
    const seeks = playback.seekCount
    await pane.get(`[data-segment-id="${target.id}"]`).trigger('click')
    expect(editor.cursor).toEqual({ segmentId: target.id, wordIndex: -1 })
    expect(playback.seekCount).toBe(seeks)
    await flushPromises()
    await new Promise((r) => requestAnimationFrame(r))
    await flushPromises()
    expect(document.activeElement?.getAttribute('data-segment-id')).toBe(target.id)
    // "End of its text": editing from here starts with the caret after the last word.
    editor.startEditing()
    const length = target.words.map((w) => w.text).join(' ').length
    expect(editor.editing).toEqual({ segmentId: target.id, selectionStart: length, selectionEnd: length })
    pane.unmount()
  })
})
