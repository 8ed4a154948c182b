import { beforeEach, expect, it, onTestFinished, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { ComponentPublicInstance } from 'vue'
import { installFakeSdte } from './support/fake-sdte'
import { convertRealFixture } from '../fixtures/real-to-export'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import TranscriptPane from '../../renderer/src/components/TranscriptPane.vue'

/*
 * Scrolling the transcript renders only what changed (issue 21: a scroll frame re-rendered the
 * pane's toolbar and every row on screen, each asking vue-i18n for its texts again): the rows
 * that scroll in are patched with their segments; the rows that stay, the bar above the list
 * and the status buttons of the rows that stay are not rendered again.
 */

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  installFakeSdte()
})

it('a scroll renders the rows that come in, not the rows that stay nor the toolbar', async () => {
  // happy-dom lays nothing out: the virtualised list is given a window's worth of height to fill.
  const size = { clientHeight: 900, clientWidth: 1000 }
  const saved = Object.fromEntries(Object.keys(size).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)]))
  for (const [k, v] of Object.entries(size)) Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v })
  onTestFinished(() => {
    for (const [k, d] of Object.entries(saved)) if (d) Object.defineProperty(HTMLElement.prototype, k, d)
  })
  const editor = useEditorStore()
  useTaskStore().opened = { origin: 'sample', fileName: 'senate-2h.json', data: convertRealFixture('senate-hearing-2h.dpe.json'), exportHash: 'hash-2h', draft: null }
  // A long task is normalised in slices between frames (lib/normalise-in-slices.ts).
  await vi.waitUntil(() => editor.model, { timeout: 15_000, interval: 20 })
  expect(editor.model?.segments.length).toBe(838)
  // Renders after the first, by component: every component's `updated` hook counts one.
  const updates = new Map<string, number>()
  const counting = {
    updated(this: ComponentPublicInstance) {
      const name = (this.$.type as { __name?: string }).__name ?? '?'
      updates.set(name, (updates.get(name) ?? 0) + 1)
    }
  }
  const pane = mount(TranscriptPane, { attachTo: document.body, global: { mixins: [counting] } })
  onTestFinished(() => pane.unmount())
  await flushPromises()
  const scroller = pane.get('[data-testid="transcript-scroller"]').element as HTMLElement
  // Nor does it scroll: the offset is the scroller's own, as a browser keeps it.
  let offset = 0
  Object.defineProperty(scroller, 'scrollTop', { configurable: true, get: () => offset, set: (v: number) => (offset = v) })
  const shown = (): Map<Element, string> => new Map([...scroller.querySelectorAll('article.segment')].map((el) => [el, el.getAttribute('data-segment-id') ?? '']))

  for (const step of [400, 600, 900]) {
    const before = shown()
    updates.clear()
    scroller.scrollTop += step
    scroller.dispatchEvent(new Event('scroll'))
    await flushPromises()
    const after = shown()
    // Rows that now show another segment (pooled) or are new; those that kept theirs stayed.
    const changed = [...after].filter(([el, id]) => before.get(el) !== id).length
    const stayed = after.size - changed
    expect(stayed, `step ${step}: some rows stay on screen`).toBeGreaterThan(0)
    expect(changed, `step ${step}: some rows come in`).toBeGreaterThan(0)
    expect(updates.get('TranscriptToolbar') ?? 0, `step ${step}: the toolbar`).toBe(0)
    expect(updates.get('TranscriptSegment') ?? 0, `step ${step}: rows rendered again`).toBeLessThanOrEqual(changed)
    expect(updates.get('SegmentStatus') ?? 0, `step ${step}: status buttons rendered again`).toBeLessThanOrEqual(changed)
    // Every row shows its own segment's words (the spans are patched in place: lib/word-spans.ts).
    for (const [el, id] of after) {
      const words = editor.model!.segments.find((x) => x.id === id)!.words
      expect([...el.querySelectorAll('.w')].map((w) => w.textContent)).toEqual(words.map((w) => w.text))
      expect([...el.querySelectorAll('.w')].map((w) => w.getAttribute('data-word-id'))).toEqual(words.map((w) => w.id))
    }
  }
})
