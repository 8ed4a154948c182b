import { flushPromises, mount } from '@vue/test-utils'
import TranscriptSegment from '../../renderer/src/components/editor/TranscriptSegment.vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { useReviewQueueStore } from '../../renderer/src/stores/review-queue-store'
import { useReviewQueuePrefsStore, exportChoices, reviewQueueKeys } from '../../renderer/src/stores/review-queue-prefs-store'
import { defaultWeights } from '../../shared/review/queue'
import { mountSampleEditor, pressKey, resetEditorTest } from './support/editor-mount'

/*
 * The review queue in the editor: the keys walk it and accept words (an undoable edit kept in
 * the model), the panel lists it, the transcript marks it, and the weights are remembered.
 */

let unmount: (() => void) | null = null
beforeEach(() => resetEditorTest())
afterEach(() => {
  unmount?.()
  unmount = null
  // Nothing of the queue may run after the test (the word list resolving, the idle cue cut).
  useReviewQueueStore().$dispose()
})

async function setup() {
  const { wrapper, editor } = await mountSampleEditor()
  unmount = () => wrapper.unmount()
  const queue = useReviewQueueStore()
  // The word list loads on demand; the queue fills in when it has.
  await flushPromises()
  await nextTick()
  return { wrapper, editor, queue }
}

describe('the review queue in the editor', () => {
  it('Q walks the queue in order, Shift+Q goes back, Y accepts (undoable) and moves on', async () => {
    const { wrapper, editor, queue } = await setup()
    expect(queue.openCount).toBeGreaterThan(2)
    const [first, second] = queue.items
    pressKey('q', 'KeyQ')
    await nextTick()
    expect(queue.open).toBe(true)
    expect(queue.currentWordId).toBe(first.wordId)
    const seg = editor.model!.segments.find((s) => s.id === first.segmentId)!
    expect(editor.cursor).toEqual({ segmentId: first.segmentId, wordIndex: seg.words.findIndex((w) => w.id === first.wordId) })
    pressKey('q', 'KeyQ')
    expect(queue.currentWordId).toBe(second.wordId)
    pressKey('Q', 'KeyQ', { shift: true })
    expect(queue.currentWordId).toBe(first.wordId)

    const before = queue.openCount
    pressKey('y', 'KeyY')
    await nextTick()
    expect(editor.model!.acceptedWordIds).toEqual([first.wordId])
    expect(queue.openCount).toBe(before - 1)
    expect(queue.items.some((i) => i.wordId === first.wordId)).toBe(false)
    expect(queue.currentWordId).toBe(second.wordId)

    // The panel lists the items, the current one marked; the transcript outlines queued words.
    await nextTick()
    const rows = wrapper.findAll('[data-testid="review-queue-item"]')
    expect(rows.length).toBe(Math.min(150, queue.openCount))
    expect(wrapper.find('[data-testid="review-queue-item"][aria-current="true"]').attributes('data-word-id')).toBe(second.wordId)
    // Every word row on screen (the list is virtual): outlined exactly when queued, the current item apart.
    const segment = editor.model!.segments.find((s) => s.id === second.segmentId)!
    const row = mount(TranscriptSegment, { attachTo: document.body, props: { segment, index: 0, speakerName: 'A', speakerNumber: 0, isCursor: true, cursorWord: -1, editing: null } })
    const spans = row.findAll('.w[data-word-id]')
    expect(spans.length).toBeGreaterThan(0)
    expect(spans.some((w) => w.classes('queued'))).toBe(true)
    for (const w of spans) {
      const id = w.attributes('data-word-id')!
      expect(w.classes('queued')).toBe(queue.queuedWordIds.has(id))
      expect(w.classes('queued-current')).toBe(id === second.wordId)
    }
    row.unmount()

    editor.undo()
    await nextTick()
    expect(editor.model!.acceptedWordIds ?? []).toEqual([])
    expect(queue.openCount).toBe(before)
  })

  it('a click on a panel row goes to its word', async () => {
    const { wrapper, editor, queue } = await setup()
    queue.open = true
    await nextTick()
    const rows = wrapper.findAll('[data-testid="review-queue-item"]')
    await rows[2].trigger('click')
    expect(queue.currentWordId).toBe(queue.items[2].wordId)
    expect(editor.cursor?.segmentId).toBe(queue.items[2].segmentId)
  })

  it('remembers weights (0 turns a signal off) and reads the export dialog\'s preset and language', async () => {
    const { queue } = await setup()
    const prefs = useReviewQueuePrefsStore()
    const lowBefore = queue.items.filter((i) => i.reasons.some((r) => r.signal === 'low-confidence')).length
    expect(lowBefore).toBeGreaterThan(0)
    prefs.setWeight('low-confidence', 0)
    await nextTick()
    expect(queue.items.some((i) => i.reasons.some((r) => r.signal === 'low-confidence'))).toBe(false)
    expect(JSON.parse(localStorage.getItem(reviewQueueKeys.weights)!)).toEqual({ ...defaultWeights, 'low-confidence': 0 })
    prefs.setWeight('number', 99)
    expect(prefs.weights.number).toBe(10)
    expect(exportChoices({ preset: 'bbc', language: 'pt' })).toEqual({ preset: 'bbc', language: 'pt' })
    expect(exportChoices({ preset: 'nope' })).toEqual({ preset: 'netflix-en', language: 'en' })
  })
})
